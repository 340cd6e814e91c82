// Deterministic synthetic chat text for the history benchmarks: a 20k-word vocabulary with a Zipf distribution
// (like natural language: a few very common words, a long tail of rare ones), so search sees realistic
// posting-list lengths.

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'bcdfghjklmnprstvwxyz';
const VOWELS = 'aeiou';

export interface Corpus {
  vocabulary: string[];
  word(): string;
  sentence(words: number): string;
  text(chars: number): string;
}

export function makeCorpus(seed = 42, size = 20_000): Corpus {
  const rand = rng(seed);
  const seen = new Set<string>();
  const common = ['the', 'and', 'to', 'of', 'a', 'in', 'is', 'it', 'you', 'that', 'for', 'with', 'this', 'on', 'be', 'are', 'model', 'answer', 'code', 'data'];
  const vocabulary: string[] = [];
  for (const w of common) {
    seen.add(w);
    vocabulary.push(w);
  }
  while (vocabulary.length < size) {
    // consonant-vowel syllables over the whole alphabet, so words spread over thousands of 3-letter prefixes
    const n = 1 + Math.floor(rand() * 4);
    let w = rand() < 0.2 ? VOWELS[Math.floor(rand() * 5)]! : '';
    for (let i = 0; i < n; i++) w += CONSONANTS[Math.floor(rand() * 20)]! + VOWELS[Math.floor(rand() * 5)]! + (rand() < 0.3 ? CONSONANTS[Math.floor(rand() * 20)]! : '');
    if (rand() < 0.03) w += String(Math.floor(rand() * 1000));
    if (!seen.has(w)) {
      seen.add(w);
      vocabulary.push(w);
    }
  }
  // Zipf CDF (s = 1.07)
  const cdf = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    total += 1 / Math.pow(i + 1, 1.07);
    cdf[i] = total;
  }
  const word = () => {
    const x = rand() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const sentence = (words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(word());
    const s = out.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const text = (chars: number) => {
    let s = '';
    while (s.length < chars) s += (s ? ' ' : '') + sentence(6 + Math.floor(rand() * 10));
    return s;
  };
  return { vocabulary, word, sentence, text };
}
