import { describe, expect, it } from 'vitest';
import type { ModelPricing } from '../../../shared/catalog/types';
import { chooseShownCost, computeCost, formatMicros, usdToMicros, type CostUsage } from '../../../shared/billing/cost';
import type { TokenCounts } from '../../../shared/openrouter/generation';

// Rates written as µ$ per token in the comments: "0.000003" USD/token = 3 µ$/token = $3 per million tokens.

/** Claude Sonnet 4.5-like: $3 in / $15 out, reads $0.30, writes $3.75 (5 min) / $6 (1 h); >200k doubles input. */
const SONNET: ModelPricing = {
  prompt: '0.000003',
  completion: '0.000015',
  input_cache_read: '0.0000003',
  input_cache_write: '0.00000375',
  input_cache_write_1h: '0.000006',
  long_context_tiers: [
    { above_prompt_tokens: 200000, prompt: '0.000006', completion: '0.0000225', input_cache_read: '0.0000006', input_cache_write: '0.0000075', input_cache_write_1h: '0.000012' },
  ],
};
const REASONER: ModelPricing = { prompt: '0.000001', completion: '0.000004', internal_reasoning: '0.000002' };
const REASONER_NOT_SEPARATE: ModelPricing = { prompt: '0.000001', completion: '0.000004', internal_reasoning: '0' };
const EXTRAS: ModelPricing = { prompt: '0.000001', completion: '0.000002', request: '0.0004', image: '0.0012', web_search: '0.007' };
const HALF: ModelPricing = { prompt: '0.0000005', completion: '0' }; // 0.5 µ$ per input token
const THREE_TENTHS: ModelPricing = { prompt: '0.0000003', completion: '0' }; // 0.3 µ$ per input token
const CHEAP: ModelPricing = { prompt: '0.000000075', completion: '0.0000003' }; // $0.075 / $0.30 per M
const OVERRIDES: ModelPricing = { prompt: '0.000001', completion: '0.000001', overrides: [{ min_prompt_tokens: 128000, prompt: '0.000002' }] };

const u = (prompt: number, completion: number, extra: Partial<CostUsage> = {}): CostUsage => ({ prompt, completion, ...extra });

interface Row {
  name: string;
  usage: CostUsage;
  pricing: ModelPricing;
  micros: number;
  lines?: Record<string, number>;
  tier?: number;
}

