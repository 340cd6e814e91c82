import { describe, expect, it } from 'vitest';
import { repriceRequests, repriceViews, type RepriceRequest } from '../../../shared/billing/reprice';
import { computeCost } from '../../../shared/billing/cost';
import type { ModelPricing } from '../../../shared/catalog/types';
import type { TokenCounts } from '../../../shared/openrouter/generation';

// A price history written for this test (µ$ per token in brackets): before June, input [1] output [2]; from
// 2026-06-01 input [2] output [4] cache read [0.5], with a long-context tier above 5,000 prompt tokens (input [4]
// output [8]); and every day 16:30–00:30 UTC an off-peak set, input [1] output [2], no cache rate.
const PRICING: ModelPricing = {
  prompt: '0.000002',
  completion: '0.000004',
  schedule: [
    { prompt: '0.000001', completion: '0.000002' },
    { from_date: '2026-06-01', prompt: '0.000002', completion: '0.000004', input_cache_read: '0.0000005', long_context_tiers: [{ above_prompt_tokens: 5000, prompt: '0.000004', completion: '0.000008' }] },
    { utc_start: 1630, utc_end: 30, prompt: '0.000001', completion: '0.000002' },
  ],
};

const tokens = (prompt: number, completion: number, cacheRead = 0): TokenCounts => ({ prompt, completion, cacheRead, cacheWrite: 0, reasoning: 0 });
const ROWS: RepriceRequest[] = [
  { createdAt: Date.UTC(2026, 4, 15, 12), tokens: tokens(1000, 500) }, // before June: 1000·1 + 500·2 = 2,000
  { createdAt: Date.UTC(2026, 5, 10, 12), tokens: tokens(1000, 500, 400) }, // June: 600·2 + 400·0.5 + 500·4 = 3,400
  { createdAt: Date.UTC(2026, 5, 10, 17), tokens: tokens(1000, 500, 400) }, // off-peak: 1000·1 + 500·2 = 2,000 (reads at the input rate)
  { createdAt: Date.UTC(2026, 5, 10, 12, 5), tokens: tokens(6000, 100) }, // long context: 6000·4 + 100·8 = 24,800
  { createdAt: Date.UTC(2026, 5, 11), tokens: null }, // no usage: nothing to price
];
const NOW = Date.UTC(2026, 11, 6, 12); // outside the off-peak window: the June set

describe('repricing past usage with a price list', () => {
  it('at each request’s own time: dated prices, time-of-day window, cache reads and the long-context tier', () => {
    expect(repriceRequests(ROWS, PRICING, { at: 'request', caching: 'as-used' })).toEqual({ micros: 2_000 + 3_400 + 2_000 + 24_800, priced: 4, noUsage: 1, estimated: false });
  });

  it('without caching every input token is at the input rate', () => {
    // the June row: 1000·2 + 500·4 = 4,000 instead of 3,400
    expect(repriceRequests(ROWS, PRICING, { at: 'request', caching: 'off' }).micros).toBe(2_000 + 4_000 + 2_000 + 24_800);
  });

  it('at today’s prices (one time for all)', () => {
    // all four at the June set: 1000·2 + 500·4 = 4,000; 3,400; 3,400; 24,800
    expect(repriceRequests(ROWS, PRICING, { at: NOW, caching: 'as-used' }).micros).toBe(4_000 + 3_400 + 3_400 + 24_800);
  });

  it('is the sum of pricing each request on its own, within ½ µ$ per request, over many random requests', () => {
    let s = 3;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const rows: RepriceRequest[] = Array.from({ length: 2_000 }, () => {
      const prompt = Math.floor(rnd() * 9_000);
      return { createdAt: Date.UTC(2026, 4, 1) + Math.floor(rnd() * 90 * 86_400_000), tokens: tokens(prompt, Math.floor(rnd() * 2_000), Math.floor(rnd() * prompt)) };
    });
    const one = rows.reduce((sum, r) => sum + computeCost({ ...r.tokens! }, PRICING, { at: r.createdAt }).micros!, 0);
    const grouped = repriceRequests(rows, PRICING, { at: 'request', caching: 'as-used' }).micros!;
    expect(Math.abs(grouped - one)).toBeLessThanOrEqual(rows.length / 2);
  });

  it('the table’s three views in one pass equal the three repricings apart', () => {
    const v = repriceViews(ROWS, PRICING, NOW);
    expect(v.then).toEqual(repriceRequests(ROWS, PRICING, { at: 'request', caching: 'as-used' }));
    expect(v.today).toEqual(repriceRequests(ROWS, PRICING, { at: NOW, caching: 'as-used' }));
    expect(v.noCache).toEqual(repriceRequests(ROWS, PRICING, { at: 'request', caching: 'off' }));
  });

  it('a model without a price list prices nothing', () => {
    expect(repriceRequests(ROWS, undefined, { at: 'request', caching: 'as-used' }).micros).toBeNull();
  });
});

describe('repricing with token counts converted to another tokenizer', () => {
  it('scales each part on its own and can push a prompt over the long-context tier', () => {
    // June, 12:00: 4,400 prompt tokens of which 400 cached, 500 completion; × 1.25 → uncached 5,000, cached 500,
    // prompt 5,500 (over the 5,000 tier: input [4], output [8]; cache read stays [0.5]), completion 625:
    // 5000·4 + 500·0.5 + 625·8 = 25,250
    const r: RepriceRequest = { createdAt: Date.UTC(2026, 5, 10, 12), tokens: tokens(4400, 500, 400) };
    expect(repriceViews([r], PRICING, NOW, () => 1.25).then.micros).toBe(25_250);
    // unconverted: 4000·2 + 400·0.5 + 500·4 = 10,200 (under the tier)
    expect(repriceViews([r], PRICING, NOW).then.micros).toBe(10_200);
  });
});
