// What journaling a local-API request costs the relay: the generation journal keeps, for every such request, the
// endpoint serving it and the tokens relayed so far (counted from the text at most every RELAYED_FLUSH_MS), so a
// kill leaves a priced record. The same stream (a fake provider in its own process, 50,000 chunks, 64 frames per
// socket write) is relayed in-process by two engines taking turns each round: one plain, one whose requests are
// watched by the journal as main watches local-API requests. Reported: the rate ratio (median over the rounds of
// watched ÷ plain) and the CPU per chunk of each — on a busy machine the noise between rounds exceeds the journal's
// cost, so the two costs are also measured apart: a chunk noted on the relay's path, and one flush.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createPricingHooks, type UpstreamConfig } from '../../electron/engine';
import { createGenerationJournal } from '../../electron/backend/generation-journal';
import { journalWatcher } from '../../electron/backend/interrupted/journal-watcher';
import { createRelayedTokens, RELAYED_FLUSH_MS, SAMPLE_CHARS } from '../../electron/backend/interrupted/relayed-tokens';
import { loadBundledCatalog } from '../../shared/catalog';
import type { BenchResult } from '../types';
import { median } from './harness';
import { MODEL_SLUG, NATIVE_MODEL, benchRig } from './setup';

const CHUNKS = 50_000;
const ROUNDS = 9;

interface Sample {
  rate: number; // chunks per second
  cpuUsPerChunk: number;
}

/** The two costs apart: a relayed() call on the relay's path, and one flush (a full sample counted). */
async function parts(): Promise<{ perCallUs: number; perFlushUs: number }> {
  const calls = 1_000_000;
  const piece = 'tok4 ';
  let flushes = 0;
  const hold = createRelayedTokens(() => flushes++, 60_000);
  let t = performance.now();
  for (let i = 0; i < calls; i++) hold.relayed(piece);
  const perCallUs = ((performance.now() - t) * 1000) / calls;
  hold.stop();
  const sample = Array.from({ length: SAMPLE_CHARS / 8 }, (_, i) => `w${i % 1000} ok `).join('').slice(0, SAMPLE_CHARS);
  const rounds = 50;
  let total = 0;
  for (let i = 0; i < rounds + 5; i++) {
    const c = createRelayedTokens(() => flushes++, 0);
    c.relayed(`${i} ${sample}`);
    t = performance.now();
    await new Promise((r) => setTimeout(r, 0));
    if (i >= 5) total += performance.now() - t; // after a warm-up
  }
  return { perCallUs, perFlushUs: (total * 1000) / rounds };
}

export default async function run(): Promise<BenchResult[]> {
  const cost = await parts();
  const text = Array.from({ length: CHUNKS }, (_, i) => `t${i % 100} `);
  const rig = await benchRig({ reply: { text, usage: { prompt: 10, completion: CHUNKS } }, chunksPerWrite: 64 }, {}, { fakeInChildProcess: true });
  const upstreams: UpstreamConfig[] = [{ id: 'custom:bench', kind: 'openai-compatible', label: 'Bench', baseUrl: rig.fake.url, isByok: true, models: [NATIVE_MODEL] }];
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-journal-'));
  const journal = createGenerationJournal(dir);
  const hooks = createPricingHooks(() => loadBundledCatalog());
  const watched = createEngine({
    upstreams: () => upstreams,
    onStart: (rec, req) => journalWatcher(journal, rec, req, hooks),
    onGeneration: (rec) => journal.record(rec),
  });
  const engines = { plain: rig.engine, watched };
  const samples = { plain: [] as Sample[], watched: [] as Sample[] };
  const timed = async (which: keyof typeof engines): Promise<Sample> => {
    let count = 0;
    const t = performance.now();
    const c = process.cpuUsage();
    const result = await engines[which].chat(JSON.parse(rig.body(MODEL_SLUG)), { source: 'local-api', onEvent: (ev) => void (ev.type === 'text' && count++) });
    const cpu = process.cpuUsage(c);
    if (result.error) throw new Error(result.error.error.message);
    if (count !== CHUNKS) throw new Error(`${which}: expected ${CHUNKS} chunks, got ${count}`);
    return { rate: count / ((performance.now() - t) / 1000), cpuUsPerChunk: (cpu.user + cpu.system) / count };
  };
  try {
    await timed('plain');
    await timed('watched'); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const which of round % 2 ? (['watched', 'plain'] as const) : (['plain', 'watched'] as const)) samples[which].push(await timed(which));
    }
  } finally {
    watched.close();
    rig.engine.close();
    await rig.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const rate = (which: keyof typeof samples) => median(samples[which].map((s) => s.rate));
  const cpu = (which: keyof typeof samples) => median(samples[which].map((s) => s.cpuUsPerChunk));
  const ratio = median(samples.watched.map((s, i) => s.rate / samples.plain[i]!.rate));
  return [
    {
      name: 'engine relay with the generation journal watching (in-process onEvent)', value: rate('watched'), unit: 'chunks/s',
      baseline: { name: 'the same relay, not journaled (median)', value: rate('plain') }, ratio,
      notes: `${CHUNKS} chunks, ${ROUNDS} interleaved rounds; CPU ${cpu('watched').toFixed(2)} µs per chunk journaled, ${cpu('plain').toFixed(2)} µs not: ${(cpu('watched') - cpu('plain')).toFixed(2)} µs per chunk for the journal`,
    },
    { name: 'journal: one relayed chunk noted (on the relay path)', value: cost.perCallUs, unit: 'µs', target: '<= 0.5 µs', pass: cost.perCallUs <= 0.5, notes: '1,000,000 calls of 5 characters' },
    {
      name: `journal: one flush (${SAMPLE_CHARS} characters counted, the most a flush counts), off the relay path`, value: cost.perFlushUs, unit: 'µs',
      notes: `includes a timer turn; at most one per request every ${RELAYED_FLUSH_MS} ms`,
    },
  ];
}
