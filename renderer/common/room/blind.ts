import type { Siblings, Turn } from './turns';
import type { ColumnConfig, Conversation, MessageRow } from './types';

// Blind mode and voting over a turn's answers. A prompt sent while its room is blind is "hidden" until it is voted
// on: its answers are shown in an order shuffled per turn, named only by letter (A, B, C…), without model,
// provider, cost or speed. Fused answers are never part of a vote.

export interface ShownAnswer {
  columnId: string;
  siblings: Siblings;
  /** A, B, C… by position in the order shown */
  letter: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const letterAt = (i: number): string => (i < LETTERS.length ? LETTERS[i]! : `A${i}`);

/** FNV-1a of the seed, then mulberry32: the same seed always gives the same order. */
function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator (the prompt's id): stable across renders and reloads. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const rand = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** An answer that can be judged: finished with some text (not streaming, not failed). */
export function isComparable(m: MessageRow): boolean {
  return m.status !== 'streaming' && m.status !== 'error' && m.content.trim() !== '';
}

/** The column answers of a turn in column order (fused answers are not column answers). */
export function columnAnswers(turn: Turn, columns: readonly ColumnConfig[]): { columnId: string; siblings: Siblings }[] {
  const out: { columnId: string; siblings: Siblings }[] = [];
  for (const c of columns) {
    const s = turn.answers.get(c.id);
    if (s) out.push({ columnId: c.id, siblings: s });
  }
  return out;
}

/**
 * Hidden: the room is blind, the prompt was sent blind, it has no vote yet, and two or more of its answers are
 * streaming or comparable (with fewer there is nothing to vote on, so nothing stays hidden).
 */
export function isTurnHidden(conv: Pick<Conversation, 'blind'> | null | undefined, turn: Turn, columns: readonly ColumnConfig[]): boolean {
  if (!conv?.blind || !turn.user.active.blind || turn.user.active.vote) return false;
  const live = columnAnswers(turn, columns).filter((a) => a.siblings.active.status === 'streaming' || isComparable(a.siblings.active));
  return live.length >= 2;
}

/** The turn's column answers in the order shown, lettered: shuffled by the prompt's id while hidden. */
export function shownAnswers(turn: Turn, columns: readonly ColumnConfig[], hidden: boolean): ShownAnswer[] {
  const list = columnAnswers(turn, columns);
  const ordered = hidden ? seededShuffle(list, turn.user.active.id) : list;
  return ordered.map((a, i) => ({ ...a, letter: letterAt(i) }));
}

/** A vote can be cast once no answer streams and two or more are comparable. */
export function canVote(shown: readonly ShownAnswer[]): boolean {
  return shown.every((a) => a.siblings.active.status !== 'streaming') && shown.filter((a) => isComparable(a.siblings.active)).length >= 2;
}

/** The answers a vote (and its keys 1–9) chooses between: the comparable ones, in the order shown. */
export function votableAnswers(shown: readonly ShownAnswer[]): ShownAnswer[] {
  return shown.filter((a) => isComparable(a.siblings.active));
}

/** Whether the turn's vote was cast on the answers shown now (not on versions regenerated since). */
export function voteIsCurrent(turn: Turn, votable: readonly ShownAnswer[]): boolean {
  const v = turn.user.active.vote;
  if (!v) return false;
  const now = new Set(votable.map((a) => a.siblings.active.id));
  return v.answers.length === now.size && v.answers.every((a) => now.has(a.messageId));
}