const rows: Row[] = [
  // 1000 × 3 = 3000; 500 × 15 = 7500; total 10500
  { name: 'input and output', usage: u(1000, 500), pricing: SONNET, micros: 10500, lines: { input: 3000, output: 7500 } },
  // non-cached 10000 − 8000 = 2000 × 3 = 6000; read 8000 × 0.3 = 2400; out 100 × 15 = 1500; total 9900
  { name: 'cache read', usage: u(10000, 100, { cacheRead: 8000 }), pricing: SONNET, micros: 9900, lines: { input: 6000, cache_read: 2400, output: 1500 } },
  // non-cached 1000 × 3 = 3000; write 4000 × 3.75 = 15000; total 18000
  { name: 'cache write, 5-minute TTL', usage: u(5000, 0, { cacheWrite: 4000 }), pricing: SONNET, micros: 18000, lines: { input: 3000, cache_write_5m: 15000, output: 0 } },
  // non-cached 1000 × 3 = 3000; 5-min 3000 × 3.75 = 11250; 1-h 1000 × 6 = 6000; total 20250
  {
    name: 'cache write, 1-hour TTL',
    usage: u(5000, 0, { cacheWrite: 4000, cacheWrite1h: 1000 }),
    pricing: SONNET,
    micros: 20250,
    lines: { input: 3000, cache_write_5m: 11250, cache_write_1h: 6000 },
  },
  // long context: 250000 > 200000, whole request at tier rates: 250000 × 6 = 1,500,000; 1000 × 22.5 = 22,500
  { name: 'long-context tier', usage: u(250000, 1000), pricing: SONNET, micros: 1522500, lines: { input: 1500000, output: 22500 }, tier: 200000 },
  // tier + caching: non-cached 50000 × 6 = 300,000; read 200000 × 0.6 = 120,000; write 10000 × 7.5 = 75,000; out 10 × 22.5 = 225
  {
    name: 'long-context tier applies to cache rates too',
    usage: u(260000, 10, { cacheRead: 200000, cacheWrite: 10000 }),
    pricing: SONNET,
    micros: 495225,
    lines: { input: 300000, cache_read: 120000, cache_write_5m: 75000, output: 225 },
    tier: 200000,
  },
  // exactly 200000 is not above the threshold: 200000 × 3 = 600,000
  { name: 'tier threshold is exclusive', usage: u(200000, 0), pricing: SONNET, micros: 600000 },
  // 100 × 1 = 100; (300 − 200) × 4 = 400; reasoning 200 × 2 = 400; total 900
  { name: 'reasoning priced separately', usage: u(100, 300, { reasoning: 200 }), pricing: REASONER, micros: 900, lines: { input: 100, output: 400, reasoning: 400 } },
  // internal_reasoning "0" = billed as output: 100 × 1 + 300 × 4 = 1300
  { name: 'reasoning billed as output', usage: u(100, 300, { reasoning: 200 }), pricing: REASONER_NOT_SEPARATE, micros: 1300, lines: { input: 100, output: 1200 } },
  // 10 × 1 + 10 × 2 = 30; one request 400; total 430
  { name: 'per-request price defaults to one request', usage: u(10, 10), pricing: EXTRAS, micros: 430, lines: { request: 400 } },
  // 2 requests × 400 = 800 + 30 = 830
  { name: 'per-request price × requests', usage: u(10, 10, { requests: 2 }), pricing: EXTRAS, micros: 830 },
  // 2 images × 1200 = 2400 + 400 request + 30 tokens = 2830
  { name: 'per-image price', usage: u(10, 10, { images: 2 }), pricing: EXTRAS, micros: 2830, lines: { image: 2400 } },
  // 3 searches × 7000 = 21000 + 400 + 30 = 21430
  { name: 'web search', usage: u(10, 10, { webSearchRequests: 3 }), pricing: EXTRAS, micros: 21430, lines: { web_search: 21000 } },
  // 1 × 0.5 = 0.5 → half-up → 1 (half-to-even would give 0)
  { name: 'rounds half up (0.5 → 1)', usage: u(1, 0), pricing: HALF, micros: 1 },
  // 5 × 0.5 = 2.5 → 3 (half-to-even would give 2)
  { name: 'rounds half up (2.5 → 3)', usage: u(5, 0), pricing: HALF, micros: 3 },
  // 25 × 0.3 = 7.5 exactly → 8; in floats 25 × 3e-7 × 1e6 = 7.4999… → 7
  { name: 'no float drift (25 × 0.3 = 7.5 → 8)', usage: u(25, 0), pricing: THREE_TENTHS, micros: 8 },
  // 7 × 0.075 = 0.525 and 1 × 0.3 = 0.3: exact sum 0.825 rounds once → 1 (lines alone would round to 1 + 0)
  { name: 'rounds once, on the exact sum', usage: u(7, 1), pricing: CHEAP, micros: 1, lines: { input: 1, output: 0 } },
  // 1,000,000 × 0.075 = 75,000; 1,000,000 × 0.3 = 300,000
  { name: 'a million tokens of a cheap model', usage: u(1_000_000, 1_000_000), pricing: CHEAP, micros: 375000 },
  // discount 1 %: 1000 × 3 × 0.99 = 2970
  { name: 'discount', usage: u(1000, 0), pricing: { ...SONNET, discount: 0.01 }, micros: 2970 },
  // OpenRouter override at ≥ 128000 prompt tokens: 128000 × 2 = 256,000
  { name: 'min_prompt_tokens override applies at the threshold', usage: u(128000, 0), pricing: OVERRIDES, micros: 256000 },
  // 127999 × 1 = 127,999
  { name: 'min_prompt_tokens override not below it', usage: u(127999, 0), pricing: OVERRIDES, micros: 127999 },
];

