import Dexie, { type Table } from 'dexie';
import type { MetaRow } from '../types';
import { decodeChunk, encodeChunk, findTerm, lengthToByte, visitList, type FlatPostings, type PostingChunk } from './codec';
import { buildBulkIndex, type BulkIndex } from './bulk-build';
import { bucketOf, termFrequencies } from './tokenize';

// Keeps the persisted inverted index in step with message writes. Always called inside the caller's Dexie
// transaction, so a message and its index entries are written (or rolled back) together.

export interface SearchTables {
  searchPostings: Table<PostingChunk, [string, number]>;
  meta: Table<MetaRow, string>;
}

export interface SearchDoc {
  dn: number;
  text: string;
}

export interface SearchMeta {
  nextDn: number;
  nextChunk: number;
  docCount: number;
  totalLen: number;
}

const META_KEY = 'search';
/** the mutable tail of a bucket is sealed into a numbered chunk once it grows past this */
export const TAIL_MAX_BYTES = 4096;

export async function readSearchMeta(tables: Pick<SearchTables, 'meta'>): Promise<SearchMeta> {
  const row = await tables.meta.get(META_KEY);
  const v = (row?.value ?? {}) as Partial<SearchMeta>;
  return { nextDn: v.nextDn ?? 1, nextChunk: v.nextChunk ?? 1, docCount: v.docCount ?? 0, totalLen: v.totalLen ?? 0 };
}

async function writeMeta(tables: SearchTables, meta: SearchMeta) {
  await tables.meta.put({ key: META_KEY, value: meta });
}

/** Hands out `count` consecutive document numbers; returns the first. */
export async function reserveDocNumbers(tables: SearchTables, count: number): Promise<number> {
  const meta = await readSearchMeta(tables);
  const first = meta.nextDn;
  meta.nextDn += count;
  await writeMeta(tables, meta);
  return first;
}

const bucketRange = (b: string) => [[b, Dexie.minKey], [b, Dexie.maxKey]] as const;

/** Incremental indexing (a few documents): appends to each bucket's small tail chunk. */
export async function addDocs(tables: SearchTables, docs: SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const meta = await readSearchMeta(tables);
  const byBucket = new Map<string, Map<string, FlatPostings>>();
  for (const doc of [...docs].sort((a, b) => a.dn - b.dn)) {
    const { terms, length } = termFrequencies(doc.text);
    const q = lengthToByte(length);
    meta.totalLen += length;
    meta.docCount += 1;
    meta.nextDn = Math.max(meta.nextDn, doc.dn + 1);
    for (const [term, tf] of terms) {
      const b = bucketOf(term);
      let lists = byBucket.get(b);
      if (!lists) byBucket.set(b, (lists = new Map()));
      const list = lists.get(term);
      if (list) list.push(doc.dn, tf, q);
      else lists.set(term, [doc.dn, tf, q]);
    }
  }
  const buckets = [...byBucket.keys()];
  const tails = await tables.searchPostings.bulkGet(buckets.map((b) => [b, 0] as [string, number]));
  const puts: PostingChunk[] = [];
  const deletes: [string, number][] = [];
  buckets.forEach((b, i) => {
    const merged = tails[i] ? decodeChunk(tails[i]!) : new Map<string, FlatPostings>();
    for (const [term, list] of byBucket.get(b)!) {
      const existing = merged.get(term);
      if (existing) existing.push(...list);
      else merged.set(term, list);
    }
    const tail = encodeChunk(b, 0, merged);
    if (tail.data.length > TAIL_MAX_BYTES) {
      puts.push({ ...tail, n: meta.nextChunk++ });
      if (tails[i]) deletes.push([b, 0]);
    } else puts.push(tail);
  });
  if (deletes.length) await tables.searchPostings.bulkDelete(deletes);
  await tables.searchPostings.bulkPut(puts);
  await writeMeta(tables, meta);
}

/**
 * Bulk indexing (imports, migrations): builds every list in memory and writes each bucket as a few large sealed
 * chunks, without reading what is already stored. `docs` must carry document numbers not yet in the index.
 */
export async function bulkIndexDocs(tables: SearchTables, docs: SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  await writeBulkIndex(tables, buildBulkIndex(docs));
}

/** Writes a built bulk index inside the caller's transaction: numbers its chunks and updates the counters. */
export async function writeBulkIndex(tables: SearchTables, built: BulkIndex): Promise<void> {
  const meta = await readSearchMeta(tables);
  for (const chunk of built.chunks) chunk.n = meta.nextChunk++;
  meta.docCount += built.docCount;
  meta.totalLen += built.totalLen;
  meta.nextDn = Math.max(meta.nextDn, built.maxDn + 1);
  if (built.chunks.length) await tables.searchPostings.bulkPut(built.chunks);
  await writeMeta(tables, meta);
}

/** Removes documents from the index for real (their terms are recomputed from the same text that was indexed). */
export async function removeDocs(tables: SearchTables, docs: SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const meta = await readSearchMeta(tables);
  const gone = new Set<number>();
  const termsByBucket = new Map<string, Set<string>>();
  for (const doc of docs) {
    gone.add(doc.dn);
    const { terms, length } = termFrequencies(doc.text);
    meta.totalLen = Math.max(0, meta.totalLen - length);
    meta.docCount = Math.max(0, meta.docCount - 1);
    for (const term of terms.keys()) {
      const b = bucketOf(term);
      let set = termsByBucket.get(b);
      if (!set) termsByBucket.set(b, (set = new Set()));
      set.add(term);
    }
  }
  const puts: PostingChunk[] = [];
  const deletes: [string, number][] = [];
  for (const [b, terms] of termsByBucket) {
    const [lo, hi] = bucketRange(b);
    const chunks = await tables.searchPostings.where('[b+n]').between(lo, hi, true, true).toArray();
    for (const chunk of chunks) {
      let changed = false;
      const lists = new Map<string, FlatPostings>();
      chunk.terms.forEach((term, i) => {
        const all: FlatPostings = [];
        let dropped = false;
        visitList(chunk.data, chunk.offs[i]!, chunk.offs[i + 1]!, (dn, tf, q) => {
          if (terms.has(term) && gone.has(dn)) dropped = true;
          else all.push(dn, tf, q);
        });
        if (dropped) changed = true;
        lists.set(term, all);
      });
      if (!changed) continue;
      const next = encodeChunk(b, chunk.n, lists);
      if (next.terms.length === 0) deletes.push([b, chunk.n]);
      else puts.push(next);
    }
  }
  if (deletes.length) await tables.searchPostings.bulkDelete(deletes);
  if (puts.length) await tables.searchPostings.bulkPut(puts);
  await writeMeta(tables, meta);
}

/** Drops the whole index (before a rebuild). */
export async function clearIndex(tables: SearchTables): Promise<void> {
  const meta = await readSearchMeta(tables);
  await tables.searchPostings.clear();
  await writeMeta(tables, { nextDn: meta.nextDn, nextChunk: 1, docCount: 0, totalLen: 0 });
}

export { findTerm, buildBulkIndex, type BulkIndex };
