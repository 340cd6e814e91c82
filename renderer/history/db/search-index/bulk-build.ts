import { chunkFromEncoded, lengthToByte, type PostingChunk } from './codec';
import { bucketOf, forEachTerm } from './tokenize';
import { searchableText } from './searchable-text';

// Bulk index construction (imports, migrations): pure CPU work with no database access, so it can also run in a
// worker (index-worker.ts) while the main thread validates and stores the import.

export interface SearchDocText {
  dn: number;
  text: string;
}

/** bulk indexing packs a bucket's lists into chunks of about this size */
export const BULK_CHUNK_BYTES = 128 * 1024;

export interface BulkIndex {
  chunks: PostingChunk[]; // chunk numbers are assigned by writeBulkIndex
  docCount: number;
  totalLen: number;
  maxDn: number;
}

function put(a: TermAcc, v: number) {
  if (a.len + 8 > a.bytes.length) {
    const next = new Uint8Array(a.bytes.length * 2 + 8);
    next.set(a.bytes.subarray(0, a.len));
    a.bytes = next;
  }
  while (v >= 0x80) {
    a.bytes[a.len++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  a.bytes[a.len++] = v;
}

interface TermAcc {
  bytes: Uint8Array;
  len: number;
  prev: number; // last document number written (delta base)
  tf: number; // occurrences in the document being read
}

/** The CPU-heavy part of bulk indexing, done before any transaction opens. */
export function buildBulkIndex(docs: SearchDocText[]): BulkIndex {
  const lists = new Map<string, TermAcc>();
  const sorted = docs.every((d, i) => i === 0 || d.dn > docs[i - 1]!.dn) ? docs : [...docs].sort((a, b) => a.dn - b.dn);
  let totalLen = 0;
  let maxDn = 0;
  const touched: TermAcc[] = [];
  let length = 0;
  const onTerm = (term: string) => {
    length++;
    let a = lists.get(term);
    if (!a) lists.set(term, (a = { bytes: new Uint8Array(8), len: 0, prev: 0, tf: 0 }));
    if (a.tf++ === 0) touched.push(a);
  };
  for (const doc of sorted) {
    length = 0;
    touched.length = 0;
    forEachTerm(doc.text, onTerm);
    const q = lengthToByte(length);
    totalLen += length;
    maxDn = Math.max(maxDn, doc.dn);
    for (const a of touched) {
      put(a, doc.dn - a.prev);
      a.prev = doc.dn;
      put(a, a.tf);
      put(a, q);
      a.tf = 0;
    }
  }
  const byBucket = new Map<string, string[]>();
  for (const term of lists.keys()) {
    const b = bucketOf(term);
    const terms = byBucket.get(b);
    if (terms) terms.push(term);
    else byBucket.set(b, [term]);
  }
  const chunks: PostingChunk[] = [];
  for (const [b, terms] of byBucket) {
    terms.sort();
    let batch: [string, Uint8Array][] = [];
    let size = 0;
    for (const term of terms) {
      const acc = lists.get(term)!;
      const bytes = acc.bytes.subarray(0, acc.len);
      if (size > 0 && size + bytes.length > BULK_CHUNK_BYTES) {
        chunks.push(chunkFromEncoded(b, 0, batch));
        batch = [];
        size = 0;
      }
      batch.push([term, bytes]);
      size += bytes.length;
    }
    if (batch.length) chunks.push(chunkFromEncoded(b, 0, batch));
  }
  return { chunks, docCount: sorted.length, totalLen, maxDn };
}


/**
 * The documents a Parley export file will be indexed as, numbered from `firstDn` in the order the import writes
 * them (conversations in file order, each conversation's messages by seq). Null when the value is not a
 * well-formed export; the import then indexes from its validated rows instead.
 */
export function docsOfExport(raw: unknown, firstDn: number): SearchDocText[] | null {
  const file = raw as { format?: unknown; conversations?: unknown } | null;
  if (!file || typeof file !== 'object' || file.format !== 'parley-export' || !Array.isArray(file.conversations)) return null;
  const docs: SearchDocText[] = [];
  let dn = firstDn;
  for (const c of file.conversations as unknown[]) {
    const messages = (c as { messages?: unknown } | null)?.messages;
    if (!Array.isArray(messages)) return null;
    for (const m of messages) {
      const msg = m as { seq?: unknown; content?: unknown } | null;
      if (!msg || typeof msg.seq !== 'number' || typeof msg.content !== 'string') return null;
    }
    const bySeq = [...(messages as { seq: number; content: string; reasoning?: unknown; sources?: unknown; toolSteps?: unknown }[])].sort((a, b) => a.seq - b.seq);
    for (const m of bySeq) docs.push({ dn: dn++, text: searchableText({ content: m.content, reasoning: typeof m.reasoning === 'string' ? m.reasoning : undefined, sources: m.sources, toolSteps: m.toolSteps }) });
  }
  return docs;
}
