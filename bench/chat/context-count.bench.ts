import { performance } from 'node:perf_hooks';
import { countContext, forgetContextCounts } from '../../renderer/chat/context/context-count';
import type { BenchResult } from '../types';

// Issue 22: the context count of a 1,000-turn column must stay within 10 ms, because the meter recounts whenever
// the room changes. Counts are remembered per message, so after the first count only new or edited messages are
// tokenized. Measured: the first (cold) count, and the recount after one more turn (the median of 50).

const PROSE = 'Parley sends each column its own history; this sentence stands in for an ordinary prompt or answer, with code like `const x = f(y)` now and then. ';
function history(turns: number) {
  const out: { id: string; role: 'user' | 'assistant'; content: string }[] = [];
  for (let i = 0; i < turns; i++) {
    out.push({ id: `u${i}`, role: 'user', content: `${i}: ${PROSE}` });
    out.push({ id: `a${i}`, role: 'assistant', content: `${i}: ${PROSE.repeat(4)}` });
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function run(): Promise<BenchResult[]> {
  const base = history(1_000);
  forgetContextCounts();
  let t = performance.now();
  const first = countContext({ model: 'openai/gpt-4o', systemPrompt: 'Be brief.', history: base });
  const cold = performance.now() - t;

  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const next = [...base, { id: `nu${i}`, role: 'user' as const, content: `new ${i}: ${PROSE}` }, { id: `na${i}`, role: 'assistant' as const, content: `new ${i}: ${PROSE.repeat(4)}` }];
    t = performance.now();
    countContext({ model: 'openai/gpt-4o', systemPrompt: 'Be brief.', history: next });
    times.push(performance.now() - t);
  }
  const warm = median(times);
  return [
    { name: 'context count, 1,000-turn column, recount after a new turn (median of 50)', value: warm, unit: 'ms', baseline: { name: 'first count (every message tokenized)', value: cold }, ratio: warm / cold, target: '<= 10 ms', pass: warm <= 10, notes: `${first.total} tokens` },
    { name: 'context count, 1,000-turn column, first count', value: cold, unit: 'ms' },
  ];
}
