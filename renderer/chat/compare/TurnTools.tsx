import { useState } from 'react';
import './compare.css';
import type { Turn } from '../../common/room/turns';
import type { ColumnConfig } from '../../common/room/types';
import { votableAnswers, type ShownAnswer } from '../../common/room/blind';
import { sumTotals, totalsLabel, type Totals } from '../messages/stats-text';
import { VoteBar } from './VoteBar';
import { FuseControl } from './FuseControl';
import { DiffDialog } from './DiffDialog';
import { repriceSlot } from '../../common/slots/room-slots';

const RepriceButton = repriceSlot.Slot;

/** Every answer of a turn that was paid for: all versions of every column's answer and of its fused answer. */
export function turnAnswers(turn: Turn) {
  return [...[...turn.answers.values()].flatMap((s) => s.all), ...(turn.fused?.all ?? [])];
}

/** What the turn cost so far, or while answers stream how many are still answering (no zero totals then). */
function turnLine(hidden: boolean, answering: number, totals: Totals): string {
  if (hidden) return answering ? `${answering} answering…` : 'Turn cost shown after your vote';
  const done = `Turn: ${totalsLabel(totals)} · ${totals.answers} answer${totals.answers === 1 ? '' : 's'}`;
  if (!answering) return done;
  return totals.answers ? `${answering} answering… · ${done.replace('Turn:', 'so far')}` : `${answering} answering…`;
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
  const answers = turnAnswers(turn);
  const totals = sumTotals(answers);
  const answering = [...turn.answers.values(), ...(turn.fused ? [turn.fused] : [])].filter((s) => s.active.status === 'streaming').length;
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
        {!hidden && !answering ? (
          <RepriceButton generationIds={answers.flatMap((a) => (a.generationId ? [a.generationId] : []))} what="this turn" label="Reprice turn" />
        ) : null}
        <span className="turn-total muted" aria-label="Turn total">
          {turnLine(hidden, answering, totals)}
        </span>
      </div>
      {diffing ? (
        <DiffDialog choices={votable.map((a) => ({ id: a.siblings.active.id, name: name(a), text: a.siblings.active.content }))} onClose={() => setDiffing(false)} />
      ) : null}
    </div>
  );
}
