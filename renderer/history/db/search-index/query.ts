import Dexie from 'dexie';
import { getParleyDb, type ParleyDb } from '../database';
import { materializeDocNumbers } from '../staging/materialize';
import type { MessageRole, MessageRow } from '../types';
import { BYTE_TO_LENGTH, findTerm, visitList, type PostingChunk } from './codec';
import { makeSnippet, type Snippet } from './snippet';
import { bucketOf, MIN_PREFIX, tokenize } from './tokenize';
import { readSearchMeta } from './writer';
import { markdownToPlainText } from './plain-text';

// Full-text search: every query term must match (the last one also as a prefix, for search-as-you-type);
// results are ranked by BM25. Reads only the postings buckets of the query's terms and the rows of the hits
// shown, never every message.

export interface SearchOptions {
  limit?: number; // default 20
  conversationId?: string;
  role?: MessageRole;
  /** treat the last query term as a prefix (default true) */
  prefix?: boolean;
  snippetChars?: number;
}

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  messageId: string;
  seq: number; // for jump-to-message: listMessages(conversationId, { beforeSeq: seq + k })
  role: MessageRole;
  columnId: string | null;
  createdAt: number;
  score: number;
  /** the answering model (an answer), as used or else as requested */
  model: string | null;
  /** where the snippet comes from: the message text, or (when only it matched) the answer's reasoning */
  field: 'content' | 'reasoning';
  /** plain text (markdown, math and table marks removed), highlights on the matched words */
  snippet: Snippet;
}

export interface SearchResult {
  hits: SearchHit[];
  /** documents matching every term (before conversation/role filters) */
  total: number;
  /** the terms looked up, after tokenisation and prefix expansion */
  terms: string[];
}

/** The snippet from the text when a term matched there, otherwise from the reasoning. */
function snippetOf(m: MessageRow, matches: (term: string) => boolean, chars?: number): Pick<SearchHit, 'field' | 'snippet'> {
  const text = makeSnippet(markdownToPlainText(m.content), matches, chars);
  if (text.highlights.length || !m.reasoning) return { field: 'content', snippet: text };
  const reasoning = makeSnippet(markdownToPlainText(m.reasoning), matches, chars);
  return reasoning.highlights.length ? { field: 'reasoning', snippet: reasoning } : { field: 'content', snippet: text };
}

const K1 = 1.2;
const B = 0.75;

async function chunksOf(db: ParleyDb, bucket: string, cache: Map<string, PostingChunk[]>): Promise<PostingChunk[]> {
  let chunks = cache.get(bucket);
  if (!chunks) {
    chunks = await db.searchPostings.where('[b+n]').between([bucket, Dexie.minKey], [bucket, Dexie.maxKey], true, true).toArray();
    cache.set(bucket, chunks);
  }
  return chunks;
}

async function cjkPrefixChunks(db: ParleyDb, ch: string): Promise<PostingChunk[]> {
  return db.searchPostings.where('[b+n]').between([ch, Dexie.minKey], [`${ch}\uffff`, Dexie.maxKey], true, true).toArray();
}

interface Scratch {
  total: Float64Array; // summed score per document number
  count: Uint8Array; // query terms matched per document number
  best: Float64Array; // this term's best score per document number (prefix expansions)
}

/**
 * Scores one query term (with its prefix expansions) into the dense per-document arrays; returns the documents
 * it matched and the concrete terms found.
 */
async function scoreGroup(
  db: ParleyDb,
  token: string,
  asPrefix: boolean,
  ctx: { cache: Map<string, PostingChunk[]> },
): Promise<{ lists: Map<string, { chunk: PostingChunk; i: number }[]> }> {
  const isCjkChar = token.length <= 2 && /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(token);
  const chunks = asPrefix && isCjkChar ? await cjkPrefixChunks(db, token) : await chunksOf(db, bucketOf(token), ctx.cache);
  const prefix = asPrefix && (token.length >= MIN_PREFIX || isCjkChar);
  const lists = new Map<string, { chunk: PostingChunk; i: number }[]>();
  const add = (t: string, chunk: PostingChunk, i: number) => {
    const l = lists.get(t);
    if (l) l.push({ chunk, i });
    else lists.set(t, [{ chunk, i }]);
  };
  for (const chunk of chunks) {
    if (prefix) {
      chunk.terms.forEach((t, i) => {
        if (t.startsWith(token)) add(t, chunk, i);
      });
    } else {
      const i = findTerm(chunk, token);
      if (i >= 0) add(token, chunk, i);
    }
  }
  return { lists };
}

function applyGroup(
  token: string,
  lists: Map<string, { chunk: PostingChunk; i: number }[]>,
  scratch: Scratch,
  ctx: { n: number; norm: Float64Array },
): number[] {
  const matched: number[] = [];
  const { best } = scratch;
  const postings: number[] = [];
  for (const [term, parts] of lists) {
    postings.length = 0;
    for (const { chunk, i } of parts) visitList(chunk.data, chunk.offs[i]!, chunk.offs[i + 1]!, (dn, tf, q) => void postings.push(dn, tf, q));
    const df = postings.length / 3;
    const weight = term === token ? 1 : 0.7; // an exact match weighs more than a prefix expansion
    const n = Math.max(ctx.n, df);
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * weight;
    for (let k = 0; k < postings.length; k += 3) {
      const dn = postings[k]!;
      if (dn >= best.length) continue;
      const tf = postings[k + 1]!;
      const s = (idf * tf * (K1 + 1)) / (tf + ctx.norm[postings[k + 2]!]!);
      const prev = best[dn]!;
      if (prev === 0) matched.push(dn);
      if (s > prev) best[dn] = s; // a document matching several expansions of one term counts its best one
    }
  }
  for (const dn of matched) {
    scratch.total[dn] += best[dn]!;
    scratch.count[dn]! += 1;
    best[dn] = 0;
  }
  return matched;
}

