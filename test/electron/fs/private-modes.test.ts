import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../electron/backend/create-backend';
import { createGenerationJournal } from '../../../electron/backend/generation-journal';
import { createLocalCipher } from '../../../electron/vault/local-cipher';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
const posix = process.platform !== 'win32';

describe.runIf(posix)('the data directory is private to this user', () => {
  it('creates folders 0700 and files 0600', async () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-modes-'));
    dirs.push(root);
    const dataDir = join(root, 'Parley');
    const backend = createBackend({ dataDir, transport: 'host', version: 't', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
    await backend.dispatch('settings.update', { theme: 'dark' });
    await backend.dispatch('keys.set', { kind: 'anthropic', label: 'A', apiKey: 'sk-ant-mode-test-123456' });
    await backend.dispatch('backups.write', { json: JSON.stringify({ format: 'parley-export', version: 1, conversations: [] }) });
    createGenerationJournal(dataDir).record({ id: 'gen-1' } as GenerationRecord);
    await backend.close();
    expect(mode(dataDir)).toBe('700');
    for (const d of ['ledger', 'backups']) expect(mode(join(dataDir, d))).toBe('700');
    for (const f of ['settings.json', 'keys.json', 'vault.key', join('ledger', 'journal.jsonl')]) expect([f, mode(join(dataDir, f))]).toEqual([f, '600']);
  });

  it('tightens what an older version left readable by others', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-modes-'));
    dirs.push(dataDir);
    mkdirSync(join(dataDir, 'ledger'));
    mkdirSync(join(dataDir, 'catalog'));
    writeFileSync(join(dataDir, 'settings.json'), '{}');
    writeFileSync(join(dataDir, 'ledger', 'journal.jsonl'), '');
    writeFileSync(join(dataDir, 'catalog', 'openrouter-models.json'), '{}');
    for (const p of [dataDir, join(dataDir, 'ledger'), join(dataDir, 'catalog')]) chmodSync(p, 0o755);
    for (const p of ['settings.json', 'ledger/journal.jsonl', 'catalog/openrouter-models.json']) chmodSync(join(dataDir, p), 0o644);
    const backend = createBackend({ dataDir, transport: 'host', version: 't', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
    await backend.close();
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'ledger'))).toBe('700');
    expect(mode(join(dataDir, 'catalog'))).toBe('700');
    expect(mode(join(dataDir, 'settings.json'))).toBe('600');
    expect(mode(join(dataDir, 'ledger', 'journal.jsonl'))).toBe('600');
    expect(mode(join(dataDir, 'catalog', 'openrouter-models.json'))).toBe('600');
  });
});
