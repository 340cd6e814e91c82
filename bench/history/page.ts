// Runs inside headless Chromium (bundled by harness.ts). Exposes the measurements on window.parleyBench.
import Dexie from 'dexie';
import { ParleyDb, setParleyDb, closeParleyDb } from '../../renderer/history/db/database';
import { importJson } from '../../renderer/history/transfer/formats/import-json';
import { ensureAllMaterialized } from '../../renderer/history/db/staging/materialize';
import { getConversation } from '../../renderer/history/db/conversations';
import { listMessages } from '../../renderer/history/db/messages';
import { getActivePath } from '../../renderer/history/db/branches';
import { searchMessages } from '../../renderer/history/db/search-index/query';
import { chunkBytes } from '../../renderer/history/db/search-index/codec';
import { makeCorpus, rng } from './corpus';

const corpus = makeCorpus();

/** A Parley export of `conversations` × `perConversation` messages with ~460-byte rows. */
function makeExport(conversations: number, perConversation: number, idPrefix: string) {
  const rand = rng(7);
  const convs = [];
  for (let c = 0; c < conversations; c++) {
    const messages = [];
    let prevUser: string | null = null;
    let userId = '';
    for (let i = 0; i < perConversation; i++) {
      const id = `${idPrefix}${c}_${i}`;
      const t = 1_700_000_000_000 + c * 10_000_000 + i * 1000;
      if (i % 2 === 0) {
        messages.push({ id, seq: i + 1, parentId: prevUser, columnId: null, role: 'user', content: corpus.text(120 + Math.floor(rand() * 120)), status: 'done', createdAt: t, updatedAt: t });
        prevUser = id;
        userId = id;
      } else {
        messages.push({
          id, seq: i + 1, parentId: userId, columnId: 'col1', role: 'assistant', content: corpus.text(150 + Math.floor(rand() * 150)), status: 'done',
          model: { requested: 'openai/gpt-5', used: 'openai/gpt-5', provider: 'OpenAI', upstream: 'openrouter' },
          cost: { costMicros: 1234, costSource: 'upstream' }, finishReason: 'stop', createdAt: t, updatedAt: t,
        });
      }
    }
    convs.push({ id: `conv_${idPrefix}${c}`, title: `Conversation ${c}`, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, columns: [{ id: 'col1', model: 'openai/gpt-5', settings: {} }], messages });
  }
  return { format: 'parley-export', version: 1, conversations: convs };
}

function rowOf(i: number): Record<string, unknown> {
  return { id: `row_${i}`, conversationId: `conv_${i % 200}`, seq: i, role: i % 2 ? 'assistant' : 'user', status: 'done', createdAt: 1_700_000_000_000 + i, content: corpus.text(300) };
}

