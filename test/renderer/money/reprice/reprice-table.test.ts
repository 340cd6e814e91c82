// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { repriceTable } from '../../../../renderer/money/reprice/reprice-table';
import type { LedgerRow } from '../../../../renderer/history/db/ledger-types';
import { makeRecord } from '../../support/generation-records';

const AT = Date.UTC(2026, 5, 10, 12);
const row = (id: string, model: string, prompt: number, completion: number, cacheRead: number, costMicros: number, over: Partial<LedgerRow> = {}): LedgerRow =>
  ({ ...makeRecord({ id, model, requestedModel: model, createdAt: AT, tokens: { prompt, completion, cacheRead, cacheWrite: 0, reasoning: 0 }, costMicros }), ...over });

const ROWS = [
  row('g1', 'openai/gpt-4o', 1_000, 200, 600, 3_000),
  row('g2', 'openai/gpt-4o', 2_000, 100, 0, 5_000, { billedCostMicros: 5_200 }),
  row('g3', 'openai/gpt-4o', 0, 0, 0, 0, { tokens: null, costMicros: undefined, costSource: 'none' }),
];
// µ$ per token: gpt-4o 2.5 in, 10 out, 1.25 cache read; claude 3 in, 15 out, 0.3 cache read
const CANDIDATES = [
  { model: 'anthropic/claude-sonnet-4.5', pricing: { prompt: '0.000003', completion: '0.000015', input_cache_read: '0.0000003' } },
  { model: 'openai/gpt-4o', pricing: { prompt: '0.0000025', completion: '0.00001', input_cache_read: '0.00000125' } },
  { model: 'nobody/unpriced', pricing: undefined },
];

describe('the reprice table', () => {
  const t = repriceTable(ROWS, CANDIDATES, Date.UTC(2026, 11, 6));
  const by = new Map(t.lines.map((l) => [l.model, l]));

  it('states what the requests actually cost (billed first) and which had no usage', () => {
    expect(t).toMatchObject({ requests: 3, actualMicros: 3_000 + 5_200, actualUnpriced: 1, noUsage: 1 });
  });

  it('prices the usage on each model, hand-computed, cheaper first, unpriced last', () => {
    // gpt-4o: g1 400·2.5 + 600·1.25 + 200·10 = 3,750; g2 2000·2.5 + 100·10 = 6,000
    expect(by.get('openai/gpt-4o')).toMatchObject({ thenMicros: 9_750, todayMicros: 9_750, used: true, approximate: null });
    // without caching g1's 600 cached tokens are at 2.5: 1000·2.5 + 2000 = 4,500 → 10,500
    expect(by.get('openai/gpt-4o')!.noCacheMicros).toBe(10_500);
    // claude: g1 400·3 + 600·0.3 + 200·15 = 4,380; g2 2000·3 + 100·15 = 7,500
    expect(by.get('anthropic/claude-sonnet-4.5')).toMatchObject({ thenMicros: 11_880, used: false });
    // own key through OpenRouter: + 5 %
    expect(by.get('anthropic/claude-sonnet-4.5')!.byokMicros).toBe(12_474);
    // on credits bought by card: + 5.5 % → 11,880 × 1.055 = 12,533.4
    expect(by.get('anthropic/claude-sonnet-4.5')!.creditsMicros).toBe(12_533);
    expect(t.lines.map((l) => l.model)).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4.5', 'nobody/unpriced']);
    expect(by.get('nobody/unpriced')!.thenMicros).toBeNull();
  });

  it('says a figure is approximate when the model counts tokens with another tokenizer', () => {
    expect(by.get('anthropic/claude-sonnet-4.5')!.approximate).toBe('token counts from OpenAI tokenizers; Anthropic’s would count the same text differently');
  });
});
