// Relay throughput: one 100,000-chunk stream from a loopback fake provider, consumed (a) directly by a minimal
// SSE client (the baseline), (b) through the engine in-process (onChunk), (c) through the local API by the same
// minimal client.
import { Agent } from 'node:http';
import type { BenchResult } from '../types';
import { consumeSse, streamingPost } from './harness';
import { API_TOKEN, MODEL_SLUG, NATIVE_MODEL, benchRig } from './setup';

const CHUNKS = 100_000;
const TARGET = 100_000;

export default async function run(): Promise<BenchResult[]> {
  const text = Array.from({ length: CHUNKS }, (_, i) => `t${i % 100} `);
  // 64 frames per socket write: a fast provider's stream as it arrives in TCP segments.
  const rig = await benchRig({ reply: { text, usage: { prompt: 10, completion: CHUNKS } }, chunksPerWrite: 64 });
  const agent = new Agent({ keepAlive: true });
  const rates = { direct: 0, engine: 0, api: 0 };
  try {
    for (let round = 0; round < 3; round++) {
      // (a) baseline: the fake's stream, read and JSON-parsed by the client itself
      let t = performance.now();
      const direct = await consumeSse(await streamingPost(agent, rig.directUrl, {}, rig.body(NATIVE_MODEL)));
      rates.direct = Math.max(rates.direct, direct.contentChunks / ((performance.now() - t) / 1000));

      // (b) engine in-process
      t = performance.now();
      let count = 0;
      const result = await rig.engine.chat(JSON.parse(rig.body(MODEL_SLUG)), { onEvent: (ev) => void (ev.type === 'text' && count++) });
      if (result.error) throw new Error(result.error.error.message);
      rates.engine = Math.max(rates.engine, count / ((performance.now() - t) / 1000));

      // (c) through the local API
      t = performance.now();
      const viaApi = await consumeSse(await streamingPost(agent, rig.parleyUrl, { authorization: `Bearer ${API_TOKEN}` }, rig.body(MODEL_SLUG)));
      rates.api = Math.max(rates.api, viaApi.contentChunks / ((performance.now() - t) / 1000));
      if (direct.contentChunks !== CHUNKS || count !== CHUNKS || viaApi.contentChunks !== CHUNKS) {
        throw new Error(`chunk counts differ: direct ${direct.contentChunks}, engine ${count}, api ${viaApi.contentChunks}`);
      }
    }
  } finally {
    agent.destroy();
    rig.engine.close();
    await rig.close();
  }
  const baseline = { name: 'client reading the fake directly', value: rates.direct };
  return [
    { name: 'engine relay (in-process onChunk)', value: rates.engine, unit: 'chunks/s', baseline, ratio: rates.engine / rates.direct, target: `>= ${TARGET}`, pass: rates.engine >= TARGET, notes: `${CHUNKS} chunks, best of 3 rounds` },
    { name: 'local API relay (client → Parley → fake)', value: rates.api, unit: 'chunks/s', baseline, ratio: rates.api / rates.direct, target: `>= ${TARGET}`, pass: rates.api >= TARGET },
  ];
}
