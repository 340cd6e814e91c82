import { tokenize } from './tokenize';

// A short excerpt around the best cluster of matched terms, with highlight ranges (offsets into `text`) rather
// than HTML, so the UI renders it without injecting markup.

export interface Snippet {
  text: string;
  highlights: [number, number][];
  /** text was cut at the start / end */
  before: boolean;
  after: boolean;
}

export function makeSnippet(source: string, matches: (term: string) => boolean, maxChars = 160): Snippet {
  const hits = tokenize(source).filter((t) => matches(t.term));
  if (hits.length === 0) {
    const text = source.slice(0, maxChars);
    return { text, highlights: [], before: false, after: source.length > maxChars };
  }
  // choose the window start that covers the most hits
  let best = 0;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j]!.end - hits[i]!.start <= maxChars) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = i;
    }
  }
  const first = hits[best]!;
  let start = Math.max(0, first.start - Math.floor(maxChars / 4));
  // don't start mid-word: move on to the next word start, keeping the context before the first hit
  if (start > 0 && !/\s/.test(source[start - 1]!)) {
    const space = source.indexOf(' ', start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  let end = Math.min(source.length, start + maxChars);
  if (end < source.length) {
    const space = source.lastIndexOf(' ', end);
    if (space > first.end) end = space;
  }
  const highlights: [number, number][] = [];
  for (const h of hits) {
    if (h.start >= start && h.end <= end) {
      const last = highlights[highlights.length - 1];
      if (last && h.start <= last[1]) last[1] = Math.max(last[1], h.end - start);
      else highlights.push([h.start - start, h.end - start]);
    }
  }
  return { text: source.slice(start, end), highlights, before: start > 0, after: end < source.length };
}

/** Splits a snippet into plain and highlighted parts, in order. */
export function snippetParts(s: Snippet): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let pos = 0;
  for (const [a, b] of s.highlights) {
    if (a > pos) parts.push({ text: s.text.slice(pos, a), hit: false });
    parts.push({ text: s.text.slice(a, b), hit: true });
    pos = b;
  }
  if (pos < s.text.length) parts.push({ text: s.text.slice(pos), hit: false });
  return parts;
}
