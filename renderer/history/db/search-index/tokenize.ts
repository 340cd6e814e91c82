// Search tokenisation, shared by indexing and querying so both agree on every term.
// - words are runs of letters, digits and combining marks (any script); lowercased, NFKD-folded without
//   diacritics ("Café" → "cafe");
// - Han, kana and other scripts written without spaces become overlapping character bigrams ("東京大学" → 東京,
//   京大, 大学), so a query matches any substring of two or more characters;
// - terms shorter than 2 characters (except lone CJK characters) are dropped; longer than MAX_TERM are cut;
// - a run of MAX_RUN or more characters without whitespace (base64, minified code) holds no words: it is skipped,
//   so a 1 MB blob in an answer costs one pass instead of tens of thousands of junk terms.

export const MAX_TERM = 48;
export const MAX_RUN = 20_000;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11;

export interface Token {
  term: string;
  start: number; // UTF-16 offsets into the source text
  end: number;
}

const WORD = 1;
const OTHER = 2;
const CJK = 3;
const charClass = new Uint8Array(65536); // 0 = not yet classified
const wordRe = /[\p{L}\p{N}\p{M}]/u;
const cjkRe = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

for (let c = 0; c < 128; c++) {
  const digit = c >= 48 && c <= 57;
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  charClass[c] = digit || upper || lower ? WORD : OTHER;
}

function classify(ch: string): number {
  if (cjkRe.test(ch)) return CJK;
  return wordRe.test(ch) ? WORD : OTHER;
}

function classAt(text: string, i: number): { cls: number; width: number } {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { cls: classify(text.slice(i, i + 2)), width: 2 };
  }
  let cls = charClass[c]!;
  if (cls === 0) charClass[c] = cls = classify(text[i]!);
  return { cls, width: 1 };
}

function normalizeWord(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) { ascii = false; break; }
  const folded = ascii ? word.toLowerCase() : word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.length > MAX_TERM ? folded.slice(0, MAX_TERM) : folded;
}

/** Calls `emit(term, start, end)` for every term of `text`, in order. */
export function forEachTerm(text: string, emit: (term: string, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  let runEnd = 0; // end of the whitespace-free run last measured
  while (i < n) {
    const c = text.charCodeAt(i);
    if (i >= runEnd && !isSpace(c)) {
      let j = i + 1;
      while (j < n && !isSpace(text.charCodeAt(j))) j++;
      if (j - i >= MAX_RUN) {
        i = j;
        continue;
      }
      runEnd = j;
    }
    // fast path for ASCII separators and words
    if (c < 128) {
      if (charClass[c] !== WORD) { i++; continue; }
      let j = i + 1;
      let upper = c >= 65 && c <= 90;
      let ascii = true;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128) {
          if (charClass[d] !== WORD) break;
          if (d >= 65 && d <= 90) upper = true;
          j++;
          continue;
        }
        const k = classAt(text, j);
        if (k.cls !== WORD) break;
        ascii = false;
        j += k.width;
      }
      if (j - i >= 2) {
        // most words are plain lowercase ASCII: no normalisation needed
        const word = text.slice(i, j);
        let term = ascii ? (upper ? word.toLowerCase() : word) : normalizeWord(word);
        if (term.length > MAX_TERM) term = term.slice(0, MAX_TERM);
        emit(term, i, j);
      }
      i = j;
      continue;
    }
    const { cls, width } = classAt(text, i);
    if (cls === OTHER) { i += width; continue; }
    if (cls === WORD) {
      let j = i + width;
      while (j < n) {
        const k = classAt(text, j);
        if (k.cls !== WORD) break;
        j += k.width;
      }
      const term = normalizeWord(text.slice(i, j));
      if (term.length >= 2) emit(term, i, j);
      i = j;
      continue;
    }
    // CJK run: bigrams over code points
    const starts: number[] = [];
    let j = i;
    while (j < n) {
      const k = classAt(text, j);
      if (k.cls !== CJK) break;
      starts.push(j);
      j += k.width;
    }
    starts.push(j);
    if (starts.length === 2) emit(text.slice(i, j), i, j);
    else for (let s = 0; s + 2 < starts.length; s++) emit(text.slice(starts[s], starts[s + 2]), starts[s]!, starts[s + 2]!);
    i = j;
  }
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  forEachTerm(text, (term, start, end) => out.push({ term, start, end }));
  return out;
}

/** term → frequency, and the document length in terms (for BM25). */
export function termFrequencies(text: string): { terms: Map<string, number>; length: number } {
  const terms = new Map<string, number>();
  let length = 0;
  forEachTerm(text, (term) => {
    length++;
    terms.set(term, (terms.get(term) ?? 0) + 1);
  });
  return { terms, length };
}

/** The postings bucket a term lives in: its first three UTF-16 units (not splitting a surrogate pair). */
export function bucketOf(term: string): string {
  if (term.length <= 3) return term;
  const c = term.charCodeAt(2);
  return c >= 0xd800 && c <= 0xdbff ? term.slice(0, 4) : term.slice(0, 3);
}

/** Shortest prefix that may be expanded to longer terms (shorter ones match exactly). */
export const MIN_PREFIX = 3;
