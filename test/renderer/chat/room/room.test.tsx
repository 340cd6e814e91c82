import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within, waitFor, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, reloadPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { App } from '../../../../renderer/app/App';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { appendUserMessage, checkpointAnswer, createAssistantMessage, listAllMessages } from '../../../../renderer/history/db/messages';
import { createConversation } from '../../../../renderer/history/db/conversations';
import type { ChatMessage } from '../../../../shared/openrouter/chat-request';

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

const answer = (label: string) => screen.findByRole('article', { name: `Answer from ${label}` }, { timeout: 5000 });
const lastAnswer = (label: string) => screen.getAllByRole('article', { name: `Answer from ${label}` }).at(-1)!;
const text = (m: ChatMessage) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content));

describe('room: one prompt, many columns', { timeout: 30_000 }, () => {
  it('sends a prompt to three columns and streams each answer into its own column', async () => {
    openRoomWith(['test/alpha', 'test/beta', 'test/gamma']);
    const before = h.requests.length;
    await sendPrompt('Hello there');
    for (const m of ['alpha', 'beta', 'gamma']) {
      expect(await within(await answer(m)).findByText(`Answer from test/${m} to "Hello there" (turn 1)`, {}, { timeout: 5000 })).toBeTruthy();
    }
    await settled(h);
    const sent = h.requests.slice(before);
    expect(sent.map((r) => r.model).sort()).toEqual(['test/alpha', 'test/beta', 'test/gamma']);
    for (const r of sent) expect(r.messages).toEqual([{ role: 'user', content: 'Hello there' }]);
    // stored before acknowledged: the answers are in the database
    const convId = useRoom.getState().openId!;
    const rows = await listAllMessages(convId);
    expect(rows.filter((r) => r.role === 'assistant' && r.status === 'done')).toHaveLength(3);
    // the conversation shows up in the sidebar
    expect(within(screen.getByRole('list', { name: 'Conversation list' })).getByText('Hello there')).toBeTruthy();
  });

  it('keeps each column’s context to its own earlier answers', async () => {
    openRoomWith(['test/alpha', 'test/beta', 'test/gamma']);
    await sendPrompt('First question');
    await within(await answer('gamma')).findByText(/Answer from test\/gamma/, {}, { timeout: 5000 });
    await settled(h);
    const before = h.requests.length;
    await sendPrompt('Second question');
    await waitFor(() => expect(h.requests.length).toBe(before + 3));
    await settled(h);
    for (const r of h.requests.slice(before)) {
      const model = r.model!;
      expect(r.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
      expect(text(r.messages[1]!)).toBe(`Answer from ${model} to "First question" (turn 1)`);
      const others = ['test/alpha', 'test/beta', 'test/gamma'].filter((x) => x !== model);
      for (const o of others) expect(JSON.stringify(r.messages)).not.toContain(`Answer from ${o}`);
    }
  });

  it('“Continue with this answer” makes one answer the shared history of every column', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('Pick a name');
    await within(await answer('beta')).findByText(/Answer from test\/beta/, {}, { timeout: 5000 });
    await settled(h);
    await user.click(screen.getByRole('button', { name: 'Continue with this answer from beta' }));
    expect(await screen.findByText(/The next prompt continues from beta’s answer in every column/)).toBeTruthy();
    const before = h.requests.length;
    await sendPrompt('Go on');
    await waitFor(() => expect(h.requests.length).toBe(before + 2));
    await settled(h);
    for (const r of h.requests.slice(before)) {
      expect(text(r.messages[1]!)).toBe('Answer from test/beta to "Pick a name" (turn 1)');
    }
    expect(screen.getByText(/Continuing from beta’s answer in every column/)).toBeTruthy();
    // and later turns go back to per-column answers after the shared point
    const before2 = h.requests.length;
    await sendPrompt('Third');
    await waitFor(() => expect(h.requests.length).toBe(before2 + 2));
    await settled(h);
    for (const r of h.requests.slice(before2)) {
      expect(text(r.messages[1]!)).toBe('Answer from test/beta to "Pick a name" (turn 1)');
      expect(text(r.messages[3]!)).toBe(`Answer from ${r.model} to "Go on" (turn 2)`);
    }
  });
});

