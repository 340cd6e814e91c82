import { describe, expect, it } from 'vitest';
import type { ModelPricing } from '../../../shared/catalog/types';
import { computeCost, type CostUsage } from '../../../shared/billing/cost';
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

  it('keeps the exact total beside the rounded one: a sub-micro-dollar cost is not a free one', () => {
    // 1 × 0.3 µ$ = 0.3 µ$ → 0 µ$ rounded, but nonzero
    const r = computeCost(u(1, 0), THREE_TENTHS);
    expect(r).toMatchObject({ micros: 0, exactMicros: '0.3' });
    expect(r.reason).toBeUndefined();
    expect(computeCost(u(7, 1), CHEAP).exactMicros).toBe('0.825');
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

// DeepSeek's own API (genai-prices data): off-peak is the base price, the standard price applies 00:30–16:30 UTC.
const DEEPSEEK_CHAT: ModelPricing = {
  prompt: '0.000000135', completion: '0.00000055', input_cache_read: '0.000000035',
  overrides: [{ utc_start: 30, utc_end: 1630, prompt: '0.00000027', completion: '0.0000011', input_cache_read: '0.00000007' }],
};
// V4: off-peak all day except two peak windows, 01:00–04:00 and 06:00–10:00 UTC.
const DEEPSEEK_V4: ModelPricing = {
  prompt: '0.00000022', completion: '0.00000066', input_cache_read: '0.000000007',
  overrides: [
    { utc_start: 100, utc_end: 400, prompt: '0.00000044', completion: '0.00000132', input_cache_read: '0.000000014' },
    { utc_start: 600, utc_end: 1000, prompt: '0.00000044', completion: '0.00000132', input_cache_read: '0.000000014' },
  ],
};
const at = (hhmmss: string) => Date.parse(`2026-11-23T${hhmmss}Z`);

describe('computeCost at the time of the request', () => {
  // 1,000,000 in + 1,000,000 out: standard 0.27 + 1.10 = $1.37; off-peak 0.135 + 0.55 = $0.685
  it.each([
    ['00:29:59', 685_000, 'off-peak until the last second before 00:30'],
    ['00:30:00', 1_370_000, 'standard from 00:30:00'],
    ['12:00:00', 1_370_000, 'standard at noon'],
    ['16:29:59', 1_370_000, 'standard until 16:29:59'],
    ['16:30:00', 685_000, 'off-peak from 16:30:00'],
    ['23:59:59', 685_000, 'off-peak before midnight'],
  ])('DeepSeek chat at %s UTC → %d µ$ (%s)', (time, micros) => {
    expect(computeCost(u(1_000_000, 1_000_000), DEEPSEEK_CHAT, { at: at(time) }).micros).toBe(micros);
  });

  it('applies the window to cache reads too', () => {
    // 1,000,000 cached at 0.07 (peak) vs 0.035 (off-peak)
    expect(computeCost(u(1_000_000, 0, { cacheRead: 1_000_000 }), DEEPSEEK_CHAT, { at: at('08:00:00') }).micros).toBe(70_000);
    expect(computeCost(u(1_000_000, 0, { cacheRead: 1_000_000 }), DEEPSEEK_CHAT, { at: at('20:00:00') }).micros).toBe(35_000);
  });

  it.each([
    ['00:59:59', 880_000], ['01:00:00', 1_760_000], ['03:59:59', 1_760_000], ['04:00:00', 880_000],
    ['05:59:59', 880_000], ['06:00:00', 1_760_000], ['09:59:59', 1_760_000], ['10:00:00', 880_000],
  ])('DeepSeek V4 at %s UTC → %d µ$ (two peak windows)', (time, micros) => {
    expect(computeCost(u(1_000_000, 1_000_000), DEEPSEEK_V4, { at: at(time) }).micros).toBe(micros);
  });

  it('a window that wraps midnight (OpenRouter writes 16:30–00:30 as 1630–30)', () => {
    const wrap: ModelPricing = { prompt: '0.000001', completion: '0', overrides: [{ utc_start: 1630, utc_end: 30, prompt: '0.0000005' }] };
    expect(computeCost(u(1000, 0), wrap, { at: at('23:00:00') }).micros).toBe(500);
    expect(computeCost(u(1000, 0), wrap, { at: at('00:15:00') }).micros).toBe(500);
    expect(computeCost(u(1000, 0), wrap, { at: at('00:30:00') }).micros).toBe(1000);
  });

  it('a dated price change applies from its day on, and the whole price set changes with it', () => {
    const dated: ModelPricing = {
      prompt: '0.000002', completion: '0', // the set shown; a schedule decides
      schedule: [
        { prompt: '0.000001', completion: '0', request: '0.001', long_context_tiers: [{ above_prompt_tokens: 500, prompt: '0.000003' }] },
        { from_date: '2027-01-01', prompt: '0.000002', completion: '0' },
      ],
    };
    // Before: 1000 tokens above the tier at 3 µ$ + 1000 µ$ per request; from the day on: no tier, no request price.
    expect(computeCost(u(1000, 0), dated, { at: Date.parse('2026-12-31T23:59:59.999Z') }).micros).toBe(4000);
    expect(computeCost(u(1000, 0), dated, { at: Date.parse('2027-01-01T00:00:00Z') }).micros).toBe(2000);
  });

  it('a schedule takes the last entry that holds: a window listed after a date wins at its hours', () => {
    const v4: ModelPricing = {
      prompt: '0.000001', completion: '0',
      schedule: [
        { prompt: '0.000001', completion: '0' },
        { from_date: '2026-08-17', prompt: '0.000002', completion: '0' },
        { utc_start: 100, utc_end: 400, prompt: '0.000004', completion: '0' },
      ],
    };
    expect(computeCost(u(1000, 0), v4, { at: Date.parse('2026-08-16T12:00:00Z') }).micros).toBe(1000);
    expect(computeCost(u(1000, 0), v4, { at: Date.parse('2026-08-16T02:00:00Z') }).micros).toBe(4000);
    expect(computeCost(u(1000, 0), v4, { at: Date.parse('2026-08-17T00:59:59Z') }).micros).toBe(2000);
    expect(computeCost(u(1000, 0), v4, { at: Date.parse('2026-08-17T01:00:00Z') }).micros).toBe(4000);
    expect(computeCost(u(1000, 0), v4, { at: Date.parse('2026-08-17T04:00:00Z') }).micros).toBe(2000);
  });

  it('an empty price set in a schedule is free', () => {
    const promo: ModelPricing = { prompt: '0.000001', completion: '0', schedule: [{ prompt: '0.000001', completion: '0' }, { from_date: '2027-01-01', prompt: '0', completion: '0' }] };
    expect(computeCost(u(1000, 0), promo, { at: Date.parse('2027-02-01T00:00:00Z') })).toMatchObject({ micros: 0, reason: 'free' });
  });
});

describe('computeCost: every billable unit', () => {
  it('prices audio and image tokens at their own rates where the model lists them', () => {
    const omni: ModelPricing = { prompt: '0.000001', completion: '0.000002', audio: '0.00001', audio_output: '0.00002', image_output: '0.00004' };
    // input: 1000 − 100 audio = 900 × 1 = 900; audio in 100 × 10 = 1000; output 500 − 50 − 20 = 430 × 2 = 860;
    // audio out 50 × 20 = 1000; image out 20 × 40 = 800; total 4560
    const r = computeCost(u(1000, 500, { audioIn: 100, audioOut: 50, imageOut: 20 }), omni);
    expect(r.micros).toBe(4560);
    expect(Object.fromEntries(r.breakdown.map((l) => [l.component, l.micros]))).toEqual({ input: 900, audio_input: 1000, output: 860, audio_output: 1000, image_output: 800 });
  });

  it('leaves audio tokens in the input line when the model has no audio price', () => {
    expect(computeCost(u(1000, 0, { audioIn: 100 }), { prompt: '0.000001', completion: '0' }).micros).toBe(1000);
  });

  it('says what caching saved: reads at 0.1× save, writes at 1.25× cost extra', () => {
    // 8000 reads: 8000 × 3 − 8000 × 0.3 = 21,600 saved; 1000 5-minute writes: 1000 × 3 − 1000 × 3.75 = −750
    expect(computeCost(u(10000, 0, { cacheRead: 8000, cacheWrite: 1000 }), SONNET).cacheSavingsMicros).toBe(20850);
    expect(computeCost(u(1000, 0), SONNET).cacheSavingsMicros).toBeUndefined();
  });

  it('1-hour cache writes and web searches together, as Anthropic reports them', () => {
    const sonnetDirect: ModelPricing = { ...SONNET, web_search: '0.01' };
    // input 1000 × 3 = 3000; 5-min 2000 × 3.75 = 7500; 1-h 2000 × 6 = 12000; out 100 × 15 = 1500; 3 × 10,000 = 30,000
    const r = computeCost(u(5000, 100, { cacheWrite: 4000, cacheWrite1h: 2000, webSearchRequests: 3 }), sonnetDirect);
    expect(r.micros).toBe(54000);
    expect(r.breakdown.find((l) => l.component === 'web_search')).toMatchObject({ units: 3, micros: 30000 });
  });
});
