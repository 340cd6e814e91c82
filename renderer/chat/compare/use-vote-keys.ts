import { useEffect } from 'react';
import type { Turn } from '../../common/room/turns';
import type { ColumnConfig, Conversation } from '../../common/room/types';
import { canVote, isTurnHidden, shownAnswers, votableAnswers, voteIsCurrent } from '../../common/room/blind';
import { voteOnTurn, type VoteChoice } from '../state/vote-actions';
import { ALL_BAD_KEY, TIE_KEY } from './VoteBar';

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/**
 * Votes by key: 1–9 picks the answer at that position, T a tie, X all bad. The key applies to the turn holding
 * the focus, else to the newest turn still waiting for a vote; never while a dialog is open. While typing (focus
 * starts in the prompt box) the same keys work with Alt, read by physical key so macOS's Option characters don't
 * get in the way.
 */
export function useVoteKeys(conv: Conversation | null, turns: Turn[], columns: ColumnConfig[]) {
  useEffect(() => {
    if (!conv) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
      const key = e.altKey ? physicalKey(e.code) : e.key.toLowerCase();
      const digit = /^[1-9]$/.test(key) ? Number(key) : 0;
      if (!digit && key !== TIE_KEY && key !== ALL_BAD_KEY) return;
      const target = e.target instanceof Element ? e.target : null;
      if ((!e.altKey && target?.closest(EDITABLE)) || document.querySelector('[aria-modal="true"]')) return;
      const focusedId = target?.closest('[data-turn-id]')?.getAttribute('data-turn-id') ?? null;
      const views = turns.map((turn) => {
        const hidden = isTurnHidden(conv, turn, columns);
        const shown = shownAnswers(turn, columns, hidden);
        return { turn, shown, votable: votableAnswers(shown) };
      });
      const view = focusedId
        ? views.find((v) => v.turn.user.active.id === focusedId)
        : views.findLast((v) => canVote(v.shown) && !voteIsCurrent(v.turn, v.votable));
      if (!view || !canVote(view.shown)) return;
      let choice: VoteChoice;
      if (digit) {
        const a = view.votable[digit - 1];
        if (!a) return;
        choice = { verdict: 'best', winnerId: a.siblings.active.id };
      } else choice = { verdict: key === TIE_KEY ? 'tie' : 'all-bad' };
      e.preventDefault();
      voteOnTurn(view.turn.user.active.id, choice).catch((err: Error) => console.error('could not record the vote:', err.message));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [conv, turns, columns]);
}

/** 'Digit2' → '2', 'KeyT' → 't'; anything else → ''. */
function physicalKey(code: string): string {
  const m = /^(?:Digit|Numpad)([1-9])$|^Key([A-Z])$/.exec(code);
  return m ? (m[1] ?? m[2]!.toLowerCase()) : '';
}