describe('room: stop, regenerate, edit, delete, retry', { timeout: 30_000 }, () => {
  it('stops one column while the other keeps going, and Esc stops the rest', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('[hang] please');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stop alpha' })).toBeTruthy(), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Stop alpha' }));
    expect(await within(await answer('alpha')).findByText('Stopped.', {}, { timeout: 5000 })).toBeTruthy();
    expect(within(await answer('beta')).queryByText('Stopped.')).toBeNull();
    expect(h.backend.streams!.active().filter((s) => s.status === 'streaming')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(await within(await answer('beta')).findByText('Stopped.', {}, { timeout: 5000 })).toBeTruthy();
    await settled(h);
    const rows = await listAllMessages(useRoom.getState().openId!);
    expect(rows.filter((r) => r.status === 'stopped')).toHaveLength(2);
    // the partial text was kept
    expect(rows.find((r) => r.role === 'assistant')!.content).toMatch(/^Answer/);
  });

  it('regenerates a sibling answer and switches between them', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    await sendPrompt('Tell me');
    await within(await answer('alpha')).findByText(/turn 1/, {}, { timeout: 5000 });
    await settled(h);
    const before = h.requests.length;
    await user.click(screen.getByRole('button', { name: 'Regenerate alpha' }));
    await waitFor(() => expect(h.requests.length).toBe(before + 1));
    await settled(h);
    const versions = await within(await answer('alpha')).findByRole('group', { name: 'Answer versions' });
    expect(within(versions).getByText('2/2')).toBeTruthy();
    // the regenerated request has the same history as the first
    expect(h.requests[before]!.messages).toEqual([{ role: 'user', content: 'Tell me' }]);
    await user.click(within(versions).getByRole('button', { name: 'Previous answer' }));
    expect(await within(await answer('alpha')).findByText('1/2')).toBeTruthy();
    const rows = await listAllMessages(useRoom.getState().openId!);
    expect(rows.filter((r) => r.role === 'assistant')).toHaveLength(2);
  });

  it('editing a prompt makes a new branch and keeps the old one', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    await sendPrompt('Original');
    await within(await answer('alpha')).findByText(/to "Original"/, {}, { timeout: 5000 });
    await settled(h);
    await sendPrompt('Follow-up');
    await waitFor(() => expect(screen.getAllByRole('article', { name: 'Answer from alpha' })).toHaveLength(2));
    await within(lastAnswer('alpha')).findByText(/to "Follow-up"/, {}, { timeout: 5000 });
    await settled(h);
    const prompts = screen.getAllByRole('article', { name: 'Your prompt' });
    await user.click(within(prompts[0]!).getByRole('button', { name: 'Edit prompt' }));
    const box = screen.getByRole('textbox', { name: 'Edit prompt' });
    await user.clear(box);
    await user.type(box, 'Edited');
    await user.click(screen.getByRole('button', { name: 'Send as new branch' }));
    await within(await answer('alpha')).findByText(/to "Edited" \(turn 1\)/, {}, { timeout: 5000 });
    await settled(h);
    // the new branch has one turn; the old one is behind the switcher
    expect(screen.getAllByRole('article', { name: 'Your prompt' })).toHaveLength(1);
    expect(screen.queryByText('Follow-up')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Previous prompt' }));
    expect(await screen.findByText('Follow-up')).toBeTruthy();
    const first = screen.getAllByRole('article', { name: 'Your prompt' })[0]!;
    expect(within(first).getByText('Original')).toBeTruthy();
    expect(within(first).getByText('1/2')).toBeTruthy();
  });

  it('deletes an answer and a prompt with what followed it', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('One');
    await within(await answer('beta')).findByText(/to "One"/, {}, { timeout: 5000 });
    await settled(h);
    await user.click(screen.getByRole('button', { name: 'Delete answer from alpha' }));
    expect(await screen.findByRole('generic', { name: 'No answer from alpha' }, { timeout: 5000 })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Delete prompt and what followed' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Your prompt' })).toBeNull());
    expect(await listAllMessages(useRoom.getState().openId!)).toEqual([]);
  });

  it('shows an error with retry, and retries with another model', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    await sendPrompt('[fail] now');
    expect(await within(await answer('alpha')).findByRole('alert', {}, { timeout: 5000 })).toBeTruthy();
    expect(within(await answer('alpha')).getByText(/model overloaded/)).toBeTruthy();
    await settled(h);
    const before = h.requests.length;
    await user.click(screen.getByRole('button', { name: 'Retry alpha with another model' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retry with another model' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search models' }), 'test/other{Enter}');
    await waitFor(() => expect(h.requests.length).toBe(before + 1));
    expect(h.requests[before]!.model).toBe('test/other');
    await settled(h);
    expect(within(await answer('alpha')).getByText('2/2')).toBeTruthy();
  });
});

describe('room: reload and switching', { timeout: 30_000 }, () => {
  it('switching conversations does not cancel a stream, and a reload re-attaches and stores the answer', async () => {
    const user = userEvent.setup();
    const view = openRoomWith(['test/alpha']);
    await sendPrompt('[long 300] story');
    await within(await answer('alpha')).findByText(/w5/, {}, { timeout: 5000 });
    const convId = useRoom.getState().openId!;
    // leave the room: the stream keeps going in main
    await user.click(screen.getByRole('button', { name: 'New chat' }));
    expect(h.backend.streams!.active().filter((s) => s.status === 'streaming')).toHaveLength(1);
    // reload the page while it streams
    view.unmount();
    reloadPage();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /^\[long 300\] story/ }));
    await within(await screen.findByRole('article', { name: 'Answer from alpha' })).findByText(/w299/, {}, { timeout: 10_000 });
    await settled(h);
    const rows = await listAllMessages(convId);
    const a = rows.find((r) => r.role === 'assistant')!;
    expect(a.status).toBe('done');
    expect(a.content).toContain('w299');
  });

  it('an answer left streaming by a closed app shows as interrupted, keeping its checkpointed text', async () => {
    const user = userEvent.setup();
    const conv = await createConversation({ columns: [{ id: 'col_a', model: 'test/alpha', settings: {} }] });
    const prompt = await appendUserMessage(conv.id, { content: 'Left behind' });
    const answer = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'col_a', model: { requested: 'test/alpha' } });
    await checkpointAnswer(answer.id, 'Half an answer', undefined);
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /^Left behind/ }));
    const cell = await screen.findByRole('article', { name: 'Answer from alpha' });
    expect(await within(cell).findByText(/^Interrupted:/, {}, { timeout: 5000 })).toBeTruthy();
    expect(within(cell).getByText('Half an answer')).toBeTruthy();
    expect((await listAllMessages(conv.id)).find((m) => m.id === answer.id)!.status).toBe('interrupted');
  });
});
