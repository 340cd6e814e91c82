import { describe, it, expect, beforeAll, beforeEach, afterEach, vi } from 'vitest';
import { screen, cleanup, within, waitFor, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { freshDb, type Faults } from '../../support/history-db';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { liveAnswers } from '../../../../renderer/common/room/live-answers';
import { App } from '../../../../renderer/app/App';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, listAllMessages } from '../../../../renderer/history/db/messages';
import { createConversation, getConversation, listConversations } from '../../../../renderer/history/db/conversations';

// A send is stored whole or not at all. When its write fails, nothing shows up, nothing streams, the composer
// says why and gives the prompt back to send again. Once stored, a send is never handed back (that would send
// it twice): an answer whose request cannot be built fails on its own.

let h: Harness;
let faults: Faults;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(async () => {
  resetPage();
  ({ faults } = await freshDb());
});
afterEach(async () => {
  vi.restoreAllMocks();
  faults.clear();
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

const prompts = () => screen.queryAllByRole('article', { name: 'Your prompt' }).map((p) => p.querySelector('.user-text')?.textContent);
const promptBox = () => screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement;

describe('a send whose write fails', { timeout: 30_000 }, () => {
  it('stores and starts nothing, says why and keeps the typed prompt; sending again works once', async () => {
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('First question');
    await within(await screen.findByRole('article', { name: 'Answer from beta' })).findByText(/Answer from test\/beta/, {}, { timeout: 5000 });
    await settled(h);
    const convId = useRoom.getState().openId!;
    const rowsBefore = await listAllMessages(convId);
    const convBefore = await getConversation(convId);
    const requestsBefore = h.requests.length;

    // the second column's pending answer cannot be written (disk full): the prompt and first answer went first
    faults.failWrites('messages', 1, { after: 2 });
    await sendPrompt('Second question');

    expect(await screen.findByText('Not sent: storage is full. Free disk space (or delete old conversations), then send again.')).toBeTruthy();
    expect(promptBox().value).toBe('Second question');
    expect(prompts()).toEqual(['First question']);
    expect(await listAllMessages(convId)).toEqual(rowsBefore);
    expect(await getConversation(convId)).toEqual(convBefore);
    expect([...useRoom.getState().messages.keys()].sort()).toEqual(rowsBefore.map((r) => r.id).sort());
    expect(liveAnswers.all().filter((e) => e.status === 'streaming')).toEqual([]);
    expect(h.requests.length).toBe(requestsBefore);

    // room again: Enter sends the kept prompt, once
    await userEvent.setup().type(promptBox(), '{Enter}');
    await waitFor(() => expect(h.requests.length).toBe(requestsBefore + 2));
    await settled(h);
    expect(promptBox().value).toBe('');
    expect(screen.queryByText(/Not sent/)).toBeNull();
    expect(prompts()).toEqual(['First question', 'Second question']);
    const rows = await listAllMessages(convId);
    expect(rows.filter((r) => r.role === 'user').map((r) => r.content)).toEqual(['First question', 'Second question']);
    expect(rows).toHaveLength(rowsBefore.length + 3);
  });

  it('from a new chat, leaves no conversation behind and keeps the draft’s columns', async () => {
    openRoomWith(['test/alpha', 'test/beta']);
    const draft = useRoom.getState().draftColumns;
    const requestsBefore = h.requests.length;
    faults.failWrites('messages', 1);
    await sendPrompt('Hello there');

    expect(await screen.findByText(/^Not sent: storage is full/)).toBeTruthy();
    expect(promptBox().value).toBe('Hello there');
    expect(await listConversations()).toEqual([]);
    expect(useRoom.getState()).toMatchObject({ openId: null, conversation: null, draftColumns: draft });
    expect(h.requests.length).toBe(requestsBefore);
    expect(prompts()).toEqual([]);

    await userEvent.setup().type(promptBox(), '{Enter}');
    await waitFor(() => expect(h.requests.length).toBe(requestsBefore + 2));
    await settled(h);
    const stored = await listConversations();
    expect(stored.map((c) => c.title)).toEqual(['Hello there']);
    expect(stored[0]!.columns).toEqual(draft);
  });
});

describe('a send whose requests cannot be built', { timeout: 30_000 }, () => {
  it('is sent (stored and shown); each answer says why it did not start', async () => {
    const user = userEvent.setup();
    const conv = await createConversation({ columns: [{ id: 'col_a', model: 'test/alpha', settings: {} }, { id: 'col_b', model: 'test/beta', settings: {} }] });
    const notes = { name: 'notes.txt', mime: 'text/plain', data: new TextEncoder().encode('temple list') };
    const first = await appendUserMessage(conv.id, { content: 'Plan from my notes', attachments: [notes] });
    for (const col of ['col_a', 'col_b']) {
      const a = await createAssistantMessage(conv.id, { parentId: first.id, columnId: col, model: { requested: 'test/x' } });
      await finalizeAssistantMessage(a.id, { status: 'done', content: 'A plan.' });
    }
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /^Plan from my notes/ }));
    await screen.findAllByRole('article', { name: 'Your prompt' });
    // the earlier prompt's attachment cannot be read back for the requests
    vi.spyOn(FileReader.prototype, 'readAsText').mockImplementation(function (this: FileReader) {
      queueMicrotask(() => this.onerror?.(new ProgressEvent('error') as ProgressEvent<FileReader>));
    });
    const requestsBefore = h.requests.length;
    await sendPrompt('Second day');

    await waitFor(() => expect(prompts()).toEqual(['Plan from my notes', 'Second day']));
    for (const label of ['alpha', 'beta']) {
      // the answer's cell is re-rendered as its outcome is stored: look it up again on every try
      await waitFor(() => {
        const cells = screen.getAllByRole('article', { name: `Answer from ${label}` });
        expect(within(cells.at(-1)!).getByText('could not read an attachment')).toBeTruthy();
        expect(within(cells.at(-1)!).getByText(/not sent — \$0/)).toBeTruthy();
      });
    }
    expect(promptBox().value).toBe('');
    expect(screen.queryByText(/Not sent/)).toBeNull();
    expect(h.requests.length).toBe(requestsBefore);
    const rows = await listAllMessages(conv.id);
    expect(rows.filter((r) => r.role === 'assistant' && r.parentId !== first.id).map((r) => [r.status, r.error?.message])).toEqual([
      ['error', 'could not read an attachment'],
      ['error', 'could not read an attachment'],
    ]);
  });
});
