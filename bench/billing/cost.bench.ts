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
  const exact = timeIt((i) => (sink += computeCost(usage(i), pricing).micros ?? 0), N);
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
    { name: 'estimateRequestTokens, 50k-char prompt', value: est, unit: 'ms', baseline: { name: 'chars/4', value: guess }, ratio: est / Math.max(guess, 1e-6), target: '<= 50 ms', pass: est <= 50 },
  ];
}
