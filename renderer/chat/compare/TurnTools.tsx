import { useState } from 'react';
import './compare.css';
import type { Turn } from '../../common/room/turns';
import type { ColumnConfig } from '../../common/room/types';
import { votableAnswers, type ShownAnswer } from '../../common/room/blind';
import { sumTotals, totalsLabel } from '../messages/stats-text';
import { VoteBar } from './VoteBar';
import { FuseControl } from './FuseControl';
import { DiffDialog } from './DiffDialog';

/** Every answer of a turn that was paid for: all versions of every column's answer and of its fused answer. */
export function turnAnswers(turn: Turn) {
  return [...[...turn.answers.values()].flatMap((s) => s.all), ...(turn.fused?.all ?? [])];
}

/** Under a turn with two or more answers: vote, compare two, fuse, and what the turn cost (fused answers included). */
export function TurnTools({ turn, shown, hidden, columns, labelOf }: {
  turn: Turn;
  shown: ShownAnswer[];
  hidden: boolean;
  columns: ColumnConfig[];
  labelOf: (columnId: string) => string;
}) {
  const [diffing, setDiffing] = useState(false);
  if (shown.length < 2) return null;
  const votable = votableAnswers(shown);
  const name = (a: ShownAnswer) => (hidden ? `Answer ${a.letter}` : labelOf(a.columnId));
  const fusing = turn.fused?.active.status === 'streaming';
  const totals = sumTotals(turnAnswers(turn));
  return (
    <div className="turn-tools">
      <VoteBar turn={turn} shown={shown} hidden={hidden} labelOf={labelOf} />
      <div className="turn-tools-row">
        {votable.length >= 2 ? (
          <button type="button" className="small" onClick={() => setDiffing(true)}>
            Compare two…
          </button>
        ) : null}
        {!hidden && votable.length >= 2 ? <FuseControl promptId={turn.user.active.id} columns={columns} busy={fusing} /> : null}
        <span className="turn-total muted" aria-label="Turn total">
          {hidden ? 'Turn cost shown after your vote' : `Turn: ${totalsLabel(totals)} · ${totals.answers} answer${totals.answers === 1 ? '' : 's'}`}
        </span>
      </div>
      {diffing ? (
        <DiffDialog choices={votable.map((a) => ({ id: a.siblings.active.id, name: name(a), text: a.siblings.active.content }))} onClose={() => setDiffing(false)} />
      ) : null}
    </div>
  );
}
