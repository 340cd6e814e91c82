import type { Conversation, MessageRow } from './types';
import { indexMessages, turnOf } from './turns';
import { isTurnHidden, shownAnswers } from './blind';

// The one rule every view outside the turn itself asks before it names who answered: Activity and its CSV,
// exports, the header balance, the room's column headers and Stop buttons. While a blind turn awaits its vote
// (isTurnHidden), every answer of it (each version, regenerated or not) is "veiled": known only by the letter it is
// shown under, never by its model, provider, cost, tokens or timings, nor by the column it was sent to (columns are
// numbered in the order models were added, so a column names its model). Once voted, nothing is veiled.

/** What a view shows in place of what it must not say. */
export const BLIND_NOTICE = 'blind turn, vote to reveal';

export interface Veil {
  /** answer id → the letter it is shown under (A, B, C…) */
  letters: ReadonlyMap<string, string>;
  /** the ids of the prompts whose turns are veiled */
  prompts: ReadonlySet<string>;
  /** generation ids of the veiled answers (their usage-ledger rows) */
  generations: ReadonlySet<string>;
  /** answers that re-run one answer of a veiled turn (regenerated, retried) → their prompt */
  reruns: ReadonlyMap<string, string>;
}

export const NO_VEIL: Veil = { letters: new Map(), prompts: new Set(), generations: new Set(), reruns: new Map() };

type VeilConversation = Pick<Conversation, 'id' | 'blind' | 'columns' | 'selection'>;

/** The veiled answers of one conversation, from its rows (every branch, not only the shown one). */
export function veilOf(conv: VeilConversation, rows: Iterable<MessageRow>): Veil {
  if (!conv.blind) return NO_VEIL;
  const list = [...rows];
  const index = indexMessages(list, conv.id);
  const letters = new Map<string, string>();
  const prompts = new Set<string>();
  const generations = new Set<string>();
  const reruns = new Map<string, string>();
  for (const m of list) {
    if (m.role !== 'user' || !m.blind || m.vote) continue;
    const turn = turnOf(index, conv, m.id);
    if (!turn || !isTurnHidden(conv, turn, conv.columns)) continue;
    prompts.add(m.id);
    for (const a of shownAnswers(turn, conv.columns, true)) {
      a.siblings.all.forEach((s, i) => {
        letters.set(s.id, a.letter);
        if (s.generationId) generations.add(s.generationId);
        if (i > 0) reruns.set(s.id, m.id);
      });
    }
  }
  return letters.size ? { letters, prompts, generations, reruns } : NO_VEIL;
}

/** Several conversations' veils as one. */
export function mergeVeils(veils: Iterable<Veil>): Veil {
  const letters = new Map<string, string>();
  const prompts = new Set<string>();
  const generations = new Set<string>();
  const reruns = new Map<string, string>();
  for (const v of veils) {
    for (const [k, l] of v.letters) letters.set(k, l);
    for (const p of v.prompts) prompts.add(p);
    for (const g of v.generations) generations.add(g);
    for (const [k, p] of v.reruns) reruns.set(k, p);
  }
  return letters.size ? { letters, prompts, generations, reruns } : NO_VEIL;
}

/** Whether a usage-ledger row belongs to a veiled answer (by the answer it is linked to, or its generation id). */
export function isVeiledRecord(veil: Veil, r: { id: string; messageId?: string | undefined }): boolean {
  return veil.generations.has(r.id) || (r.messageId !== undefined && veil.letters.has(r.messageId));
}

type LedgerLike = { id: string; messageId?: string | undefined; source?: string };

/** Ledger rows a view may show, and how many it must keep back until their turns are voted on. While an answer of
 * a veiled turn streams (`blindStreaming`), the app's rows not yet linked to their answer are kept back too: a
 * finished request is recorded a moment before it is linked, and that moment would name its model. */
export function splitVeiledRecords<T extends LedgerLike>(veil: Veil, rows: readonly T[], blindStreaming = false): { shown: T[]; veiled: number } {
  if (veil.letters.size === 0) return { shown: [...rows], veiled: 0 };
  const shown = rows.filter((r) => !isVeiledRecord(veil, r) && !(blindStreaming && r.source === 'app' && r.messageId === undefined));
  return { shown, veiled: rows.length - shown.length };
}

/** Whether any answer of a veiled turn is still streaming: the account balance must not move until none is. */
export function veiledStreaming(veil: Veil, streamingIds: Iterable<string>): boolean {
  for (const id of streamingIds) if (veil.letters.has(id)) return true;
  return false;
}

/** The veiled turns one of whose answers is being re-run alone: once it ends, the balance would drop by that one
 * answer's cost, so it must not move until the turn is voted on. */
export function rerunPrompts(veil: Veil, streamingIds: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of streamingIds) {
    const p = veil.reruns.get(id);
    if (p !== undefined && !out.includes(p)) out.push(p);
  }
  return out;
}
