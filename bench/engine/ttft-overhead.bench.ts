// Added time-to-first-token of the local API: client → fake provider directly vs client → Parley → fake, the two
// interleaved in one run (alternating which goes first) over ≥ 500 requests each.
import { Agent } from 'node:http';
import type { BenchResult } from '../types';
import { loadNote, pct, timedPost } from './harness';
import { API_TOKEN, MODEL_SLUG, NATIVE_MODEL, benchRig } from './setup';

const N = 600;
const WARMUP = 60;

export default async function run(): Promise<BenchResult[]> {
  const rig = await benchRig({ reply: { text: ['Hello', ' there', ', friend'], usage: { prompt: 5, completion: 3 } } });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const direct: number[] = [];
  const viaParley: number[] = [];
  const diffs: number[] = [];
  const directBody = rig.body(NATIVE_MODEL);
  const parleyBody = rig.body(MODEL_SLUG);
  const auth = { authorization: `Bearer ${API_TOKEN}` };
  try {
    for (let i = 0; i < N + WARMUP; i++) {
      const d = () => timedPost(agent, rig.directUrl, {}, directBody);
      const p = () => timedPost(agent, rig.parleyUrl, auth, parleyBody);
      const [a, b] = i % 2 === 0 ? [await d(), await p()] : [await p(), await d()].reverse() as [Awaited<ReturnType<typeof d>>, Awaited<ReturnType<typeof p>>];
      if (a.status !== 200 || b.status !== 200) throw new Error(`unexpected status ${a.status}/${b.status}`);
      if (i < WARMUP) continue;
      direct.push(a.firstByteMs);
      viaParley.push(b.firstByteMs);
      diffs.push(b.firstByteMs - a.firstByteMs);
    }
  } finally {
    agent.destroy();
    await rig.close();
  }
  const p50 = pct(viaParley, 0.5) - pct(direct, 0.5);
  const p99 = pct(viaParley, 0.99) - pct(direct, 0.99);
  const notes = `${N} interleaved pairs after ${WARMUP} warm-up; direct p50 ${pct(direct, 0.5).toFixed(3)} ms / p99 ${pct(direct, 0.99).toFixed(3)} ms; via Parley p50 ${pct(viaParley, 0.5).toFixed(3)} ms / p99 ${pct(viaParley, 0.99).toFixed(3)} ms; pairwise added p50 ${pct(diffs, 0.5).toFixed(3)} ms; ${loadNote()}`;
  return [
    {
      name: 'local API added TTFT p50',
      value: p50,
      unit: 'ms',
      baseline: { name: 'direct TTFT p50', value: pct(direct, 0.5) },
      ratio: pct(viaParley, 0.5) / pct(direct, 0.5),
      target: '<= 0.5 ms',
      pass: p50 <= 0.5,
      notes,
    },
    {
      name: 'local API added TTFT p99',
      value: p99,
      unit: 'ms',
      baseline: { name: 'direct TTFT p99', value: pct(direct, 0.99) },
      ratio: pct(viaParley, 0.99) / pct(direct, 0.99),
      target: '<= 2 ms',
      pass: p99 <= 2,
    },
  ];
}
