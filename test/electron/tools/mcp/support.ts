import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { createMcpManager, createMcpServerStore } from '../../../../electron/tools/mcp';
import type { McpServerSummary } from '../../../../shared/contract/mcp';
import { FAKE_STDIO } from '../../../fakes/mcp/stdio-command';

export { FAKE_STDIO };

export function newManager(opts: { startTimeoutMs?: number; callTimeoutMs?: number } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-mcp-'));
  const store = createMcpServerStore(dataDir, createLocalCipher(dataDir));
  const changes: McpServerSummary[][] = [];
  const manager = createMcpManager({ store, version: 'test', onChange: (s) => changes.push(s), startTimeoutMs: opts.startTimeoutMs ?? 15_000, ...opts });
  return { dataDir, store, manager, changes };
}

/** Adds the fake stdio server (in `mode`) and confirms its command line, as the user would. */
export async function addConfirmedStdio(manager: ReturnType<typeof newManager>['manager'], name: string, mode?: string, env: { name: string; value: string }[] = []) {
  const saved = await manager.save({ transport: 'stdio', name, command: FAKE_STDIO.command, args: mode ? [...FAKE_STDIO.args, mode] : FAKE_STDIO.args, env });
  return manager.confirm(saved.id, saved.commandLine!);
}
