// Memory: heapUsed after a full GC once 100 requests went through, and again after 1,000 (sequential). Parley's
// path (client → local API → engine → fake, half streaming) is compared with the same client calling the fake
// directly in the same process: what both grow by is Node warming up (JIT code), not retained requests. Heap
// snapshots at the same two points separate retained objects from compiled code.
import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { BenchResult } from '../types';
import { consumeSse, forceGc, mib, nonCodeHeapBytes, streamingPost, timedPost } from './harness';
import { API_TOKEN, MODEL_SLUG, NATIVE_MODEL, benchRig } from './setup';

const FIRST = 100;
const TOTAL = 1000;

async function heapAfterGc(reset: () => void): Promise<number> {
  reset(); // the fake records every request: that is the fake's memory, not Parley's
  await new Promise((r) => setTimeout(r, 50));
  forceGc();
  return process.memoryUsage().heapUsed;
}

export default async function run(): Promise<BenchResult[]> {
  let generations = 0;
  const rig = await benchRig(
    { reply: { text: 'A reply of a few words that streams in several chunks.', usage: { prompt: 12, completion: 12 } } },
    { onGeneration: () => void generations++ },
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const auth = { authorization: `Bearer ${API_TOKEN}` };
  const growth = { direct: 0, parley: 0 };
  const heap = { first: 0, last: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-heap-'));
  const snapshots = [join(dir, 'first.heapsnapshot'), join(dir, 'last.heapsnapshot')] as const;
  let retained: number;
  try {
    for (const path of ['direct', 'parley'] as const) {
      const [url, headers, model] = path === 'direct' ? [rig.directUrl, {}, NATIVE_MODEL] : [rig.parleyUrl, auth, MODEL_SLUG];
      let first = 0;
      for (let i = 1; i <= TOTAL; i++) {
        if (i % 2 === 0) {
          const r = await timedPost(agent, url, headers, rig.body(model, false));
          if (r.status !== 200) throw new Error(`${path}: status ${r.status}`);
        } else {
          await consumeSse(await streamingPost(agent, url, headers, rig.body(model)));
        }
        if (i === FIRST) {
          first = await heapAfterGc(() => rig.fake.reset());
          if (path === 'parley') writeHeapSnapshot(snapshots[0]);
        }
      }
      const last = await heapAfterGc(() => rig.fake.reset());
      growth[path] = last - first;
      if (path === 'parley') {
        Object.assign(heap, { first, last });
        writeHeapSnapshot(snapshots[1]);
      }
    }
    retained = (await nonCodeHeapBytes(snapshots[1])) - (await nonCodeHeapBytes(snapshots[0]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    agent.destroy();
    rig.engine.close();
    await rig.close();
  }
  if (generations !== TOTAL) throw new Error(`expected ${TOTAL} generation records, got ${generations}`);
  return [
    {
      name: `heap growth, request ${FIRST} → ${TOTAL} via Parley`,
      value: mib(growth.parley),
      unit: 'MiB',
      baseline: { name: 'same, client → fake directly', value: mib(growth.direct) },
      ratio: growth.parley / growth.direct,
      notes: `heapUsed after GC via Parley: ${mib(heap.first).toFixed(2)} MiB at ${FIRST}, ${mib(heap.last).toFixed(2)} MiB at ${TOTAL}; half streaming, half not`,
    },
    {
      name: `retained (non-code) heap growth, request ${FIRST} → ${TOTAL}`,
      value: mib(retained),
      unit: 'MiB',
      target: '<= 0.25 MiB (no growth)',
      pass: mib(retained) <= 0.25,
      notes: 'from heap snapshots; excludes compiled code, which grows while the JIT warms up',
    },
  ];
}
