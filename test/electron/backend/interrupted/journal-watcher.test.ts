import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../../../electron/engine/engine';
import { createPricingHooks } from '../../../../electron/engine/catalog/pricing-hooks';
import { createGenerationJournal } from '../../../../electron/backend/generation-journal';
import { journalWatcher } from '../../../../electron/backend/interrupted/journal-watcher';
import { RELAYED_FLUSH_MS } from '../../../../electron/backend/interrupted/relayed-tokens';
import { loadBundledCatalog } from '../../../../shared/catalog';
import { countTextTokens, estimateRequestTokens } from '../../../../shared/billing/estimate-tokens';
import { generationRecordSchema, type GenerationRecord } from '../../../../shared/openrouter/generation';
import { startFakeUpstream, type FakeUpstream } from '../../../fakes';

// The journal as main keeps it for a local-API request the real engine is streaming: counts and prices only,
// written at most every RELAYED_FLUSH_MS, enough for the next start to price the request if Parley dies now.

const hooks = createPricingHooks(() => loadBundledCatalog());
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fakeOpenRouter(): Promise<FakeUpstream> {
  const f = await startFakeUpstream('openrouter');
  cleanups.push(() => f.close());
  return f;
}

describe('the generation journal while a local-API request streams', () => {
  it('holds counts, never text, written a few times a second, and a reopened journal prices the cut request from them', async () => {
    const fake = await fakeOpenRouter();
    const words = Array.from({ length: 400 }, (_, i) => `secretword${i} `);
    fake.setDefault({ reply: { text: words }, stallAfterChunks: { after: 301 }, tokensPerSecond: 400 }); // 300 words over ~0.75 s
    const dir = mkdtempSync(join(tmpdir(), 'parley-journal-watch-'));
    const journal = createGenerationJournal(dir);
    const upstream = fake.upstream({ apiKey: 'sk-or-watch-1234' });
    const engine = createEngine({ upstreams: () => [upstream], onStart: (rec, req) => journalWatcher(journal, rec, req, hooks) });
    cleanups.push(() => engine.close());

    const messages = [{ role: 'user' as const, content: 'A confidential prompt about the merger, please count.' }];
    const ctl = new AbortController();
    let relayed = '';
    let startedAt = 0;
    const done = engine.chat({ model: 'openai/gpt-4o', stream: true, messages }, {
      source: 'local-api', signal: ctl.signal,
      onEvent: (ev) => {
        if (ev.type === 'start') startedAt = Date.now();
        if (ev.type === 'text') relayed += ev.text;
      },
    });
    cleanups.push(async () => {
      ctl.abort();
      await done;
    });
    await expect.poll(() => relayed.length, { timeout: 10_000 }).toBe(words.slice(0, 300).join('').length);
    const streamedMs = Date.now() - startedAt;
    await sleep(2 * RELAYED_FLUSH_MS);

    // Parley "dies" here: the next start finds a request that started and never finished.
    const file = readFileSync(join(dir, 'ledger', 'journal.jsonl'), 'utf8');
    expect(file).not.toContain('secretword');
    expect(file).not.toContain('confidential');
    expect(file).not.toContain('sk-or-watch');
    const progressLines = file.split('\n').filter((l) => l.includes('"kind":"progress"')).length;
    expect(progressLines).toBeGreaterThanOrEqual(1);
    expect(progressLines).toBeLessThanOrEqual(Math.ceil((streamedMs + 2 * RELAYED_FLUSH_MS) / RELAYED_FLUSH_MS) + 1); // not one per chunk (300)

    const next = createGenerationJournal(dir);
    const record = next.since(0).flatMap((e) => (e.kind === 'record' ? [e.record] : []))[0] as GenerationRecord;
    expect(record).toMatchObject({ requestedModel: 'openai/gpt-4o', model: 'openai/gpt-4o', upstreamId: upstream.id, upstreamKind: 'openrouter', costReason: 'interrupted', costSource: 'computed' });
    expect(generationRecordSchema.safeParse(record).success).toBe(true);
    expect(next.recovered).toEqual([record]);
    const t = record.tokens!;
    expect(t.prompt).toBe(estimateRequestTokens({ messages }).tokens);
    const exact = countTextTokens(relayed);
    expect(t.completion).toBeGreaterThanOrEqual(exact - 2);
    expect(t.completion).toBeLessThanOrEqual(exact + 2 * progressLines); // a batch boundary may split a token in two
    const price = hooks.pricingOf('openai/gpt-4o', upstream)!;
    expect(Math.abs(record.costMicros! - (t.prompt * Number(price.prompt) + t.completion * Number(price.completion)) * 1e6)).toBeLessThanOrEqual(1);
    expect(record.pricingSnapshot?.rates.prompt).toBe(price.prompt);
  });

  it('writes no progress once a request has its record, and the next start finds nothing interrupted', async () => {
    const fake = await fakeOpenRouter();
    fake.setDefault({ reply: { text: ['a ', 'b ', 'c'] } });
    const dir = mkdtempSync(join(tmpdir(), 'parley-journal-watch-'));
    const journal = createGenerationJournal(dir);
    const engine = createEngine({
      upstreams: () => [fake.upstream({ apiKey: 'k' })],
      onStart: (rec, req) => journalWatcher(journal, rec, req, hooks),
      onGeneration: (rec) => journal.record(rec),
    });
    cleanups.push(() => engine.close());
    await engine.chat({ model: 'openai/gpt-4o', stream: true, messages: [{ role: 'user', content: 'hi' }] }, { source: 'local-api', onEvent: () => {} });
    await sleep(2 * RELAYED_FLUSH_MS); // a count still pending when the record came is dropped
    const lines = readFileSync(join(dir, 'ledger', 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
    // The endpoint's facts are journaled a tick after the first chunk, so a request this short has its record first.
    expect(lines.map((l) => l.kind)).toEqual(['started', 'record']);
    const next = createGenerationJournal(dir);
    expect(next.recovered).toEqual([]);
    expect(next.since(0)).toHaveLength(1);
  });
});
