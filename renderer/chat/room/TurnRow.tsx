import { memo } from 'react';
import type { Turn } from '../state/turns';
import type { ColumnConfig } from '../state/types';
import { UserMessage } from '../messages/UserMessage';
import { AnswerCell } from '../messages/AnswerCell';

export interface TurnRowProps {
  turn: Turn;
  columns: ColumnConfig[];
  labels: Map<string, string>;
  isLast: boolean;
  pendingContinueId: string | null;
  focusId?: string | null;
}

const ids = (list: { id: string }[]) => list.map((m) => m.id).join(',');

/** One prompt and, side by side, each column's answer to it. */
function TurnRowImpl({ turn, columns, labels, isLast, pendingContinueId, focusId = null }: TurnRowProps) {
  const cf = turn.continueFrom;
  return (
    <div className="turn">
      <UserMessage
        row={turn.user.active}
        siblingIds={ids(turn.user.all)}
        siblingKey={turn.user.key}
        continuedFrom={cf ? (labels.get(cf.columnId ?? '') ?? cf.model?.used ?? 'another') : null}
      />
      <div className="turn-answers" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(var(--column-min), 1fr))` }}>
        {columns.map((c) => {
          const s = turn.answers.get(c.id);
          const label = labels.get(c.id) ?? c.model;
          if (!s) return <div key={c.id} className="answer answer-none muted" aria-label={`No answer from ${label}`}>No answer in this column.</div>;
          return (
            <AnswerCell
              key={c.id}
              row={s.active}
              columnLabel={label}
              siblingIds={ids(s.all)}
              siblingKey={s.key}
              isLastTurn={isLast}
              isContinuePending={pendingContinueId === s.active.id}
              focused={focusId === s.active.id}
            />
          );
        })}
      </div>
    </div>
  );
}

function same(a: TurnRowProps, b: TurnRowProps): boolean {
  if (a.columns !== b.columns || a.labels !== b.labels || a.isLast !== b.isLast || a.pendingContinueId !== b.pendingContinueId || a.focusId !== b.focusId) return false;
  const x = a.turn;
  const y = b.turn;
  if (x.user.active !== y.user.active || x.user.all.length !== y.user.all.length || x.continueFrom !== y.continueFrom) return false;
  for (const c of a.columns) {
    const p = x.answers.get(c.id);
    const q = y.answers.get(c.id);
    if (p?.active !== q?.active || p?.all.length !== q?.all.length) return false;
  }
  return true;
}

export const TurnRow = memo(TurnRowImpl, same);