describe('computeCost', () => {
  it.each(rows)('$name', ({ usage, pricing, micros, lines, tier }) => {
    const r = computeCost(usage, pricing);
    expect(r.micros).toBe(micros);
    expect(r.reason).toBeUndefined();
    for (const [component, m] of Object.entries(lines ?? {})) {
      expect(r.breakdown.find((l) => l.component === component)?.micros, component).toBe(m);
    }
    expect(r.tierAbovePromptTokens).toBe(tier);
  });

  it('reports the exact line amounts and rates', () => {
    const r = computeCost(u(7, 1), CHEAP);
    expect(r.breakdown).toEqual([
      { component: 'input', units: 7, unit: 'token', rateMicrosPerUnit: '0.075', exactMicros: '0.525', micros: 1 },
      { component: 'output', units: 1, unit: 'token', rateMicrosPerUnit: '0.3', exactMicros: '0.3', micros: 0 },
    ]);
  });

  it('accepts the engine TokenCounts as usage', () => {
    const tokens: TokenCounts = { prompt: 10000, completion: 100, cacheRead: 8000, cacheWrite: 0, reasoning: 0 };
    expect(computeCost(tokens, SONNET).micros).toBe(9900);
  });

  it(':free costs nothing, with reason free', () => {
    expect(computeCost(u(1000, 1000), SONNET, { variant: 'free' })).toEqual({ micros: 0, reason: 'free', breakdown: [] });
    expect(computeCost(u(1000, 1000), SONNET, { variant: ':free:online' }).reason).toBe('free');
    expect(computeCost(u(1000, 1000), SONNET, { variant: ['nitro'] }).micros).toBe(18000); // 3000 + 15000
  });

  it('a model whose prices are all zero is free', () => {
    expect(computeCost(u(1000, 1000), { prompt: '0', completion: '0' })).toMatchObject({ micros: 0, reason: 'free' });
  });

  it('a zero-token-price model with a per-request price is not free', () => {
    expect(computeCost(u(1000, 1000), { prompt: '0', completion: '0', request: '0.0004' })).toMatchObject({ micros: 400 });
    expect(computeCost(u(1000, 1000), { prompt: '0', completion: '0', request: '0.0004' }).reason).toBeUndefined();
  });

  it('no pricing → no number, reason no-pricing', () => {
    expect(computeCost(u(1000, 1000), undefined)).toEqual({ reason: 'no-pricing', breakdown: [] });
    // OpenRouter lists routers at "-1" (variable price)
    expect(computeCost(u(1000, 1000), { prompt: '-1', completion: '-1' })).toEqual({ reason: 'no-pricing', breakdown: [] });
    expect(computeCost(u(1000, 1000), { prompt: 'abc', completion: '0.1' }).micros).toBeUndefined();
  });

  it('no usage → no number, reason no-usage', () => {
    expect(computeCost(undefined, SONNET)).toEqual({ reason: 'no-usage', breakdown: [] });
    expect(computeCost(null, SONNET).micros).toBeUndefined();
  });

  it('estimated tokens from an aborted stream → number plus partial', () => {
    // 1000 × 3 + 500 × 15 = 10500
    expect(computeCost(u(1000, 500, { estimated: true }), SONNET, { aborted: true })).toMatchObject({ micros: 10500, reason: 'partial', estimated: true });
  });

  it('estimated tokens without an abort are flagged but carry no reason', () => {
    const r = computeCost(u(1000, 500, { estimated: true }), SONNET);
    expect(r).toMatchObject({ micros: 10500, estimated: true });
    expect(r.reason).toBeUndefined();
  });

  it('reported usage of an aborted stream is a real bill, not partial', () => {
    const r = computeCost(u(1000, 500), SONNET, { aborted: true });
    expect(r.micros).toBe(10500);
    expect(r.reason).toBeUndefined();
  });

  it('ignores negative and fractional garbage in usage', () => {
    // prompt −5 → 0; completion 10.9 → 10 × 15 = 150
    expect(computeCost(u(-5, 10.9), SONNET).micros).toBe(150);
  });
});

describe('formatMicros', () => {
  it.each([
    [0, '$0.00'],
    [1, '$0.000001'],
    [123, '$0.000123'],
    [5000, '$0.005'],
    [9999, '$0.009999'],
    [10000, '$0.01'],
    [15000, '$0.02'], // 1.5 cents → half-up
    [14999, '$0.01'],
    [1_230_000, '$1.23'],
    [1_234_567_890, '$1,234.57'],
    [25_000_000_000, '$25,000.00'],
    [-25000, '-$0.03'],
    [-123, '-$0.000123'],
    [Number.NaN, '—'],
  ])('%d µ$ → %s', (micros, text) => {
    expect(formatMicros(micros)).toBe(text);
  });
});

describe('chooseShownCost', () => {
  it('prefers what the upstream reported', () => {
    expect(chooseShownCost(950, 900)).toEqual({ costMicros: 950, costSource: 'upstream' });
  });
  it('falls back to the computed figure', () => {
    expect(chooseShownCost(undefined, 900)).toEqual({ costMicros: 900, costSource: 'computed' });
  });
  it('has no number when neither is known', () => {
    expect(chooseShownCost()).toEqual({ costSource: 'none' });
  });
  it('a reported zero is still a reported figure', () => {
    expect(chooseShownCost(0, 900)).toEqual({ costMicros: 0, costSource: 'upstream' });
  });
});

describe('usdToMicros', () => {
  it('converts API floats through their decimal text', () => {
    expect(usdToMicros(0.0015)).toBe(1500);
    expect(usdToMicros(0.95)).toBe(950000);
    expect(usdToMicros(0.0000005)).toBe(1); // 0.5 µ$ → half-up
    expect(usdToMicros(1e-7)).toBe(0);
    expect(usdToMicros(Number.NaN)).toBeUndefined();
  });
});