/** The k best (dn, score) pairs, best first (ties: lower dn first). */
function topK(candidates: number[], scores: Float64Array, k: number): [number, number][] {
  if (candidates.length <= k * 4) {
    return candidates.map((dn) => [dn, scores[dn]!] as [number, number]).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
  }
  // min-heap of size k
  const heap: [number, number][] = [];
  const worse = (a: [number, number], b: [number, number]) => a[1] < b[1] || (a[1] === b[1] && a[0] > b[0]);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const dn of candidates) {
    const e: [number, number] = [dn, scores[dn]!];
    if (heap.length < k) {
      heap.push(e);
      up(heap.length - 1);
    } else if (worse(heap[0]!, e)) {
      heap[0] = e;
      down(0);
    }
  }
  return heap.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

async function rowsByDocNumber(db: ParleyDb, dns: number[]): Promise<Map<number, MessageRow>> {
  const out = new Map<number, MessageRow>();
  if (dns.length === 0) return out;
  // parallel point reads pipeline in one transaction (a cursor over anyOf() pays a round trip per key)
  const load = async (want: number[]) => {
    const rows = await db.transaction('r', db.messages, () => Promise.all(want.map((dn) => db.messages.where('dn').equals(dn).first())));
    for (const m of rows) if (m) out.set(m.dn!, m);
  };
  await load(dns);
  const missing = dns.filter((d) => !out.has(d));
  if (missing.length && (await materializeDocNumbers(db, missing))) await load(missing);
  return out;
}

export async function searchMessages(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const db = getParleyDb();
  const limit = opts.limit ?? 20;
  const tokens = tokenize(query);
  const trailingSpace = /\s$/.test(query);
  const groups = [...new Map(tokens.map((t) => [t.term, t])).keys()];
  if (groups.length === 0) {
    // a lone CJK character or a 1-letter query still deserves prefix lookup
    const single = query.trim().toLowerCase();
    if (single && [...single].length === 1 && /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(single)) groups.push(single);
    else return { hits: [], total: 0, terms: [] };
  }
  const meta = await readSearchMeta({ meta: db.meta });
  const avgdl = Math.max(1, meta.totalLen / Math.max(1, meta.docCount));
  const norm = new Float64Array(256);
  for (let q = 0; q < 256; q++) norm[q] = K1 * (1 - B + (B * BYTE_TO_LENGTH[q]!) / avgdl);
  const ctx = { n: Math.max(1, meta.docCount), avgdl, norm, cache: new Map<string, PostingChunk[]>() };
  const usePrefix = opts.prefix !== false && !trailingSpace;
  const found = await Promise.all(groups.map((g, i) => scoreGroup(db, g, usePrefix && i === groups.length - 1, ctx)));
  const size = meta.nextDn + 1;
  const scratch: Scratch = { total: new Float64Array(size), count: new Uint8Array(size), best: new Float64Array(size) };
  let smallest: number[] | null = null;
  const matchedTerms = new Set<string>();
  for (let i = 0; i < groups.length; i++) {
    const matched = applyGroup(groups[i]!, found[i]!.lists, scratch, ctx);
    for (const t of found[i]!.lists.keys()) matchedTerms.add(t);
    if (!smallest || matched.length < smallest.length) smallest = matched;
  }
  const all = groups.length;
  const candidates = (smallest ?? []).filter((dn) => scratch.count[dn] === all);
  const hits: SearchHit[] = [];
  const titles = new Map<string, string | null>();
  let want = limit + 5;
  let offset = 0;
  while (hits.length < limit && offset < candidates.length) {
    const ranked = topK(candidates, scratch.total, Math.min(candidates.length, offset + want)).slice(offset);
    offset += ranked.length;
    want *= 4; // filters dropped some: look further down the ranking
    const rows = await rowsByDocNumber(db, ranked.map(([dn]) => dn));
    const convIds = [...new Set([...rows.values()].map((m) => m.conversationId))].filter((id) => !titles.has(id));
    const convs = await db.conversations.bulkGet(convIds);
    convIds.forEach((id, i) => titles.set(id, convs[i] && convs[i]!.deletedAt === undefined ? convs[i]!.title : null));
    for (const [dn, score] of ranked) {
      const m = rows.get(dn);
      if (!m) continue; // index entry of a message being deleted
      if (opts.conversationId && m.conversationId !== opts.conversationId) continue;
      if (opts.role && m.role !== opts.role) continue;
      const title = titles.get(m.conversationId);
      if (title === null || title === undefined) continue; // deleted (pending undo) or gone
      hits.push({
        conversationId: m.conversationId,
        conversationTitle: title,
        messageId: m.id,
        seq: m.seq,
        role: m.role,
        columnId: m.columnId,
        createdAt: m.createdAt,
        score,
        model: m.role === 'assistant' ? (m.model?.used ?? m.model?.requested ?? null) : null,
        ...snippetOf(m, (t) => matchedTerms.has(t), opts.snippetChars),
      });
      if (hits.length >= limit) break;
    }
  }
  return { hits, total: candidates.length, terms: [...matchedTerms] };
}
