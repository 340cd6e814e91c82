import { diffLines, diffWords, type ChangeObject } from 'diff';

// Two answers side by side with what differs marked: jsdiff's word diff (whitespace kept, not compared); for
// answers too different to diff word by word in time, a line diff; past that, no marking at all.

export interface DiffPart {
  text: string;
  /** same on both sides, only on the left (removed) or only on the right (added) */
  kind: 'same' | 'removed' | 'added';
}

export interface SideBySide {
  left: DiffPart[];
  right: DiffPart[];
  /** what the marking is based on */
  granularity: 'words' | 'lines' | 'none';
  /** words only on the left / only on the right */
  removedWords: number;
  addedWords: number;
}

const WORD_DIFF_MS = 400;
const words = (s: string) => (s.match(/\S+/g) ?? []).length;

export function sideBySide(left: string, right: string, timeoutMs = WORD_DIFF_MS): SideBySide {
  let granularity: SideBySide['granularity'] = 'words';
  let changes: ChangeObject<string>[] | undefined = diffWords(left, right, { timeout: timeoutMs });
  if (!changes) {
    granularity = 'lines';
    changes = diffLines(left, right, { timeout: timeoutMs });
  }
  if (!changes) {
    return { left: [{ text: left, kind: 'same' }], right: [{ text: right, kind: 'same' }], granularity: 'none', removedWords: 0, addedWords: 0 };
  }
  const out: SideBySide = { left: [], right: [], granularity, removedWords: 0, addedWords: 0 };
  for (const c of changes) {
    if (c.removed) {
      out.left.push({ text: c.value, kind: 'removed' });
      out.removedWords += words(c.value);
    } else if (c.added) {
      out.right.push({ text: c.value, kind: 'added' });
      out.addedWords += words(c.value);
    } else {
      out.left.push({ text: c.value, kind: 'same' });
      out.right.push({ text: c.value, kind: 'same' });
    }
  }
  return out;
}
