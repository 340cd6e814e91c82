import { useState } from 'react';
import type { Turn } from '../../common/room/turns';
import type { TurnVote } from '../../history/db/types';
import { canVote, voteIsCurrent, votableAnswers, type ShownAnswer } from '../../common/room/blind';
import { voteOnTurn, type VoteChoice } from '../state/vote-actions';

export const TIE_KEY = 't';
export const ALL_BAD_KEY = 'x';

/** What the user said about a turn, in words, naming the model that wrote the winner: "Best: e2e/beta (B)". */
export function voteSummary(vote: TurnVote): string {
  if (vote.verdict === 'tie') return 'You called it a tie';
  if (vote.verdict === 'all-bad') return 'You marked every answer bad';
  const w = vote.answers.find((a) => a.messageId === vote.winnerId);
  return w ? `Best: ${w.model} (${w.label})` : 'Best: an answer no longer here';
}

function cast(promptId: string, choice: VoteChoice) {
  voteOnTurn(promptId, choice).catch((err: Error) => console.error('could not record the vote:', err.message));
}

/**
 * Mark the best answer of a turn, or a tie, or all bad: one click, or a key (1–9 by position, T tie, X all bad).
 * While the turn is hidden the choices are letters only; after the vote the summary names the models.
 */
export function VoteBar({ turn, shown, hidden, labelOf }: { turn: Turn; shown: ShownAnswer[]; hidden: boolean; labelOf: (columnId: string) => string }) {
  const [changing, setChanging] = useState(false);
  const promptId = turn.user.active.id;
  const vote = turn.user.active.vote;
  const votable = votableAnswers(shown);
  const current = voteIsCurrent(turn, votable);
  const open = canVote(shown) && (!vote || !current || changing);
  const pick = (choice: VoteChoice) => {
    setChanging(false);
    cast(promptId, choice);
  };

  if (open) {
    return (
      <div className="vote-bar" role="group" aria-label="Vote on this turn">
        <span className="vote-question">
          {vote && !current ? 'Your vote was on earlier versions. ' : ''}Which answer is best?{hidden ? ' Names appear after you vote.' : ''}
          <span className="vote-keys muted"> Keys: 1–{Math.min(votable.length, 9)}, T, X (Alt+ while typing)</span>
        </span>
        {votable.map((a, i) => {
          const name = hidden ? `Answer ${a.letter}` : labelOf(a.columnId);
          return (
            <button
              key={a.siblings.active.id}
              type="button"
              className="small vote-choice"
              aria-keyshortcuts={i < 9 ? `${i + 1} Alt+${i + 1}` : undefined}
              aria-label={`${name} is best`}
              onClick={() => pick({ verdict: 'best', winnerId: a.siblings.active.id })}
            >
              {hidden ? a.letter : `${a.letter} · ${name}`}
              {i < 9 ? <kbd aria-hidden="true">{i + 1}</kbd> : null}
            </button>
          );
        })}
        <button type="button" className="small vote-choice" aria-keyshortcuts="T Alt+T" aria-label="Tie" onClick={() => pick({ verdict: 'tie' })}>
          Tie<kbd aria-hidden="true">T</kbd>
        </button>
        <button type="button" className="small vote-choice" aria-keyshortcuts="X Alt+X" aria-label="All bad" onClick={() => pick({ verdict: 'all-bad' })}>
          All bad<kbd aria-hidden="true">X</kbd>
        </button>
        {changing ? (
          <button type="button" className="small link" onClick={() => setChanging(false)}>
            Keep my vote
          </button>
        ) : null}
      </div>
    );
  }
  if (vote) {
    return (
      <div className="vote-bar voted" role="group" aria-label="Your vote on this turn">
        <span className="vote-summary">
          {voteSummary(vote)}
          {vote.blind ? <span className="badge">blind</span> : null}
        </span>
        {vote.blind ? (
          <span className="vote-reveal muted" aria-label="Who wrote each answer">
            {vote.answers.map((a) => `${a.label} = ${a.model}`).join(' · ')}
          </span>
        ) : null}
        <button type="button" className="small" onClick={() => setChanging(true)} disabled={!canVote(shown)}>
          Change vote
        </button>
      </div>
    );
  }
  if (shown.some((a) => a.siblings.active.status === 'streaming')) {
    return <p className="vote-bar muted">You can vote once every answer has finished.</p>;
  }
  return null;
}
