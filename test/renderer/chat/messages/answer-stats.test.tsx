import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within } from '@testing-library/react';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { listAllMessages } from '../../../../renderer/history/db/messages';
import { costLabel } from '../../../../renderer/chat/messages/stats-text';
import { formatMicros } from '../../../../shared/billing/money';

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

describe('cost on an answer', () => {
  it('uses the one money formatter and the one rule, and never a number for an unknown cost', () => {
    expect(costLabel({ cost: { costSource: 'computed', computedCostMicros: 10_500, costMicros: 10_500 }, tokens: null })).toBe('$0.0105');
    expect(costLabel({ cost: { costSource: 'none', costReason: 'no-pricing' }, tokens: null })).toBe('cost unknown: no price known for this model');
    expect(costLabel({ cost: undefined, tokens: null })).toMatch(/^cost unknown: /);
    // nothing reached a provider: $0, not "unknown"
    expect(costLabel({ cost: { costSource: 'none', costReason: 'not-sent', costMicros: 0 }, tokens: null })).toBe('not sent — $0');
    // a cost below a micro-dollar is never "$0.00"
    expect(costLabel({ cost: { costSource: 'computed', computedCostMicros: 0, computedCostUsd: '0.0000003', costMicros: 0 }, tokens: null })).toBe('< $0.000001');
    // estimated from the text: marked so
    expect(costLabel({ cost: { costSource: 'computed', computedCostMicros: 40, costMicros: 40, costReason: 'partial' }, tokens: { prompt: 1, completion: 1, cacheRead: 0, cacheWrite: 0, reasoning: 0, estimated: true } })).toBe('≈ $0.00004');
    // BYOK through OpenRouter: the total and both parts
    expect(costLabel({ cost: { costSource: 'upstream', isByok: true, reportedCostMicros: 525, upstreamCostMicros: 10_500, costMicros: 11_025 }, tokens: null })).toBe(
      '$0.011025 ($0.0105 provider + $0.000525 OpenRouter fee)',
    );
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
    expect(within(pricedCell).getByLabelText(`Cost: ${formatMicros(micros)}`).textContent).toBe(formatMicros(micros));
    expect(within(pricedCell).getByText('test/priced')).toBeTruthy();
    expect(within(pricedCell).getByText('FakeProvider').getAttribute('title')).toBe('Served by FakeProvider');
    expect(within(pricedCell).getByText(new RegExp(`${priced.tokens!.completion} out`))).toBeTruthy();
    expect(within(pricedCell).getByText(/^TTFT \d+(\.\d+)? m?s$/)).toBeTruthy();
    expect(within(pricedCell).getByText(/tok\/s$/)).toBeTruthy();
    expect(within(pricedCell).queryByText(/finish:/)).toBeNull(); // an ordinary stop is not worth a word
    expect(within(pricedCell).queryByText('fallback')).toBeNull();

    const noCost = screen.getByRole('article', { name: 'Answer from nocost-model' });
    expect(within(noCost).getByText('cost unknown: no price known for this model')).toBeTruthy();
    expect(within(noCost).queryByText(/^\$/)).toBeNull();

    const fb = screen.getByRole('article', { name: 'Answer from fallback-model' });
    expect(within(fb).getByText('fallback')).toBeTruthy();
    expect(within(fb).getByText('SecondChoice')).toBeTruthy();

    const fbMicros = rows.find((r) => r.model?.requested === 'test/fallback-model')!.cost!.costMicros!;
    const totals = screen.getByLabelText('Conversation totals');
    expect(totals.textContent).toContain(`${formatMicros(micros + fbMicros)} + 1 unknown`);
    expect(screen.getByLabelText('Totals for priced').textContent).toContain(formatMicros(micros));
    expect(screen.getByLabelText('Totals for nocost-model').textContent).toContain('$0.00 + 1 unknown');
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
