import { fmtInt } from '../activity/activity-text';
import { formatMicros } from '../../../shared/billing/money';
import { ModelId } from '../ModelId';
import type { ModelFigures } from '../../common/leaderboard/figures';
import { costFigure, intervalText, msText, ratingText, tpsText } from './leaderboard-text';
import { rankRangeText, type RankedModel } from './standing';

const isRanked = (r: ModelFigures | RankedModel): r is RankedModel => 'rankBest' in r;

/** "$0.00063 (+2 unpriced)": the figure, and its note on a line of its own under it ("+2 unpriced"). */
function Figure({ text }: { text: string }) {
  const at = text.indexOf(' (');
  if (at < 0) return <span className="figure">{text}</span>;
  return (
    <>
      <span className="figure">{text.slice(0, at)}</span> <span className="figure muted">{text.slice(at + 2, -1)}</span>
    </>
  );
}

const plural = (n: number, one: string, many: string) => `${fmtInt(n)} ${n === 1 ? one : many}`;

/** "54 wins, 42 losses, 19 ties (2 of them all bad)": the W–L–T cell spelled out on hover. */
function wltTitle(r: ModelFigures): string {
  const ties = r.ties + r.allBad;
  const text = `${plural(r.wins, 'win', 'wins')}, ${plural(r.losses, 'loss', 'losses')}, ${plural(ties, 'tie', 'ties')}`;
  return r.allBad ? `${text} (${fmtInt(r.allBad)} of them all bad)` : text;
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
          <th scope="col" aria-label="Wins–losses–ties" title="Wins–losses–ties (ties include votes that marked every answer bad)">W–L–T</th>
          <th scope="col" title="Median cost per answer">Cost per answer</th>
          <th scope="col" title="What its voted-on answers cost, divided by its wins">Cost per win</th>
          <th scope="col" aria-label="Time to first token" title="Median time to first token">TTFT</th>
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
            <td className="wlt" title={wltTitle(r)}>{`${fmtInt(r.wins)}–${fmtInt(r.losses)}–${fmtInt(r.ties + r.allBad)}`}</td>
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
