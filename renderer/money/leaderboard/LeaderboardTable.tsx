import { fmtInt } from '../activity/activity-text';
import { formatMicros } from '../../../shared/billing/money';
import { ModelId } from '../ModelId';
import type { ModelFigures } from '../../common/leaderboard/figures';
import { costFigure, intervalText, msText, ratingText, tpsText } from './leaderboard-text';
import { rankRangeText, type RankedModel } from './standing';

const isRanked = (r: ModelFigures | RankedModel): r is RankedModel => 'rankBest' in r;

/** "$0.00063 (+2 unpriced)": the figure and its note each kept whole; the note may go to the next line. */
function Figure({ text }: { text: string }) {
  const at = text.indexOf(' (');
  if (at < 0) return <span className="figure">{text}</span>;
  return (
    <>
      <span className="figure">{text.slice(0, at)}</span> <span className="figure muted">{text.slice(at + 1)}</span>
    </>
  );
}

/** One row per model, best rated first; the model's name opens the votes behind its row. Ranked rows show the
 * range of ranks their interval allows; unranked ones (too few votes) show none. */
export function LeaderboardTable({ rows, label, selected, onSelect }: {
  rows: (ModelFigures | RankedModel)[];
  label: string;
  selected: string | null;
  onSelect: (model: string | null) => void;
}) {
  return (
    <table className="activity-table leaderboard-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" title="The ranks its 95 % interval allows: 1 + the models surely better, to the pool's size − the models surely worse">Rank</th>
          <th scope="col">Model</th>
          <th scope="col" title="Bradley–Terry rating on the Elo scale, with its 95 % interval">Rating</th>
          <th scope="col">Wins</th>
          <th scope="col">Losses</th>
          <th scope="col" title="Ties, and votes that marked every answer bad">Ties</th>
          <th scope="col" title="Median cost per answer">Cost per answer</th>
          <th scope="col" title="What its voted-on answers cost, divided by its wins">Cost per win</th>
          <th scope="col" title="Median time to first token">TTFT</th>
          <th scope="col" title="Median output speed">Speed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.model} className={selected === r.model ? 'selected' : undefined}>
            <td className="rank">{isRanked(r) ? rankRangeText(r) : '—'}</td>
            <th scope="row">
              <button
                type="button"
                className="link"
                aria-expanded={selected === r.model}
                aria-label={`Votes behind ${r.model}`}
                onClick={() => onSelect(selected === r.model ? null : r.model)}
              >
                <ModelId id={r.model} />
              </button>
            </th>
            <td>
              <strong>{ratingText(r.rating)}</strong> <span className="muted interval">{intervalText(r.rating)}</span>
            </td>
            <td>{fmtInt(r.wins)}</td>
            <td>{fmtInt(r.losses)}</td>
            <td title={r.allBad ? `${fmtInt(r.allBad)} of them marked all bad` : undefined}>{fmtInt(r.ties + r.allBad)}</td>
            <td className="cost"><Figure text={costFigure(r.medianCostMicros, r.unpricedAnswers, 'unknown')} /></td>
            <td className="cost cost-per-win" title={r.costPerWinMicros !== null ? `exactly ${formatMicros(r.costPerWinMicros)}` : undefined}><Figure text={costFigure(r.costPerWinMicros, r.unpricedAnswers, r.wins === 0 ? 'no wins' : 'unknown')} /></td>
            <td>{msText(r.medianTtftMs)}</td>
            <td>{tpsText(r.medianTokensPerSecond)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
