import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within, waitFor, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { getMessage, listAllMessages } from '../../../../renderer/history/db/messages';

// Blind rooms: headers lettered as the answers under them; after the vote each answer keeps its letter beside the
// revealed model, and the pick is marked.

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

describe('blind lettering', { timeout: 30_000 }, () => {
  it('headers say Answer A/B/C; after the vote every answer keeps its letter and only the winner says "Your pick"', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/kestrel', 'test/osprey', 'test/heron']);
    await user.click(screen.getByRole('checkbox', { name: 'Blind' }));
    await sendPrompt('[anon] which?');
    await waitFor(() => expect(screen.getByRole('group', { name: 'Vote on this turn' })).toBeTruthy(), { timeout: 5000 });
    await settled(h);
    expect(screen.getAllByRole('group', { name: /^Answer [A-C]$/ }).map((g) => g.getAttribute('aria-label'))).toEqual(['Answer A', 'Answer B', 'Answer C']);
    expect(screen.queryByText('Your pick')).toBeNull();

    fireEvent.keyDown(document.body, { key: '2' });
    await screen.findByRole('group', { name: 'Your vote on this turn' });
    const prompt = (await listAllMessages(useRoom.getState().openId!)).find((m) => m.role === 'user')!;
    const vote = (await getMessage(prompt.id))!.vote!;
    const rows = await listAllMessages(useRoom.getState().openId!);
    for (const a of vote.answers) {
      const bird = rows.find((r) => r.id === a.messageId)!.model!.used!.split('/')[1]!;
      const cell = screen.getByRole('article', { name: `Answer from ${bird}` });
      expect(within(cell).getByText(`Answer ${a.label}`)).toBeTruthy();
      if (a.messageId === vote.winnerId) expect(within(cell).getByText('Your pick')).toBeTruthy();
      else expect(within(cell).queryByText('Your pick')).toBeNull();
    }
    expect(vote.answers.find((a) => a.messageId === vote.winnerId)!.label).toBe('B');
    expect(screen.getAllByText('Your pick')).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Column kestrel' })).toBeTruthy();
  });
});
