import { useState } from 'react';
import { fmtInt } from '../activity/activity-text';
import { formatMoment } from '../../../shared/format/dates';
import { Money } from '../Money';
import { ModelId } from '../ModelId';
import type { VoteLine } from '../../common/leaderboard/figures';
import { OUTCOME_TEXT } from './leaderboard-text';

const PAGE = 100;

/** The votes behind one model's figures, newest first, each opening its turn in the room. */
export function ModelVotes({ model, lines, onOpenTurn }: { model: string; lines: VoteLine[]; onOpenTurn: (conversationId: string, promptId: string) => void }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <section className="model-votes" aria-labelledby="model-votes-heading">
      <h2 id="model-votes-heading">
        Votes behind {model} ({fmtInt(lines.length)})
      </h2>
      <table className="activity-table" aria-label={`Votes behind ${model}`}>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Room</th>
            <th scope="col">Prompt</th>
            <th scope="col">Outcome</th>
            <th scope="col">Against</th>
            <th scope="col">Its answer cost</th>
            <th scope="col">Turn</th>
          </tr>
        </thead>
        <tbody>
          {lines.slice(0, shown).map((l) => (
            <tr key={l.vote.promptId}>
              <td className="figure">{formatMoment(l.vote.vote.at)}</td>
              <td>{l.vote.conversationTitle || 'New chat'}</td>
              <td className="prompt-excerpt">{l.vote.promptExcerpt}</td>
              <td>
                {OUTCOME_TEXT[l.outcome]}
                {l.vote.vote.blind ? <span className="badge">blind</span> : null}
              </td>
              <td>{l.against.map((m, i) => (<span key={m}>{i ? ', ' : ''}<ModelId id={m} /></span>))}</td>
              <td>{l.costMicros === undefined ? 'unknown' : <Money micros={l.costMicros} />}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={`Open the turn “${l.vote.promptExcerpt}” voted ${formatMoment(l.vote.vote.at)}`}
                  onClick={() => onOpenTurn(l.vote.conversationId, l.vote.promptId)}
                >
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.length > shown ? (
        <button type="button" className="small" onClick={() => setShown((n) => n + PAGE)}>
          Show {fmtInt(Math.min(PAGE, lines.length - shown))} more of {fmtInt(lines.length - shown)}
        </button>
      ) : null}
    </section>
  );
}
