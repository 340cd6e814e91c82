import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { installFakePreload } from '../../support/fake-preload';
import { ParleyDb, setParleyDb } from '../../../../renderer/history/db/database';
import { appendUserMessage, createConversation } from '../../../../renderer/history/db';
import { runBackup } from '../../../../renderer/history/storage/backup-scheduler';

let dataDir: string;
const partsOf = new Map<string, number>(); // parts seen, by upload
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-backup-parts-'));
  const backend = createBackend({ dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  installFakePreload({
    hub: backend.hub,
    dispatch: (route, input) => {
      if (route === 'backups.writePart') partsOf.set((input as { upload: string }).upload, (input as { index: number }).index + 1);
      return backend.dispatch(route, input);
    },
  });
  setParleyDb(new ParleyDb(`backup-parts-${Date.now()}`));
});

describe('a backup of a large history', () => {
  it('goes to main in parts, and main writes all of it', async () => {
    const c = await createConversation({ title: 'Long one', columns: [{ id: 'col1', model: 'openai/gpt-4o', settings: {} }] });
    const long = `${'a long pasted log line\n'.repeat(40_000)}END OF LOG`; // ≈ 0.9 M characters
    await appendUserMessage(c.id, { content: long });
    const run = await runBackup();
    expect(run).toMatchObject({ written: true, conversations: 1 });
    expect([...partsOf.values()]).toEqual([4]);
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'backups', (run as { name: string }).name), 'utf8')) as { conversations: { id: string; messages: { content: string }[] }[] };
    expect(onDisk.conversations.find((x) => x.id === c.id)!.messages[0]!.content).toBe(long);
  });
});
