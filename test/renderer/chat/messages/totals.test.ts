// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sumTotals, totalsLabel } from '../../../../renderer/chat/messages/stats-text';
import type { MessageRow } from '../../../../renderer/history/db/types';

const answer = (id: string, cost: MessageRow['cost'], extra: Partial<MessageRow> = {}): MessageRow => ({
  id, conversationId: 'c', seq: 1, parentId: 'u', groupId: 'g', columnId: 'col', role: 'assistant', content: '', status: 'done',
  tokens: { prompt: 10, completion: 5, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, cost, generationId: `gen-${id}`, createdAt: 1, updatedAt: 1, ...extra,
});

describe('column and room totals', () => {
  it('count requests that never reached a provider as $0, not as unknown', () => {
    const rows = [
      answer('a', { costSource: 'computed', computedCostMicros: 1000, costMicros: 1000 }),
      ...['b', 'c', 'd'].map((id) => answer(id, { costSource: 'none', costReason: 'not-sent', costMicros: 0 }, { status: 'error', tokens: null })),
      answer('e', { costSource: 'none', costReason: 'no-pricing' }),
    ];
    const t = sumTotals(rows);
    expect(t).toMatchObject({ costMicros: 1000, unknownCost: 1, answers: 5 });
    expect(totalsLabel(t)).toBe('$0.001 + 1 unknown · 20 in · 10 out');
  });

  it('use the bill once reconciled, and never write a nonzero total as zero', () => {
    const rows = [answer('a', { costSource: 'computed', computedCostMicros: 1000, costMicros: 1000 })];
    expect(sumTotals(rows, new Map([['gen-a', { billedMicros: 1250, mismatch: true }]])).costMicros).toBe(1250);
    const tiny = [answer('t', { costSource: 'upstream', reportedCostMicros: 0, reportedCostUsd: '0.0000002', costMicros: 0 })];
    expect(totalsLabel(sumTotals(tiny))).toBe('< $0.000001 · 10 in · 5 out');
  });

  it('say what prompt caching saved over the turn or the room', () => {
    const rows = [
      answer('a', { costSource: 'computed', computedCostMicros: 1000, costMicros: 1000, cacheSavingsMicros: 2_500 }),
      answer('b', { costSource: 'computed', computedCostMicros: 500, costMicros: 500, cacheSavingsMicros: 1_500 }),
      answer('c', { costSource: 'computed', computedCostMicros: 700, costMicros: 700 }),
    ];
    expect(totalsLabel(sumTotals(rows))).toBe('$0.0022 · 30 in · 15 out · cache saved $0.004');
    expect(totalsLabel(sumTotals(rows.slice(2)))).toBe('$0.0007 · 10 in · 5 out');
  });
});
