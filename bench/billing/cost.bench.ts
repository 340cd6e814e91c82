// Exact BigInt cost computation vs the naive float formula it replaces (the floor), and the token estimate of a
// long prompt vs a chars/4 guess. A history view reprices thousands of rows, so both need to stay cheap.
import { computeCost } from '../../shared/billing/cost';
import { estimateRequestTokens } from '../../shared/billing/estimate-tokens';
import { findModel, loadBundledCatalog } from '../../shared/catalog';
import type { BenchResult } from '../types';

const N = 20_000;

function timeIt(fn: (i: number) => unknown, n: number): number {
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return (performance.now() - t) / n;
}

export default async function run(): Promise<BenchResult[]> {
  const pricing = findModel(loadBundledCatalog(), 'anthropic/claude-sonnet-4.5')!.pricing;
  const usage = (i: number) => ({ prompt: 10_000 + i, completion: 500 + (i % 100), cacheRead: 4_000, cacheWrite: 1_000, reasoning: 0 });
  const p = Number(pricing.prompt);
  const c = Number(pricing.completion);
  const r = Number(pricing.input_cache_read);
  const w = Number(pricing.input_cache_write);
  let sink = 0;
  timeIt((i) => (sink += computeCost(usage(i), pricing).micros ?? 0), 2000); // warm-up
  const at = Date.UTC(2026, 10, 23, 12);
  const exact = timeIt((i) => (sink += computeCost(usage(i), pricing, { at }).micros ?? 0), N);
  // Conditional prices at the request's time (DeepSeek's peak window) and every unit line at once.
  const timed = {
    prompt: '0.000000135', completion: '0.00000055', input_cache_read: '0.000000035', web_search: '0.01',
    overrides: [{ utc_start: 30, utc_end: 1630, prompt: '0.00000027', completion: '0.0000011', input_cache_read: '0.00000007' }],
  };
  const allUnits = (i: number) => ({ ...usage(i), cacheWrite1h: 500, webSearchRequests: 2, reasoning: 100 });
  timeIt((i) => (sink += computeCost(allUnits(i), timed, { at: at + i * 60_000 }).micros ?? 0), 2000); // warm-up
  const conditional = timeIt((i) => (sink += computeCost(allUnits(i), timed, { at: at + i * 60_000 }).micros ?? 0), N);
  // A price history (DeepSeek V4's price change and its two peak windows), across days and hours.
  const history = loadBundledCatalog().direct.deepseek!.models['deepseek-v4-flash']!.pricing;
  const days = Date.UTC(2026, 7, 10);
  timeIt((i) => (sink += computeCost(usage(i), history, { at: days + i * 600_000 }).micros ?? 0), 2000); // warm-up
  const scheduled = timeIt((i) => (sink += computeCost(usage(i), history, { at: days + i * 600_000 }).micros ?? 0), N);
  const naive = timeIt((i) => {
    const u = usage(i);
    sink += Math.round(((u.prompt - u.cacheRead - u.cacheWrite) * p + u.cacheRead * r + u.cacheWrite * w + u.completion * c) * 1e6);
  }, N);

  const text = 'The quick brown fox jumps over the lazy dog while the cat watches from the fence. '.repeat(600); // ~50k chars
  const req = { messages: [{ role: 'user' as const, content: text }] };
  estimateRequestTokens(req); // warm-up
  const est = timeIt(() => estimateRequestTokens(req), 20);
  const guess = timeIt(() => Math.ceil(text.length / 4), 20);
  if (sink === -1) console.log(sink);

  return [
    { name: 'computeCost (exact, with breakdown)', value: exact * 1000, unit: 'µs/call', baseline: { name: 'float formula', value: naive * 1000 }, ratio: exact / naive, target: '<= 50 µs/call', pass: exact * 1000 <= 50, notes: `${N} calls, Sonnet 4.5 pricing with cache lines` },
    { name: 'computeCost with time-of-day overrides and all units', value: conditional * 1000, unit: 'µs/call', baseline: { name: 'float formula', value: naive * 1000 }, ratio: conditional / naive, target: '<= 50 µs/call', pass: conditional * 1000 <= 50, notes: `${N} calls, DeepSeek peak/off-peak, 1-hour writes, web searches` },
    { name: 'computeCost with a price history', value: scheduled * 1000, unit: 'µs/call', baseline: { name: 'float formula', value: naive * 1000 }, ratio: scheduled / naive, target: '<= 50 µs/call', pass: scheduled * 1000 <= 50, notes: `${N} calls, DeepSeek V4: a dated change and two peak windows, every 10 minutes over ~4 months` },
    { name: 'estimateRequestTokens, 50k-char prompt', value: est, unit: 'ms', baseline: { name: 'chars/4', value: guess }, ratio: est / Math.max(guess, 1e-6), target: '<= 50 ms', pass: est <= 50 },
  ];
}
