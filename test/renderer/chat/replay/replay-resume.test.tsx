import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeMain } from '../../support/fake-main';
import { freshHistory, seedConversation } from '../../support/seed-history';
import { createConversation, getConversation, updateConversation } from '../../../../renderer/history/db/conversations';
import { appendUserMessage, listMessages } from '../../../../renderer/history/db/messages';
import { ReplayBanner } from '../../../../renderer/chat/replay/ReplayBanner';
import type { ReplayPlan } from '../../../../renderer/history/db/types';

// A replay survives a restart: its plan is stored on its room. Stored as running with no runner in this window, it
// shows as stopped when Parley closed; Resume sends the prompts not sent yet, never again the one already sent.

let started: string[] = [];
beforeEach(async () => {
  started = [];
  // main refuses to start answers here: each replayed turn's answers fail at once, so the runner moves on
  installFakeMain({
    'chat.start': (input) => {
      started.push((input as { request: { messages: { content: unknown }[] } }).request.messages.map((m) => String(m.content)).join(' | '));
      throw new Error('no engine in this test');
    },
  });
  await freshHistory();
});
afterEach(cleanup);

describe('a replay after a restart', () => {
  it('shows as stopped, and Resume sends only the prompts not sent yet, each with its own history', async () => {
    const user = userEvent.setup();
    const first = await seedConversation('Original', 'first question', ['a1', 'b1']);
    const second = await appendUserMessage(first.conv.id, { content: 'second question' });
    const sources = [
      { conversationId: first.conv.id, promptId: first.user.id, excerpt: 'first question' },
      { conversationId: first.conv.id, promptId: second.id, excerpt: 'second question' },
    ];
    const room = await createConversation({ title: 'Replay', columns: [{ id: 'r1', model: 'lab/new', settings: {} }], blind: true });
    // the first prompt was sent before Parley closed
    await appendUserMessage(room.id, { content: 'first question', replayOf: { conversationId: first.conv.id, promptId: first.user.id } });
    const plan: ReplayPlan = { sources, next: 1, state: 'running' };
    await updateConversation(room.id, { replay: plan });

    render(<ReplayBanner conversationId={room.id} plan={plan} />);
    expect(screen.getByRole('status', { name: 'Replay progress' }).textContent).toBe('Replay: 1 of 2 prompts sent · stopped when Parley closedResume replay');
    await user.click(screen.getByRole('button', { name: 'Resume replay' }));

    await waitFor(async () => expect((await getConversation(room.id))?.replay).toEqual({ sources, next: 2, state: 'done' }));
    const prompts = (await listMessages(room.id)).filter((m) => m.role === 'user');
    expect(prompts.map((p) => [p.content, p.replayOf?.promptId])).toEqual([
      ['first question', first.user.id],
      ['second question', second.id],
    ]);
    // the second prompt went with the history it was first asked with: the first question and its answer
    expect(started).toEqual(['first question | a1 | second question']);
  });
});
