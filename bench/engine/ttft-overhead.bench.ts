// Added time-to-first-token of the local API: an app → the fake provider directly vs the app → Parley → the same
// fake, interleaved in one run over ≥ 500 requests each. The provider and the app are processes of their own, as
// they are in use, so only Parley's own work and its extra hop sit between the two figures.
import type { BenchResult } from '../types';
import { loadNote, pct } from './harness';
import { clientProcess } from './processes';
import { API_TOKEN, MODEL_SLUG, NATIVE_MODEL, benchRig } from './setup';

const N = 600;
const WARMUP = 60;
const BATCH = 20; // requests per turn before switching between the two paths

export default async function run(): Promise<BenchResult[]> {
  const rig = await benchRig({ reply: { text: ['Hello', ' there', ', friend'], usage: { prompt: 5, completion: 3 } } }, {}, { fakeInChildProcess: true });
  const app = clientProcess();
  const direct: number[] = [];
  const viaParley: number[] = [];
  const auth = { authorization: `Bearer ${API_TOKEN}` };
  try {
    await app.ttft(rig.directUrl, {}, rig.body(NATIVE_MODEL), WARMUP);
    await app.ttft(rig.parleyUrl, auth, rig.body(MODEL_SLUG), WARMUP);
    for (let i = 0; direct.length < N; i++) {
      const d = () => app.ttft(rig.directUrl, {}, rig.body(NATIVE_MODEL), BATCH);
      const p = () => app.ttft(rig.parleyUrl, auth, rig.body(MODEL_SLUG), BATCH);
      if (i % 2 === 0) {
        direct.push(...(await d()));
        viaParley.push(...(await p()));
      } else {
        viaParley.push(...(await p()));
        direct.push(...(await d()));
      }
    }
  } finally {
    await app.close();
    await rig.close();
  }
  const p50 = pct(viaParley, 0.5) - pct(direct, 0.5);
  const p99 = pct(viaParley, 0.99) - pct(direct, 0.99);
  const notes = `${N} requests each way in alternating batches of ${BATCH}, after ${WARMUP} warm-up each; provider and app in their own processes; direct p50 ${pct(direct, 0.5).toFixed(3)} ms / p99 ${pct(direct, 0.99).toFixed(3)} ms; via Parley p50 ${pct(viaParley, 0.5).toFixed(3)} ms / p99 ${pct(viaParley, 0.99).toFixed(3)} ms; ${loadNote()}`;
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
