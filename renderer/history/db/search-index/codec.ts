// Compact postings. A list is a sequence of (docNo delta, term frequency, length byte) triples: two varints and
// one byte, usually 3 bytes per posting. A chunk row holds the lists of many terms of one bucket:
//   { b: bucket, n: chunk number (0 = the mutable tail), terms: sorted terms, offs: byte offsets, data: bytes }

export interface PostingChunk {
  b: string;
  n: number;
  terms: string[];
  offs: Uint32Array; // terms.length + 1 offsets into data
  data: Uint8Array;
}

/** Postings as a flat array: [dn, tf, q, dn, tf, q, …] with dn ascending. */
export type FlatPostings = number[];

// Length norm: a byte on a log scale (≈ 4.4% steps), like Lucene's norms.
export function lengthToByte(len: number): number {
  return Math.min(255, Math.round(16 * Math.log2(1 + len)));
}
export const BYTE_TO_LENGTH: Float64Array = (() => {
  const t = new Float64Array(256);
  for (let q = 0; q < 256; q++) t[q] = Math.pow(2, q / 16) - 1;
  return t;
})();

export class ByteWriter {
  buf: Uint8Array;
  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
  }
  len = 0;
  private grow(extra: number) {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  varint(v: number) {
    this.grow(8);
    while (v >= 0x80) {
      this.buf[this.len++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }
  byte(v: number) {
    this.grow(1);
    this.buf[this.len++] = v;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export function writeList(w: ByteWriter, flat: FlatPostings) {
  let prev = 0;
  for (let i = 0; i < flat.length; i += 3) {
    w.varint(flat[i]! - prev);
    prev = flat[i]!;
    w.varint(flat[i + 1]!);
    w.byte(flat[i + 2]!);
  }
}

/** Decodes data[start, end) calling visit(dn, tf, q) for each posting. */
export function visitList(data: Uint8Array, start: number, end: number, visit: (dn: number, tf: number, q: number) => void): void {
  let p = start;
  let dn = 0;
  while (p < end) {
    let v = 0;
    let mul = 1;
    let b: number;
    do { b = data[p++]!; v += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
    dn += v;
    let tf = 0;
    mul = 1;
    do { b = data[p++]!; tf += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
    visit(dn, tf, data[p++]!);
  }
}

export function decodeList(data: Uint8Array, start: number, end: number): FlatPostings {
  const out: FlatPostings = [];
  visitList(data, start, end, (dn, tf, q) => out.push(dn, tf, q));
  return out;
}

function ascending(flat: FlatPostings): FlatPostings {
  for (let i = 3; i < flat.length; i += 3) {
    if (flat[i]! <= flat[i - 3]!) {
      const triples: number[][] = [];
      for (let j = 0; j < flat.length; j += 3) triples.push([flat[j]!, flat[j + 1]!, flat[j + 2]!]);
      triples.sort((a, b) => a[0]! - b[0]!);
      const out: FlatPostings = [];
      for (const t of triples) if (out.length === 0 || out[out.length - 3] !== t[0]) out.push(t[0]!, t[1]!, t[2]!);
      return out;
    }
  }
  return flat;
}

export function encodeChunk(b: string, n: number, lists: Map<string, FlatPostings>): PostingChunk {
  const terms = [...lists.keys()].filter((t) => lists.get(t)!.length > 0).sort();
  const offs = new Uint32Array(terms.length + 1);
  const w = new ByteWriter();
  terms.forEach((t, i) => {
    offs[i] = w.len;
    writeList(w, ascending(lists.get(t)!));
  });
  offs[terms.length] = w.len;
  return { b, n, terms, offs, data: w.result() };
}

export function decodeChunk(chunk: PostingChunk): Map<string, FlatPostings> {
  const out = new Map<string, FlatPostings>();
  chunk.terms.forEach((t, i) => out.set(t, decodeList(chunk.data, chunk.offs[i]!, chunk.offs[i + 1]!)));
  return out;
}

/** Index of `term` in the chunk's sorted term list, or -1. */
export function findTerm(chunk: PostingChunk, term: string): number {
  let lo = 0;
  let hi = chunk.terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = chunk.terms[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function chunkBytes(chunk: PostingChunk): number {
  let termBytes = 0;
  for (const t of chunk.terms) termBytes += t.length * 2;
  return chunk.data.byteLength + chunk.offs.byteLength + termBytes + chunk.b.length * 2 + 8;
}

/** Builds a chunk from already-encoded lists (bulk indexing); `lists` must be sorted by term. */
export function chunkFromEncoded(b: string, n: number, lists: [string, Uint8Array][]): PostingChunk {
  const offs = new Uint32Array(lists.length + 1);
  let total = 0;
  lists.forEach(([, bytes], i) => {
    offs[i] = total;
    total += bytes.length;
  });
  offs[lists.length] = total;
  const data = new Uint8Array(total);
  lists.forEach(([, bytes], i) => data.set(bytes, offs[i]!));
  return { b, n, terms: lists.map(([t]) => t), offs, data };
}
