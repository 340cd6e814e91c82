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
    // claude, its counts converted from o200k by 1.183 (each part rounded): g1 uncached 400 → 473, cached 600 → 710,
    // completion 200 → 237: 473·3 + 710·0.3 + 237·15 = 5,187; g2 2000 → 2,366 and 100 → 118: 7,098 + 1,770 = 8,868
    expect(by.get('anthropic/claude-sonnet-4.5')).toMatchObject({ thenMicros: 14_055, used: false });
    // own key through OpenRouter: + 5 % → 14,757.75
    expect(by.get('anthropic/claude-sonnet-4.5')!.byokMicros).toBe(14_758);
    // on credits bought by card: + 5.5 % → 14,055 × 1.055 = 14,828.0
    expect(by.get('anthropic/claude-sonnet-4.5')!.creditsMicros).toBe(14_828);
    expect(t.lines.map((l) => l.model)).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4.5', 'nobody/unpriced']);
    expect(by.get('nobody/unpriced')!.thenMicros).toBeNull();
  });

  it('says a figure is approximate when the model counts tokens with another tokenizer, and why', () => {
    expect(by.get('anthropic/claude-sonnet-4.5')).toMatchObject({
      convertedFrom: ['OpenAI'],
      keptFrom: [],
      approximate: 'converted from OpenAI tokens by the measured ratio of Anthropic’s tokenizer to theirs',
    });
    expect(by.get('openai/gpt-4o')).toMatchObject({ convertedFrom: [], keptFrom: [], approximate: null });
  });
});

describe('token counts converted between tokenizers', () => {
  const flat = (prompt: string, completion: string) => ({ prompt, completion });
  const rows = [
    row('l1', 'meta-llama/llama-3.3-70b', 10_000, 1_000, 0, 900),
    row('m1', 'mistralai/mistral-large', 5_000, 0, 0, 500),
  ];
  const t = repriceTable(rows, [
    { model: 'google/gemini-2.5-flash', pricing: flat('0.000001', '0.000001') },
    { model: 'meta-llama/llama-3.3-70b', pricing: flat('0.000001', '0.000001') },
    { model: 'anthropic/claude-haiku-4.5', pricing: flat('0.000001', '0.000001') },
  ], AT);
  const by = new Map(t.lines.map((l) => [l.model, l]));

  it('converts by the ratio of the two families’ ratios and keeps counts of a family with no measured ratio', () => {
    // at $1 per million tokens a token costs 1 µ$: the figures are the converted token counts.
    // Llama → Gemini: × 1.035 / 1.044 → 10,000 → 9,914, 1,000 → 991; Mistral's 5,000 kept as they are
    expect(by.get('google/gemini-2.5-flash')).toMatchObject({ thenMicros: 9_914 + 991 + 5_000, convertedFrom: ['Llama'], keptFrom: ['Mistral'] });
    // Llama on Llama: its own counts; Mistral's kept
    expect(by.get('meta-llama/llama-3.3-70b')).toMatchObject({ thenMicros: 16_000, convertedFrom: [], keptFrom: ['Mistral'] });
    // Llama → Anthropic: × 1.183 / 1.044 → 11,331 and 1,133
    expect(by.get('anthropic/claude-haiku-4.5')!.thenMicros).toBe(11_331 + 1_133 + 5_000);
    expect(by.get('anthropic/claude-haiku-4.5')!.approximate).toBe(
      'converted from Llama tokens by the measured ratio of Anthropic’s tokenizer to theirs; Mistral token counts kept as they are (no measured ratio); Anthropic’s tokenizer would count the same text differently',
    );
  });
});

describe('a model priced on one provider', () => {
  const sonnet = 'anthropic/claude-sonnet-4.5';
  // one request served by OpenRouter: 10,000 in (4,000 of them cache reads) + 2,000 out
  const rows = [row('s1', sonnet, 10_000, 2_000, 4_000, 0, { upstreamId: 'openrouter' })];
  const listed = { prompt: '0.000003', completion: '0.000015', input_cache_read: '0.0000003' };
  const t = repriceTable(rows, [
    { model: sonnet, pricing: listed },
    { model: sonnet, pricing: { prompt: '0.000002', completion: '0.00001', input_cache_read: '0.0000002' }, via: { upstreamId: 'anthropic', label: 'Anthropic', byok: true, local: false } },
    { model: sonnet, pricing: { prompt: '0.0000035', completion: '0.0000175' }, via: { upstreamId: 'openrouter', label: 'OpenRouter', byok: false, local: false } },
    { model: sonnet, pricing: { prompt: '0', completion: '0' }, via: { upstreamId: 'ollama', label: 'Ollama', byok: true, local: true } },
  ], AT);
  const by = new Map(t.lines.map((l) => [l.key, l]));

  it('labels each row "model via provider" and prices it with that provider’s list, cheaper first', () => {
    expect(t.lines.map((l) => l.label)).toEqual([`${sonnet} via Ollama`, `${sonnet} via Anthropic`, sonnet, `${sonnet} via OpenRouter`]);
    // catalog: 6,000·3 + 4,000·0.3 + 2,000·15 = 18,000 + 1,200 + 30,000 = 49,200
    expect(by.get(sonnet)!.thenMicros).toBe(49_200);
    // Anthropic's own list: 6,000·2 + 4,000·0.2 + 2,000·10 = 12,000 + 800 + 20,000 = 32,800
    expect(by.get(`${sonnet}|anthropic`)).toMatchObject({ thenMicros: 32_800, todayMicros: 32_800, used: false });
    // without caching: 10,000·2 + 20,000 = 40,000
    expect(by.get(`${sonnet}|anthropic`)!.noCacheMicros).toBe(40_000);
    // no cache rate on this list: cache reads at the input rate, 10,000·3.5 + 2,000·17.5 = 70,000
    expect(by.get(`${sonnet}|openrouter`)).toMatchObject({ thenMicros: 70_000, used: true });
    expect(by.get(`${sonnet}|ollama`)!.thenMicros).toBe(0);
  });

  it('a provider reached with the user’s own key or on this machine has no OpenRouter fee or credits figure', () => {
    expect(by.get(`${sonnet}|anthropic`)).toMatchObject({ byokMicros: undefined, creditsMicros: undefined });
    expect(by.get(`${sonnet}|ollama`)).toMatchObject({ byokMicros: undefined, creditsMicros: undefined });
    // through OpenRouter: + 5 % = 73,500; on card credits + 5.5 % = 73,850
    expect(by.get(`${sonnet}|openrouter`)).toMatchObject({ byokMicros: 73_500, creditsMicros: 73_850 });
    expect(by.get(sonnet)).toMatchObject({ byokMicros: 51_660, creditsMicros: 51_906 });
  });
});
