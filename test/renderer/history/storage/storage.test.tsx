import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { render, screen, cleanup, act, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { installFakePreload } from '../../support/fake-preload';
import { ParleyDb, setParleyDb } from '../../../../renderer/history/db/database';
import { appendUserMessage, createConversation, getConversation, listAllMessages, purgeConversation, updateConversation } from '../../../../renderer/history/db';
import { reportStorageProblem, QUOTA_ADVICE } from '../../../../renderer/history/db/events';
import { runBackup } from '../../../../renderer/history/storage/backup-scheduler';
import { exportJson } from '../../../../renderer/history/transfer/formats/export-json';
import { StorageSection } from '../../../../renderer/history/storage/StorageSection';
import { StorageProblemBanner } from '../../../../renderer/history/storage/StorageProblemBanner';
import { afterTeardown } from '../../support/after-teardown';

let dataDir: string;
let n = 0;
const handed: string[] = []; // what the renderer gave main to back up
const arriving = new Map<string, string>(); // its parts so far, by upload
// While set, main answers 'backups.list' only once the test releases it.
let heldList: { requested: () => void; released: Promise<void> } | null = null;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-storage-'));
  const backend = createBackend({ dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  installFakePreload({
    hub: backend.hub,
    dispatch: (route, input) => {
      if (route === 'backups.writePart') {
        const part = input as { upload: string; index: number; text: string; last: boolean };
        arriving.set(part.upload, (arriving.get(part.upload) ?? '') + part.text);
        if (part.last) handed.push(arriving.get(part.upload)!);
      }
      const held = route === 'backups.list' ? heldList : null;
      if (!held) return backend.dispatch(route, input);
      held.requested();
      return held.released.then(() => backend.dispatch(route, input));
    },
  });
});
beforeEach(() => setParleyDb(new ParleyDb(`storage-test-${Date.now()}-${++n}`)));
afterEach(() => cleanup());

const columns = [{ id: 'col1', model: 'openai/gpt-4o', settings: {} }];
const DAY = 24 * 3_600_000;

describe('automatic backups', () => {
  it('hands main the conversations changed since the previous day’s backup', async () => {
    const t0 = Date.UTC(2026, 10, 20, 10);
    const a = await createConversation({ title: 'Alpha', columns, now: t0 });
    await appendUserMessage(a.id, { content: 'first words', now: t0 });
    const first = await runBackup(t0 + 1000);
    expect(first).toMatchObject({ written: true, conversations: 1 });
    expect(await runBackup(t0 + 2000)).toEqual({ written: false, reason: 'nothing changed since the last backup' });

    const b = await createConversation({ title: 'Beta', columns, now: t0 + DAY });
    await appendUserMessage(b.id, { content: 'second words', now: t0 + DAY });
    const second = await runBackup(t0 + DAY + 1000);
    expect(second).toMatchObject({ written: true, conversations: 1 });
    const files = readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.json'));
    const text = handed.at(-1)!;
    expect(text).toContain('second words');
    expect(text).not.toContain('first words');
    expect(files.length).toBeGreaterThanOrEqual(1);
    // Main wrote both runs into the file of its own (real) day, which keeps what the earlier run held.
    const onDisk = readFileSync(join(dataDir, 'backups', (second as { name: string }).name), 'utf8');
    expect(onDisk).toContain('second words');
    expect(onDisk).toContain('first words');
    // a later run the same day keeps that day's starting point, so it never holds less
    await updateConversation(a.id, { title: 'Alpha renamed' });
    const again = await runBackup(t0 + DAY + 5000);
    expect(again).toMatchObject({ written: true, conversations: 2 });
  });

  it('restores a backup from Settings after the conversation was deleted', async () => {
    const c = await createConversation({ title: 'Keep me', columns });
    await appendUserMessage(c.id, { content: 'words worth keeping' });
    await runBackup(Date.now() + 10 * DAY); // a fresh day: everything changed since the last run is included
    await purgeConversation(c.id);
    expect(await getConversation(c.id)).toBeUndefined();
    render(<StorageSection />);
    const restore = await screen.findAllByRole('button', { name: /^Restore backup of / });
    await userEvent.setup().click(restore[0]!);
    expect(await screen.findByRole('status')).toBeTruthy();
    expect((await listAllMessages(c.id)).map((m) => m.content)).toContain('words worth keeping');
    expect(screen.getByLabelText('Storage use').textContent).toMatch(/Conversations use/);
  });
});

describe('closing Settings', () => {
  it('while a backup is under way leaves nothing to update once the page is gone', async () => {
    render(<StorageSection />);
    const list = screen.getByRole('list', { name: 'Backups' });
    await waitFor(() => expect(within(list).queryAllByRole('listitem').length).toBeGreaterThan(0)); // loaded
    let release!: () => void;
    const listRequested = new Promise<void>((requested) => {
      heldList = { requested, released: new Promise<void>((r) => (release = r)) };
    });
    try {
      await userEvent.setup().click(screen.getByRole('button', { name: 'Back up now' }));
      await listRequested; // the backup is written and the section is reloading its list
      cleanup();
      // as test/renderer/setup.ts does after every test: React's scheduler may still hold a task of the unmount,
      // which runs on the next turn or two while the page is there (the list is still held meanwhile)
      for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
      expect(await afterTeardown(release)).toEqual([]);
    } finally {
      heldList = null;
      release();
    }
  });
});

describe('restoring every backup', () => {
  it('restores the newest copy of a conversation that several daily backups hold', async () => {
    const c = await createConversation({ title: 'Diary', columns });
    await appendUserMessage(c.id, { content: 'monday words' });
    const monday = await exportJson([c.id]);
    await appendUserMessage(c.id, { content: 'tuesday words' });
    const tuesday = await exportJson([c.id]);
    const dir = join(dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'parley-backup-2026-11-02.json'), monday);
    writeFileSync(join(dir, 'parley-backup-2026-11-03.json'), tuesday);
    await purgeConversation(c.id);
    render(<StorageSection />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Restore from every backup' }));
    expect(await screen.findByText(/^Restored \d+ conversations? from \d+ backups/)).toBeTruthy();
    expect((await listAllMessages(c.id)).map((m) => m.content)).toEqual(['monday words', 'tuesday words']);
  });
});

describe('a full disk', () => {
  it('tells the user what to do and clears once the write succeeds', async () => {
    render(<StorageProblemBanner />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => reportStorageProblem({ type: 'quota-exceeded', operation: 'checkpoint', unsavedChars: 1234, retryInMs: 5000, advice: QUOTA_ADVICE }));
    expect(screen.getByRole('alert').textContent).toContain('storage is full');
    expect(screen.getByRole('alert').textContent).toContain('1,234 characters waiting to be saved');
    act(() => reportStorageProblem({ type: 'write-recovered', operation: 'checkpoint' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stays until every held answer is saved, and offers to try at once', async () => {
    render(<StorageProblemBanner />);
    const full = (messageId: string, unsavedChars: number) =>
      reportStorageProblem({ type: 'quota-exceeded', messageId, operation: 'finish answer', unsavedChars, retryInMs: 5000, advice: QUOTA_ADVICE });
    act(() => full('m1', 1000));
    act(() => full('m2', 500));
    expect(screen.getByRole('alert').textContent).toContain('1,500 characters waiting to be saved');
    expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Try saving now' })).toBeTruthy();
    act(() => reportStorageProblem({ type: 'write-recovered', messageId: 'm1', operation: 'finish answer' }));
    expect(screen.getByRole('alert').textContent).toContain('500 characters waiting to be saved');
    act(() => reportStorageProblem({ type: 'write-recovered', messageId: 'm2', operation: 'finish answer' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
