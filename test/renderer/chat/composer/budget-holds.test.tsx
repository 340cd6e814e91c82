import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { freshDb } from '../../support/history-db';
import { modelSummary } from '../../support/model-summaries';
import { ledger } from '../../../../renderer/common/ledger';
import { BUDGETS_KEY } from '../../../../renderer/money/budgets/spend-totals';
import { resetSendHoldsForTests } from '../../../../renderer/common/money/send-holds';

// The composer's spend limits under concurrent sends: an answer still running in one room holds its worst case
// (the fake model: $1/M in, $2/M out, a 128,000-token window and no max_tokens, so about $0.256), and a send in
// another room that would pass the limit beside it is stopped before anything is sent.

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 200, models: [modelSummary({ id: 'test/alpha' })] });
});
beforeEach(async () => {
  resetPage();
  await freshDb();
  resetSendHoldsForTests();
});
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

describe('composer budgets with answers running in other rooms', { timeout: 30_000 }, () => {
  it('stops a send that would pass the limit beside a running answer, and sends it once that answer has ended', async () => {
    const user = userEvent.setup();
    await ledger().putSetting(BUDGETS_KEY, { overall: { dailyMicros: 400_000 } });
    openRoomWith(['test/alpha']);
    await sendPrompt('[hang] first room');
    await waitFor(() => expect(h.backend.streams!.active().filter((s) => s.status === 'streaming')).toHaveLength(1));
    expect(h.requests).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'New chat' }));
    await sendPrompt('second room');
    const alert = await screen.findByRole('alert', { name: 'Spend limit reached' });
    expect(alert.textContent).toMatch(/Overall daily spend limit: this send may cost up to \$0\.25\d* and \$0\.14\d* is left \(\$0\.00 spent of \$0\.40, \$0\.25\d* held by answers still running\)/);
    expect(h.requests).toHaveLength(1);

    // the first room's answer ends (stopped): its hold becomes what it cost, and the send goes through
    await stopRunning(h);
    await user.click(within(alert).getByRole('button', { name: 'Don’t send' }));
    await sendPrompt('second room');
    await waitFor(() => expect(h.requests).toHaveLength(2));
    expect(screen.queryByRole('alert', { name: 'Spend limit reached' })).toBeNull();
  });
});

/** Stops the answer still running in the other room, and waits until it is stored. */
async function stopRunning(harness: Harness) {
  for (const s of harness.backend.streams!.active()) if (s.status === 'streaming') await harness.backend.dispatch('chat.stop', { streamId: s.streamId });
  await settled(harness);
}
