import { memo } from 'react';
import type { Turn } from '../../common/room/turns';
import type { ColumnConfig } from '../../common/room/types';
import { isTurnHidden, shownAnswers } from '../../common/room/blind';
import { UserMessage } from '../messages/UserMessage';
import { AnswerCell } from '../messages/AnswerCell';
import { TurnTools } from '../compare/TurnTools';

export interface TurnRowProps {
  turn: Turn;
  columns: ColumnConfig[];
  labels: Map<string, string>;
  isLast: boolean;
  pendingContinueId: string | null;
  focusId?: string | null;
  /** the room is in blind mode */
  blind?: boolean;
}

const ids = (list: { id: string }[]) => list.map((m) => m.id).join(',');

/** One prompt and, side by side, each column's answer to it (shuffled and unnamed while a blind turn awaits its
 * vote); under them the turn's fused answer and its tools (vote, compare, fuse, total). */
function TurnRowImpl({ turn, columns, labels, isLast, pendingContinueId, focusId = null, blind = false }: TurnRowProps) {
  const cf = turn.continueFrom;
  const hidden = isTurnHidden({ blind }, turn, columns);
  const shown = shownAnswers(turn, columns, hidden);
  const labelOf = (columnId: string) => labels.get(columnId) ?? columns.find((c) => c.id === columnId)?.model ?? columnId;
  const vote = turn.user.active.vote;
  const cell = (columnId: string, letter?: string) => {
    const s = turn.answers.get(columnId)!;
    const voted = vote?.answers.find((a) => a.messageId === s.active.id);
    return (
      <AnswerCell
        key={columnId}
        row={s.active}
        columnLabel={labelOf(columnId)}
        siblingIds={ids(s.all)}
        siblingKey={s.key}
        isLastTurn={isLast}
        isContinuePending={pendingContinueId === s.active.id}
        focused={focusId === s.active.id}
        {...(letter !== undefined ? { hiddenLetter: letter } : {})}
        revealedLetter={vote?.blind ? voted?.label : undefined}
        winner={vote?.verdict === 'best' && vote.winnerId === s.active.id}
      />
    );
  };
  const missing = columns.filter((c) => !turn.answers.has(c.id));
  const f = turn.fused;
  return (
    <div className="turn" data-turn-id={turn.user.active.id}>
      <UserMessage
        row={turn.user.active}
        siblingIds={ids(turn.user.all)}
        siblingKey={turn.user.key}
        continuedFrom={cf ? (labels.get(cf.columnId ?? '') ?? cf.model?.used ?? 'another') : null}
      />
      <div className="turn-answers">
        {hidden
          ? [
              ...shown.map((a) => cell(a.columnId, a.letter)),
              ...missing.map((c) => <div key={c.id} className="answer answer-none muted">No answer in this column.</div>),
            ]
          : columns.map((c) =>
              turn.answers.has(c.id) ? (
                cell(c.id)
              ) : (
                <div key={c.id} className="answer answer-none muted" aria-label={`No answer from ${labelOf(c.id)}`}>
                  No answer in this column.
                </div>
              ),
            )}
        {(turn.withheld ?? []).map((w) => (
          <AnswerCell
            key={w.key}
            row={w.active}
            columnLabel={`answer ${w.active.blindLetter}`}
            siblingIds={ids(w.all)}
            siblingKey={w.key}
            isLastTurn={isLast}
            isContinuePending={pendingContinueId === w.active.id}
            focused={focusId === w.active.id}
            hiddenLetter={w.active.blindLetter!}
          />
        ))}
        {f ? (
          <AnswerCell
            key="fused"
            row={f.active}
            columnLabel="fused answer"
            siblingIds={ids(f.all)}
            siblingKey={f.key}
            isLastTurn={isLast}
            isContinuePending={false}
            focused={focusId === f.active.id}
          />
        ) : null}
      </div>
      <TurnTools turn={turn} shown={shown} hidden={hidden} columns={columns} labelOf={labelOf} />
    </div>
  );
}

function same(a: TurnRowProps, b: TurnRowProps): boolean {
  if (a.columns !== b.columns || a.labels !== b.labels || a.isLast !== b.isLast || a.pendingContinueId !== b.pendingContinueId || a.focusId !== b.focusId || a.blind !== b.blind) {
    return false;
  }
  const x = a.turn;
  const y = b.turn;
  if (x.user.active !== y.user.active || x.user.all.length !== y.user.all.length || x.continueFrom !== y.continueFrom) return false;
  if (x.fused?.active !== y.fused?.active || x.fused?.all.length !== y.fused?.all.length) return false;
  if ((x.withheld ?? []).map((w) => w.active.id).join() !== (y.withheld ?? []).map((w) => w.active.id).join()) return false;
  for (const c of a.columns) {
    const p = x.answers.get(c.id);
    const q = y.answers.get(c.id);
    if (p?.active !== q?.active || p?.all.length !== q?.all.length) return false;
  }
  return true;
}

export const TurnRow = memo(TurnRowImpl, same);
