// "$90 ÷ 3 = $30" is money, not math. remark-math pairs any two single dollars, so prices in an answer turned
// into italic TeX. Here inline math is a "$" with a non-space character right after it, closed by the very next
// single "$" if that one has a non-space character right before it and no digit right after it (Pandoc's rule,
// without reaching past another dollar). Every single "$" not part of such a pair is escaped, so it shows as a
// dollar sign. Code (fenced or `inline`) and "$$" display math are left alone.

import { mapLinesOutsideFences } from './outside-fences';

function escapeLoneDollars(segment: string): string {
  const singles: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === '\\') {
      i++; // an escaped character
      continue;
    }
    if (segment[i] !== '$') continue;
    if (segment[i + 1] === '$') {
      while (segment[i + 1] === '$') i++; // "$$" (or more): display math, not ours
      continue;
    }
    singles.push(i);
  }
  const keep = new Set<number>();
  for (let k = 0; k < singles.length; k++) {
    const open = singles[k]!;
    if (!/\S/.test(segment[open + 1] ?? '')) continue;
    const close = singles[k + 1];
    if (close === undefined || !/\S/.test(segment[close - 1]!) || /\d/.test(segment[close + 1] ?? '')) continue;
    keep.add(open).add(close);
    k += 1;
  }
  let out = '';
  let last = 0;
  for (const i of singles) {
    if (keep.has(i)) continue;
    out += `${segment.slice(last, i)}\\$`;
    last = i + 1;
  }
  return out + segment.slice(last);
}

export function escapeCurrencyDollars(text: string): string {
  if (!text.includes('$')) return text;
  return mapLinesOutsideFences(text, (line) =>
    line.includes('$')
      ? line
          .split(/(`+[^`]*`+)/) // outside `inline code` only
          .map((part, i) => (i % 2 === 1 ? part : escapeLoneDollars(part)))
          .join('')
      : line,
  );
}
