import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within, waitFor } from '@testing-library/react';
import { createHarness, openRoomWith, resetPage, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { setTitleModel } from '../../../../renderer/history/folders/titles/title-model';
import { getParleyDb } from '../../../../renderer/history/db/database';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { cleanTitle } from '../../../../renderer/history/folders/titles/auto-title';
import userEvent from '@testing-library/user-event';
import { ledger } from '../../../../renderer/common/ledger';
import { BUDGETS_KEY } from '../../../../renderer/money/budgets/spend-totals';

// With a title model chosen, the first answer is followed by a title written by that model from the prompt alone,
// through the same chat path (its generation is in the ledger, linked as a title); without one, the title is the
// prompt's words. A title costs money like an answer: past a spend limit none is asked for.

let h: Harness;
beforeAll(() => void (h = createHarness()));
beforeEach(() => resetPage());
afterEach(() => cleanup());

describe('automatic titles', { timeout: 60_000 }, () => {
  it('keeps the prompt’s words when no title model is chosen', async () => {
    openRoomWith(['test/alpha']);
    await sendPrompt('echo: Plan a week in Lisbon');
    await within(await screen.findByRole('article', { name: 'Answer from alpha' }, { timeout: 10_000 })).findByText('Plan a week in Lisbon', {}, { timeout: 10_000 });
    await settled(h);
    expect(useRoom.getState().conversation!.title).toBe('echo: Plan a week in Lisbon');
    expect(h.requests.filter((r) => r.model === 'test/cheap')).toHaveLength(0);
  });

  it('asks the chosen model once, with the prompt only, and records its cost as a title', async () => {
    await setTitleModel('test/cheap');
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('echo: "Lisbon with kids."\nwe have a week');
    await waitFor(() => expect(useRoom.getState().conversation?.title).toBe('Lisbon with kids'), { timeout: 20_000 });
    await settled(h);
    const asked = h.requests.filter((r) => r.model === 'test/cheap');
    expect(asked).toHaveLength(1);
    expect(JSON.stringify(asked[0]!.messages)).not.toMatch(/alpha|beta/);
    expect(asked[0]!.messages.at(-1)).toMatchObject({ role: 'user', content: 'echo: "Lisbon with kids."\nwe have a week' });
    const convId = useRoom.getState().conversation!.id;
    await waitFor(async () => {
      const rows = await getParleyDb().generations.where('conversationId').equals(convId).toArray();
      expect(rows.find((g) => g.model === 'test/cheap')).toMatchObject({ messageId: `title:${convId}` });
    }, { timeout: 10_000 });
    expect(within(screen.getByRole('list', { name: 'Conversation list' })).getByText('Lisbon with kids')).toBeTruthy();

    // a second turn asks for no other title
    await sendPrompt('and in winter?');
    await waitFor(() => expect(h.requests.filter((r) => r.model === 'test/alpha')).toHaveLength(2), { timeout: 10_000 });
    await settled(h);
    expect(h.requests.filter((r) => r.model === 'test/cheap')).toHaveLength(1);
    await setTitleModel(null);
  });

  it('asks for no title past a spend limit, even after the user sent their prompt once anyway', async () => {
    const user = userEvent.setup();
    await setTitleModel('test/cheap');
    await ledger().putSetting(BUDGETS_KEY, { overall: { dailyMicros: 1 } });
    const before = h.requests.length;
    const asked = (model: string) => h.requests.slice(before).filter((r) => r.model === model);
    try {
      openRoomWith(['test/alpha']);
      await sendPrompt('echo: Plan a week in Lisbon');
      const alert = await screen.findByRole('alert', { name: 'Spend limit reached' });
      await user.click(within(alert).getByRole('button', { name: 'Send this once anyway' }));
      await within(await screen.findByRole('article', { name: 'Answer from alpha' }, { timeout: 10_000 })).findByText('Plan a week in Lisbon', {}, { timeout: 10_000 });
      await settled(h);
      await new Promise((r) => setTimeout(r, 300)); // the title's turn comes after the answer's: give it time to ask
      await settled(h);
      expect(asked('test/alpha')).toHaveLength(1);
      expect(asked('test/cheap')).toHaveLength(0);
      expect(useRoom.getState().conversation!.title).toBe('echo: Plan a week in Lisbon');
    } finally {
      await setTitleModel(null);
      await ledger().putSetting(BUDGETS_KEY, {});
    }
  });

  it('cleans what a model says into a title', () => {
    expect(cleanTitle('Title: "Trip to Lisbon."\nmore')).toBe('Trip to Lisbon');
    expect(cleanTitle('**Bread baking**')).toBe('Bread baking');
    expect(cleanTitle('x'.repeat(80))).toHaveLength(60);
  });
});
