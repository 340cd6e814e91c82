import { memo } from 'react';
import './answer.css';
import type { MessageRow } from '../../common/room/types';
import { useLiveAnswer } from '../../common/room/live-answers';
import { Markdown, StreamingMarkdown } from '../markdown/Markdown';
import { AnswerStats } from './AnswerStats';
import { AnswerToolbar } from './AnswerToolbar';
import { ProviderBadge } from './ProviderBadge';
import { answerNames } from './answer-names';
import { AnswerSources } from '../web-search/AnswerSources';
import { withCitationMarkers } from '../../common/web-search/sources';
import { VoteMark } from './VoteMark';
import { ToolLoopView } from '../tools/ToolLoopView';
import { AnswerImages } from '../images/AnswerImages';

export interface AnswerCellProps {
  row: MessageRow;
  columnLabel: string;
  siblingIds: string; // comma-joined, oldest first
  siblingKey: string;
  isLastTurn: boolean;
  isContinuePending: boolean;
  focused?: boolean;
  /** blind mode, not voted on yet: the answer is only its letter; no model, provider, cost or speed is shown */
  hiddenLetter?: string;
  /** after a blind vote: the letter this answer had while hidden */
  revealedLetter?: string | undefined;
  /** the vote on this turn picked this answer */
  winner?: boolean;
}

/** One column's answer to one prompt (or the turn's fused answer). Streaming text comes from the live store (this
 * cell alone re-renders). */
export const AnswerCell = memo(function AnswerCell({ row, columnLabel, siblingIds, siblingKey, isLastTurn, isContinuePending, focused = false, hiddenLetter, revealedLetter, winner = false }: AnswerCellProps) {
  const live = useLiveAnswer(row.id);
  const streaming = !!live && live.status === 'streaming';
  const text = live ? live.text : row.content;
  const reasoning = live ? live.reasoning : (row.reasoning ?? '');
  const status = live ? live.status : row.status;
  const error = live?.error ?? row.error;
  const steps = live?.toolSteps ?? row.toolSteps;
  const hidden = hiddenLetter !== undefined;
  const fused = !!row.fused;
  const names = answerNames(hidden ? { kind: 'hidden', letter: hiddenLetter } : fused ? { kind: 'fused' } : { kind: 'column', label: columnLabel });
  const who = row.model?.used ?? live?.model ?? row.model?.requested ?? columnLabel;
  const toolbar = (
    <AnswerToolbar
      row={row}
      text={text}
      status={status}
      streaming={streaming}
      hidden={hidden}
      fused={fused}
      isLastTurn={isLastTurn}
      isContinuePending={isContinuePending}
      siblingIds={siblingIds}
      siblingKey={siblingKey}
      names={names}
    />
  );

  return (
    <article
      className={`answer answer-${status ?? 'done'}${fused ? ' answer-fused' : ''}${hidden ? ' answer-hidden' : ''}${winner ? ' answer-winner' : ''}`}
      aria-label={names.article}
      aria-busy={streaming}
      aria-current={focused ? 'true' : undefined}
      style={focused ? { outline: '2px solid var(--accent)', outlineOffset: 2 } : undefined}
    >
      {hidden ? <p className="answer-letter" aria-hidden="true">{hiddenLetter}</p> : <VoteMark letter={revealedLetter} winner={winner} />}
      {!hidden && row.model?.pinned && row.model.provider && row.model.provider !== row.model.pinned ? (
        <p className="muted cache-lost" role="note">Cache lost: served by {row.model.provider} instead of {row.model.pinned} (a fallback moved this column).</p>
      ) : null}
      {row.model?.chosenBy && !hidden ? <p className="muted chosen-by">{who}, chosen by {row.model.chosenBy}</p> : null}
      {fused ? (
        <p className="fused-mark">
          <span className="badge badge-fused">Fused</span> one answer combining {row.fused!.sources.length} answers of this turn
        </p>
      ) : null}
      {reasoning ? (
        <details className="reasoning">
          <summary>{streaming && !text ? 'Thinking…' : 'Reasoning'}</summary>
          <div className="reasoning-text">{reasoning}</div>
        </details>
      ) : null}
      {steps?.length ? <ToolLoopView steps={steps} text={text} streaming={streaming} streamId={live?.streamId ?? null} /> : streaming ? <StreamingMarkdown text={text} /> : text ? <Markdown text={withCitationMarkers(text, row.sources)} /> : null}
      <AnswerImages messageId={row.id} live={live?.images} stored={row.images} who={hidden ? `Answer ${hiddenLetter}` : who} />
      {streaming ? null : <AnswerSources sources={row.sources} />}
      {streaming && !text && !reasoning && !steps?.length && !live?.images?.length ? <p className="muted waiting">Waiting for {names.waitingFor}…</p> : null}
      {status === 'error' ? (
        <div className="answer-error" role="alert">
          {hidden ? 'The answer failed' : (error?.message ?? 'The answer failed')}
        </div>
      ) : null}
      {status === 'stopped' ? <p className="muted">Stopped.</p> : null}
      {status === 'interrupted' ? <p className="muted">Interrupted: {hidden ? 'Parley closed while this answer was streaming.' : (error?.message ?? 'Parley closed while this answer was streaming.')}</p> : null}
      {live?.unsaved ? (
        <p className="muted answer-unsaved" role="status">
          Not saved yet: the disk is full. Kept in memory and saved as soon as there is room.
        </p>
      ) : null}
      {streaming ? (
        <div className="answer-foot">
          <p className="muted live-meta" aria-label="Streaming">
            {hidden ? (
              'streaming…'
            ) : (
              <>
                <span className="stat-model">{live?.model ?? who}</span>
                {live?.provider ? <ProviderBadge name={live.provider} /> : null} streaming…
              </>
            )}
          </p>
          {toolbar}
        </div>
      ) : hidden ? (
        <div className="answer-foot">
          <p className="muted hidden-stats">
            {row.blindLetter !== undefined ? 'Imported from an export made before the vote: who wrote this answer was left out.' : 'Model, provider, cost and speed are hidden until you vote.'}
          </p>
          {toolbar}
        </div>
      ) : (
        <AnswerStats row={row} toolbar={toolbar} />
      )}
    </article>
  );
});
