import Dexie from 'dexie';
import { getParleyDb, type ParleyDb } from '../database';
import { materializeDocNumbers } from '../staging/materialize';
import type { MessageRole, MessageRow } from '../types';
import { BYTE_TO_LENGTH, findTerm, visitList, type PostingChunk } from './codec';
import { makeSnippet, type Snippet } from './snippet';
import { bucketOf, MIN_PREFIX, tokenize } from './tokenize';
import { readSearchMeta } from './writer';

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
  snippet: Snippet;
}

export interface SearchResult {
  hits: SearchHit[];
  /** documents matching every term (before conversation/role filters) */
  total: number;
  /** the terms looked up, after tokenisation and prefix expansion */
  terms: string[];
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

/** One query term's matching postings: dn → summed BM25 contribution; plus the concrete terms matched. */
async function scoreGroup(
  db: ParleyDb,
  token: string,
  asPrefix: boolean,
  ctx: { n: number; avgdl: number; cache: Map<string, PostingChunk[]> },
): Promise<{ scores: Map<number, number>; terms: Set<string> }> {
  const isCjkChar = token.length <= 2 && /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(token);
  const chunks = asPrefix && isCjkChar ? await cjkPrefixChunks(db, token) : await chunksOf(db, bucketOf(token), ctx.cache);
  const prefix = asPrefix && (token.length >= MIN_PREFIX || isCjkChar);
  // gather lists per concrete term (df needs every chunk's count)
  const lists = new Map<string, { chunk: PostingChunk; i: number }[]>();
  for (const chunk of chunks) {
    if (prefix) {
      chunk.terms.forEach((t, i) => {
        if (t.startsWith(token)) {
          const l = lists.get(t);
          if (l) l.push({ chunk, i });
          else lists.set(t, [{ chunk, i }]);
        }
      });
    } else {
      const i = findTerm(chunk, token);
      if (i >= 0) {
        const l = lists.get(token);
        if (l) l.push({ chunk, i });
        else lists.set(token, [{ chunk, i }]);
      }
    }
  }
  const scores = new Map<number, number>();
  const norm = new Float64Array(256);
  for (let q = 0; q < 256; q++) norm[q] = K1 * (1 - B + (B * BYTE_TO_LENGTH[q]!) / ctx.avgdl);
  for (const [term, parts] of lists) {
    let df = 0;
    const postings: number[] = [];
    for (const { chunk, i } of parts) {
      visitList(chunk.data, chunk.offs[i]!, chunk.offs[i + 1]!, (dn, tf, q) => {
        postings.push(dn, tf, q);
        df++;
      });
    }
    // an exact match weighs more than a prefix expansion
    const weight = term === token ? 1 : 0.7;
    const idf = Math.log(1 + (ctx.n - df + 0.5) / (df + 0.5)) * weight;
    for (let k = 0; k < postings.length; k += 3) {
      const tf = postings[k + 1]!;
      const s = (idf * tf * (K1 + 1)) / (tf + norm[postings[k + 2]!]!);
      const dn = postings[k]!;
      const prev = scores.get(dn);
      // a document matching several expansions of one term counts its best one
      if (prev === undefined || s > prev) scores.set(dn, s);
    }
  }
  return { scores, terms: new Set(lists.keys()) };
}

async function rowsByDocNumber(db: ParleyDb, dns: number[]): Promise<Map<number, MessageRow>> {
  const out = new Map<number, MessageRow>();
  if (dns.length === 0) return out;
  const load = async (want: number[]) => {
    for (const m of await db.messages.where('dn').anyOf(want).toArray()) out.set(m.dn!, m);
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
  const ctx = { n: Math.max(1, meta.docCount), avgdl: Math.max(1, meta.totalLen / Math.max(1, meta.docCount)), cache: new Map<string, PostingChunk[]>() };
  const usePrefix = opts.prefix !== false && !trailingSpace;
  const scored = await Promise.all(groups.map((g, i) => scoreGroup(db, g, usePrefix && i === groups.length - 1, ctx)));
  scored.sort((a, b) => a.scores.size - b.scores.size);
  let combined = scored[0]!.scores;
  for (let i = 1; i < scored.length && combined.size > 0; i++) {
    const next = new Map<number, number>();
    const other = scored[i]!.scores;
    for (const [dn, s] of combined) {
      const o = other.get(dn);
      if (o !== undefined) next.set(dn, s + o);
    }
    combined = next;
  }
  const matchedTerms = new Set<string>();
  for (const g of scored) for (const t of g.terms) matchedTerms.add(t);
  const ranked = [...combined.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const hits: SearchHit[] = [];
  const titles = new Map<string, string | null>();
  const batch = Math.max(limit * 2, 40);
  for (let start = 0; start < ranked.length && hits.length < limit; start += batch) {
    const slice = ranked.slice(start, start + batch);
    const rows = await rowsByDocNumber(db, slice.map(([dn]) => dn));
    for (const [dn, score] of slice) {
      const m = rows.get(dn);
      if (!m) continue; // index entry of a message being deleted
      if (opts.conversationId && m.conversationId !== opts.conversationId) continue;
      if (opts.role && m.role !== opts.role) continue;
      if (!titles.has(m.conversationId)) {
        const conv = await db.conversations.get(m.conversationId);
        titles.set(m.conversationId, conv && conv.deletedAt === undefined ? conv.title : null);
      }
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
        snippet: makeSnippet(m.content, (t) => matchedTerms.has(t), opts.snippetChars),
      });
      if (hits.length >= limit) break;
    }
  }
  return { hits, total: combined.size, terms: [...matchedTerms] };
}
