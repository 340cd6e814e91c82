import Fuse from 'fuse.js';

// The palette's filter: commands holding every typed word come first (a title starting with the first word before
// one that merely holds the words, the title before the keywords); then fuzzy matches, so a typo still finds them.

export interface Rankable {
  title: string;
  keywords?: string;
}

export function rankCommands<T extends Rankable>(commands: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...commands];
  const scored: { c: T; score: number; i: number }[] = [];
  commands.forEach((c, i) => {
    const title = c.title.toLowerCase();
    const all = `${title} ${(c.keywords ?? '').toLowerCase()}`;
    if (!words.every((w) => all.includes(w))) return;
    const inTitle = words.every((w) => title.includes(w));
    const score = inTitle && title.startsWith(words[0]!) ? 0 : inTitle && title.split(/\W+/).some((t) => t.startsWith(words[0]!)) ? 1 : inTitle ? 2 : 3;
    scored.push({ c, score, i });
  });
  scored.sort((a, b) => a.score - b.score || a.i - b.i);
  const strong = scored.map((s) => s.c);
  const seen = new Set(strong);
  const fuzzy = new Fuse(commands as T[], { keys: [{ name: 'title', weight: 3 }, { name: 'keywords', weight: 1 }], threshold: 0.4, ignoreLocation: true })
    .search(query.trim())
    .map((r) => r.item)
    .filter((c) => !seen.has(c));
  return [...strong, ...fuzzy];
}
