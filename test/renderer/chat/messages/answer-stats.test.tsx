import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within } from '@testing-library/react';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { useRoom } from '../../../../renderer/chat/state/room-store';
import { listAllMessages } from '../../../../renderer/history/db/messages';
import { formatMicros, costLabel } from '../../../../renderer/chat/messages/stats-text';

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000, reasoning: (r) => (r.model?.includes('think') ? 'Let me think step by step.' : '') });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

describe('cost formatting', () => {
  it('prints integer micro-dollars as dollars with six decimals, and never a number for an unknown cost', () => {
    expect(formatMicros(123)).toBe('$0.000123');
    expect(formatMicros(1_234_567)).toBe('$1.234567');
    expect(formatMicros(0)).toBe('$0.000000');
    expect(formatMicros(12_000_000_000)).toBe('$12,000.000000');
    expect(costLabel({ costSource: 'none', costReason: 'no-pricing' } as never)).toBe('cost unknown: no pricing known for this model');
    expect(costLabel(null)).toMatch(/^cost unknown: /);
  });
});

describe('answer details', { timeout: 30_000 }, () => {
  it('shows model, provider, tokens, cost with a breakdown, TTFT, speed, finish reason, fallback badge and totals', async () => {
    openRoomWith(['test/priced', 'test/nocost-model', 'test/fallback-model']);
    await sendPrompt('How much?');
    for (const m of ['priced', 'nocost-model', 'fallback-model']) {
      await within(await screen.findByRole('article', { name: `Answer from ${m}` }, { timeout: 5000 })).findByLabelText('Answer details', {}, { timeout: 5000 });
    }
    await settled(h);
    const rows = await listAllMessages(useRoom.getState().openId!);
    const priced = rows.find((r) => r.model?.requested === 'test/priced')!;
    const micros = priced.cost!.costMicros!;
    expect(micros).toBeGreaterThan(100);
    const pricedCell = screen.getByRole('article', { name: 'Answer from priced' });
    const cost = within(pricedCell).getByText(`$0.000${String(micros).padStart(3, '0')}`);
    expect(cost.getAttribute('title')).toContain('Reported by upstream');
    expect(cost.getAttribute('title')).toMatch(/Output tokens: \d+/);
    expect(within(pricedCell).getByText('test/priced')).toBeTruthy();
    expect(within(pricedCell).getByText('via FakeProvider')).toBeTruthy();
    expect(within(pricedCell).getByText(new RegExp(`${priced.tokens!.completion} out`))).toBeTruthy();
    expect(within(pricedCell).getByText(/^TTFT \d+ ms$/)).toBeTruthy();
    expect(within(pricedCell).getByText(/tok\/s$/)).toBeTruthy();
    expect(within(pricedCell).getByText('finish: stop')).toBeTruthy();
    expect(within(pricedCell).queryByText('fallback')).toBeNull();

    const noCost = screen.getByRole('article', { name: 'Answer from nocost-model' });
    expect(within(noCost).getByText('cost unknown: no pricing known for this model')).toBeTruthy();
    expect(within(noCost).queryByText(/^\$/)).toBeNull();

    const fb = screen.getByRole('article', { name: 'Answer from fallback-model' });
    expect(within(fb).getByText('fallback')).toBeTruthy();
    expect(within(fb).getByText('via SecondChoice')).toBeTruthy();

    const fbMicros = rows.find((r) => r.model?.requested === 'test/fallback-model')!.cost!.costMicros!;
    const totals = screen.getByLabelText('Conversation totals');
    expect(totals.textContent).toContain(`${formatMicros(micros + fbMicros)} + 1 unknown`);
    expect(screen.getByLabelText('Totals for priced').textContent).toContain(formatMicros(micros));
    expect(screen.getByLabelText('Totals for nocost-model').textContent).toContain('$0.000000 + 1 unknown');
  });

  it('shows reasoning collapsed under the answer', async () => {
    openRoomWith(['test/thinker']);
    await sendPrompt('Why?');
    const cell = await screen.findByRole('article', { name: 'Answer from thinker' }, { timeout: 5000 });
    await within(cell).findByText(/Answer from test\/thinker/, {}, { timeout: 5000 });
    await settled(h);
    const details = cell.querySelector('details.reasoning')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(within(cell).getByText('Reasoning')).toBeTruthy();
    expect(details.textContent).toContain('Let me think step by step.');
  });
});
