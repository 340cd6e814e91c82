// Added time-to-first-token of the local API: an app → the fake provider directly vs the app → Parley → the same
// fake, interleaved in one run over ≥ 500 requests each. The provider and the app are processes of their own, as
// they are in use, so only Parley's own work and its extra hop sit between the two figures. The floor — a trivial
// pass-through proxy in Parley's process (./floor-proxy.ts) — takes its turns too: what any Node relay adds here.
import type { BenchResult } from '../types';
import { pct } from './harness';
import { loadMeter } from './machine-load';
import { clientProcess } from './processes';
import { API_TOKEN, MODEL_SLUG, NATIVE_MODEL, benchRig } from './setup';

const N = 600;
const WARMUP = 60;
const BATCH = 20; // requests per turn before switching between the paths
const FLOOR_MARGIN_MS = 0.3; // Parley's added p50 may exceed the floor's by this much

export default async function run(): Promise<BenchResult[]> {
  const rig = await benchRig({ reply: { text: ['Hello', ' there', ', friend'], usage: { prompt: 5, completion: 3 } } }, {}, { fakeInChildProcess: true });
  const app = clientProcess();
  const meter = loadMeter(() => [app.pid, ...(rig.fakePid ? [rig.fakePid] : [])]);
  const auth = { authorization: `Bearer ${API_TOKEN}` };
  const paths = {
    direct: (n: number) => app.ttft(rig.directUrl, {}, rig.body(NATIVE_MODEL), n),
    parley: (n: number) => app.ttft(rig.parleyUrl, auth, rig.body(MODEL_SLUG), n),
    floor: (n: number) => app.ttft(rig.floorUrl, {}, rig.body(NATIVE_MODEL), n),
  };
  const ms = { direct: [] as number[], parley: [] as number[], floor: [] as number[] };
  // This process's CPU per request on each path: Parley's (or the floor's) own work plus the IPC the direct path
  // pays too, so the direct figure is subtracted.
  const cpuUs = { direct: 0, parley: 0, floor: 0 };
  const names = ['direct', 'parley', 'floor'] as const;
  try {
    for (const name of names) await paths[name](WARMUP);
    for (let turn = 0; ms.direct.length < N; turn++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + turn) % names.length]!;
        const c = process.cpuUsage();
        ms[name].push(...(await paths[name](BATCH)));
        const used = process.cpuUsage(c);
        cpuUs[name] += used.user + used.system;
      }
    }
  } finally {
    meter.stop();
    await app.close();
    await rig.close();
  }
  const added = (name: 'parley' | 'floor', p: number) => pct(ms[name], p) - pct(ms.direct, p);
  const figures = (name: keyof typeof ms) => `p50 ${pct(ms[name], 0.5).toFixed(3)} ms / p99 ${pct(ms[name], 0.99).toFixed(3)} ms`;
  const cpuPerRequest = (name: 'parley' | 'floor') => ((cpuUs[name] - cpuUs.direct) / ms[name].length).toFixed(0);
  const notes = `${N} requests per path in rotating batches of ${BATCH}, after ${WARMUP} warm-up each; provider and app in their own processes; direct ${figures('direct')}; via Parley ${figures('parley')}; via the floor proxy ${figures('floor')}; CPU per request in the relay's process (the direct path's IPC subtracted): Parley ${cpuPerRequest('parley')} µs, the floor ${cpuPerRequest('floor')} µs; ${meter.note()}`;
  const row = (name: 'parley' | 'floor', p: 0.5 | 0.99): BenchResult => {
    const label = p === 0.5 ? 'p50' : 'p99';
    const value = added(name, p);
    const base = { name: `direct TTFT ${label}`, value: pct(ms.direct, p) };
    const ratio = pct(ms[name], p) / pct(ms.direct, p);
    if (name === 'floor') return { name: `floor (trivial pass-through proxy) added TTFT ${label}`, value, unit: 'ms', baseline: base, ratio };
    if (p === 0.99) return { name: `local API added TTFT ${label}`, value, unit: 'ms', baseline: base, ratio, target: '<= 2 ms', pass: value <= 2 };
    // The target is relative: what Parley adds beyond what any Node relay adds on this machine in the same run.
    const limit = added('floor', p) + FLOOR_MARGIN_MS;
    return { name: `local API added TTFT ${label}`, value, unit: 'ms', baseline: base, ratio, target: `<= floor + ${FLOOR_MARGIN_MS} ms (${limit.toFixed(3)})`, pass: value <= limit, notes };
  };
  return [row('parley', 0.5), row('parley', 0.99), row('floor', 0.5), row('floor', 0.99)];
}
