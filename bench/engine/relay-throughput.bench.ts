// Relay throughput, measured as a relay runs: the provider (a fake, 100,000 chunks, 64 frames per socket write)
// and the app reading the stream (a minimal SSE client) are processes of their own; this process holds only
// Parley. Each round the client reads (a) the fake directly — the baseline — and (c) the same stream through the
// local API, and (b) the engine relays it in-process (onEvent). The paths take turns, so a baseline and its relays
// see the same machine load; a ratio is the median over the rounds of relay ÷ the same round's baseline. The floor
// — a trivial pass-through proxy in Parley's process (./floor-proxy.ts) — takes its turn each round too.
import type { BenchResult } from '../types';
import { median } from './harness';
import { loadMeter } from './machine-load';
import { clientProcess } from './processes';
import { API_TOKEN, MODEL_SLUG, NATIVE_MODEL, benchRig } from './setup';

const CHUNKS = 100_000;
const ROUNDS = 5;
const TARGET = 100_000;
const TARGET_RATIO = 0.8;
const TARGET_OF_FLOOR = 0.85; // the local API's rate ÷ the floor's, round by round

interface Sample {
  rate: number; // chunks per second
  parleyCpuUsPerChunk: number; // this process's CPU
}

export default async function run(): Promise<BenchResult[]> {
  const text = Array.from({ length: CHUNKS }, (_, i) => `t${i % 100} `);
  const rig = await benchRig({ reply: { text, usage: { prompt: 10, completion: CHUNKS } }, chunksPerWrite: 64 }, {}, { fakeInChildProcess: true });
  const client = clientProcess();
  const meter = loadMeter(() => [client.pid, ...(rig.fakePid ? [rig.fakePid] : [])]);
  const samples = { direct: [] as Sample[], engine: [] as Sample[], api: [] as Sample[], floor: [] as Sample[] };
  const viaClient = async (url: string, headers: Record<string, string>, model: string) => {
    const r = await client.read(url, headers, rig.body(model));
    return r.chunks;
  };
  const paths = {
    direct: () => viaClient(rig.directUrl, {}, NATIVE_MODEL),
    api: () => viaClient(rig.parleyUrl, { authorization: `Bearer ${API_TOKEN}` }, MODEL_SLUG),
    floor: () => viaClient(rig.floorUrl, {}, NATIVE_MODEL),
    engine: async () => {
      let count = 0;
      const result = await rig.engine.chat(JSON.parse(rig.body(MODEL_SLUG)), { onEvent: (ev) => void (ev.type === 'text' && count++) });
      if (result.error) throw new Error(result.error.error.message);
      return count;
    },
  };
  const timed = async (path: keyof typeof paths): Promise<Sample> => {
    const t = performance.now();
    const c = process.cpuUsage();
    const chunks = await paths[path]();
    const cpu = process.cpuUsage(c);
    if (chunks !== CHUNKS) throw new Error(`${path}: expected ${CHUNKS} chunks, got ${chunks}`);
    return { rate: chunks / ((performance.now() - t) / 1000), parleyCpuUsPerChunk: (cpu.user + cpu.system) / chunks };
  };
  try {
    for (const path of ['direct', 'api', 'engine', 'floor'] as const) await timed(path); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      const order = (['direct', 'engine', 'api', 'floor'] as const).map((_, i, all) => all[(i + round) % all.length]!);
      for (const path of order) samples[path].push(await timed(path));
    }
  } finally {
    meter.stop();
    await client.close();
    rig.engine.close();
    await rig.close();
  }
  const ratio = (path: 'engine' | 'api' | 'floor') => median(samples[path].map((s, i) => s.rate / samples.direct[i]!.rate));
  const rate = (path: keyof typeof samples) => median(samples[path].map((s) => s.rate));
  const cpu = (path: 'engine' | 'api' | 'floor') => median(samples[path].map((s) => s.parleyCpuUsPerChunk)).toFixed(2);
  const baseline = { name: 'client reading the fake directly (median)', value: rate('direct') };
  const ofFloor = median(samples.api.map((s, i) => s.rate / samples.floor[i]!.rate));
  const notes = (path: 'engine' | 'api' | 'floor') =>
    `${CHUNKS} chunks, ${ROUNDS} interleaved rounds, fake and client in their own processes; ratio = median of per-round relay ÷ direct; ${path === 'floor' ? "the proxy's" : "Parley's"} CPU ${cpu(path)} µs per chunk; ${meter.note()}`;
  return [
    { name: 'engine relay (in-process onEvent)', value: rate('engine'), unit: 'chunks/s', baseline, ratio: ratio('engine'), target: `>= ${TARGET}`, pass: rate('engine') >= TARGET, notes: notes('engine') },
    {
      name: 'local API relay (client → Parley → fake)', value: rate('api'), unit: 'chunks/s', baseline, ratio: ratio('api'),
      target: `>= ${TARGET_RATIO}× direct`, pass: ratio('api') >= TARGET_RATIO, notes: notes('api'),
    },
    { name: 'floor relay (client → trivial pass-through proxy → fake)', value: rate('floor'), unit: 'chunks/s', baseline, ratio: ratio('floor'), notes: notes('floor') },
    {
      name: 'local API relay ÷ floor relay (same rounds)', value: ofFloor, unit: '×',
      target: `>= ${TARGET_OF_FLOOR}× the floor`, pass: ofFloor >= TARGET_OF_FLOOR, notes: 'median over the rounds of the local API rate ÷ the same round’s floor rate',
    },
  ];
}