async function freshDb(name: string) {
  closeParleyDb();
  await Dexie.delete(name);
  const db = new ParleyDb(name);
  await db.open();
  return setParleyDb(db);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

const bench = {
  async baseline(n: number) {
    const name = `baseline-${Math.random()}`;
    const db = new Dexie(name);
    db.version(1).stores({ rows: 'id' });
    await db.open();
    const rows = Array.from({ length: n }, (_, i) => rowOf(i));
    const bytes = rows.reduce((s, r) => s + JSON.stringify(r).length, 0) / n;
    const t0 = performance.now();
    await db.table('rows').bulkPut(rows);
    const ms = performance.now() - t0;
    db.close();
    await Dexie.delete(name);
    return { ms, rowBytes: bytes };
  },

  async importBig(conversations: number, perConversation: number) {
    await freshDb('parley-bench');
    let textBytes = 0;
    const json = (() => {
      // the file object goes out of scope before the import, as it would when reading a File
      const file = makeExport(conversations, perConversation, 'm');
      const enc = new TextEncoder();
      for (const c of file.conversations) for (const m of c.messages) textBytes += enc.encode(m.content).length;
      return JSON.stringify(file);
    })();
    await new Promise((r) => setTimeout(r, 1000)); // let the page's garbage settle
    const t0 = performance.now();
    const report = await importJson(json, { background: false });
    const importMs = performance.now() - t0;
    const t1 = performance.now();
    await ensureAllMaterialized((await import('../../renderer/history/db/database')).getParleyDb());
    const expandMs = performance.now() - t1;
    return { importMs, expandMs, messages: report.messages, fileBytes: json.length, textBytes, timings: report.timings, indexedBy: report.indexedBy };
  },

  async indexSize() {
    const db = (await import('../../renderer/history/db/database')).getParleyDb();
    let logical = 0;
    let chunks = 0;
    await db.searchPostings.each((c) => {
      logical += chunkBytes(c);
      chunks++;
    });
    // the per-message part of the index: the `dn` field and its IndexedDB index entry (~key + primary key)
    const messages = await db.messages.count();
    const perMessage = messages * (8 + 8 + 24);
    // physical: rewrite the postings store and compare what Chromium reports
    let physical: number | null = null;
    if (navigator.storage?.estimate) {
      const all = await db.searchPostings.toArray();
      await db.searchPostings.clear();
      await new Promise((r) => setTimeout(r, 500));
      const before = (await navigator.storage.estimate()).usage ?? 0;
      await db.searchPostings.bulkPut(all);
      await new Promise((r) => setTimeout(r, 500));
      const after = (await navigator.storage.estimate()).usage ?? 0;
      physical = after - before;
    }
    return { logical: logical + perMessage, chunks, physical };
  },

  async search(queries: number) {
    const rand = rng(99);
    const times: number[] = [];
    let totalHits = 0;
    const sample: { q: string; hits: number; total: number; ms: number }[] = [];
    // words across the frequency range: common, mid and rare; one and two terms; prefixes
    const vocab = corpus.vocabulary;
    for (let i = 0; i < queries; i++) {
      const pick = () => vocab[Math.floor(Math.pow(rand(), 2.5) * 5000)]!;
      const kind = i % 4;
      const q = kind === 0 ? pick() : kind === 1 ? `${pick()} ${pick()}` : kind === 2 ? pick().slice(0, 4) : `${pick()} ${pick()} ${pick()}`;
      const t0 = performance.now();
      const res = await searchMessages(q, { limit: 20 });
      const ms = performance.now() - t0;
      times.push(ms);
      totalHits += res.hits.length;
      if (i < 8) sample.push({ q, hits: res.hits.length, total: res.total, ms: Math.round(ms * 10) / 10 });
    }
    return { p50: median(times), p95: pct(times, 0.95), max: Math.max(...times), totalHits, sample };
  },

  async openLatest(turnsPerConversation: number, repeats: number) {
    // a conversation of 10,000 messages (plus the 100k already stored), read cold: new connection each time
    const db = (await import('../../renderer/history/db/database')).getParleyDb();
    const file = makeExport(1, turnsPerConversation, 'big');
    await importJson(JSON.stringify(file), { background: false });
    await ensureAllMaterialized(db);
    const name = db.name;
    const latest: number[] = [];
    const path: number[] = [];
    for (let r = 0; r < repeats; r++) {
      closeParleyDb();
      const fresh = new ParleyDb(name);
      await fresh.open();
      setParleyDb(fresh);
      const t0 = performance.now();
      const conv = await getConversation('conv_big0');
      const rows = await listMessages('conv_big0', { limit: 50 });
      latest.push(performance.now() - t0);
      if (!conv || rows.length !== 50 || rows[49]!.seq !== turnsPerConversation) throw new Error('wrong window');
      const t1 = performance.now();
      const p = await getActivePath('conv_big0', { maxTurns: 25 });
      path.push(performance.now() - t1);
      if (p.turns.length !== 25) throw new Error('wrong path');
    }
    return { firstMs: latest[0]!, medianMs: median(latest), pathFirstMs: path[0]!, pathMedianMs: median(path) };
  },
};

(window as unknown as { parleyBench: typeof bench }).parleyBench = bench;
