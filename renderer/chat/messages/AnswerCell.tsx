import { memo, useState } from 'react';
import type { MessageRow } from '../../common/room/types';
import { useLiveAnswer } from '../../common/room/live-answers';
import { continueWith, deleteMessage, regenerate, selectSibling, stopAnswer } from '../state/actions';
import { fuseAgain } from '../state/fuse';
import { Markdown, StreamingMarkdown } from '../markdown/Markdown';
import { AnswerStats } from './AnswerStats';
import { SiblingSwitcher } from './SiblingSwitcher';
import { usePicker } from '../models/picker-store';
import { answerNames } from './answer-names';
import { AnswerSources } from '../web-search/AnswerSources';
import { withCitationMarkers } from '../../common/web-search/sources';

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
}

/** One column's answer to one prompt (or the turn's fused answer). Streaming text comes from the live store (this
 * cell alone re-renders). */
export const AnswerCell = memo(function AnswerCell({ row, columnLabel, siblingIds, siblingKey, isLastTurn, isContinuePending, focused = false, hiddenLetter }: AnswerCellProps) {
  const live = useLiveAnswer(row.id);
  const [copied, setCopied] = useState(false);
  const streaming = !!live && live.status === 'streaming';
  const text = live ? live.text : row.content;
  const reasoning = live ? live.reasoning : (row.reasoning ?? '');
  const status = live ? live.status : row.status;
  const error = live?.error ?? row.error;
  const hidden = hiddenLetter !== undefined;
  const fused = !!row.fused;
  const names = answerNames(hidden ? { kind: 'hidden', letter: hiddenLetter } : fused ? { kind: 'fused' } : { kind: 'column', label: columnLabel });
  const who = row.model?.used ?? live?.model ?? row.model?.requested ?? columnLabel;
  const openPicker = usePicker((s) => s.open);
  const again = () => void (fused ? fuseAgain(row) : regenerate(row.id)).catch((err: Error) => console.error('could not start the answer again:', err.message));

  return (
    <article
      className={`answer answer-${status ?? 'done'}${fused ? ' answer-fused' : ''}${hidden ? ' answer-hidden' : ''}`}
      aria-label={names.article}
      aria-busy={streaming}
      aria-current={focused ? 'true' : undefined}
      style={focused ? { outline: '2px solid var(--accent)', outlineOffset: 2 } : undefined}
    >
      {hidden ? <p className="answer-letter" aria-hidden="true">{hiddenLetter}</p> : null}
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
      {streaming ? <StreamingMarkdown text={text} /> : text ? <Markdown text={withCitationMarkers(text, row.sources)} /> : null}
      {streaming ? null : <AnswerSources sources={row.sources} />}
      {streaming && !text && !reasoning ? <p className="muted waiting">Waiting for {names.waitingFor}…</p> : null}
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
        <p className="muted live-meta" aria-label="Streaming">{hidden ? 'streaming…' : `${live?.model ?? who}${live?.provider ? ` via ${live.provider}` : ''} · streaming…`}</p>
      ) : hidden ? (
        <p className="muted hidden-stats">
          {row.blindLetter !== undefined ? 'Imported from an export made before the vote: who wrote this answer was left out.' : 'Model, provider, cost and speed are hidden until you vote.'}
        </p>
      ) : (
        <AnswerStats row={row} />
      )}
      <div className="answer-actions" role="toolbar" aria-label={names.toolbar}>
        <SiblingSwitcher ids={siblingIds} current={row.id} siblingKey={siblingKey} what="answer" onSelect={selectSibling} />
        {streaming ? (
          <button type="button" className="small" onClick={() => void stopAnswer(row.id)} aria-label={names.stop}>
            Stop
          </button>
        ) : (
          <>
            <button
              type="button"
              className="small"
              aria-label={names.copy}
              onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="small" aria-label={names.regenerate(status === 'error')} onClick={again}>
              {status === 'error' ? 'Retry' : fused ? 'Fuse again' : 'Regenerate'}
            </button>
            {status === 'error' ? (
              <button
                type="button"
                className="small"
                aria-label={names.retryWith}
                onClick={() => openPicker(fused && row.parentId ? { kind: 'fuse', promptId: row.parentId } : { kind: 'retry', messageId: row.id })}
              >
                Retry with…
              </button>
            ) : null}
            {isLastTurn && status !== 'error' && !hidden && !fused ? (
              <button
                type="button"
                className={`small${isContinuePending ? ' pressed' : ''}`}
                aria-pressed={isContinuePending}
                aria-label={names.continueWith}
                onClick={() => void continueWith(isContinuePending ? null : row.id)}
              >
                {isContinuePending ? 'Continuing with this' : 'Continue with this'}
              </button>
            ) : null}
            <button type="button" className="small danger" aria-label={names.delete} onClick={() => void deleteMessage(row.id)}>
              Delete
            </button>
          </>
        )}
      </div>
    </article>
  );
});
