import { memo, useState } from 'react';
import type { MessageRow } from '../state/types';
import { useLiveAnswer } from '../state/live-answers';
import { continueWith, deleteMessage, regenerate, selectSibling, stopAnswer } from '../state/actions';
import { Markdown, StreamingMarkdown } from '../markdown/Markdown';
import { AnswerStats } from './AnswerStats';
import { SiblingSwitcher } from './SiblingSwitcher';
import { usePicker } from '../models/picker-store';

export interface AnswerCellProps {
  row: MessageRow;
  columnLabel: string;
  siblingIds: string; // comma-joined, oldest first
  siblingKey: string;
  isLastTurn: boolean;
  isContinuePending: boolean;
  focused?: boolean;
}

/** One column's answer to one prompt. Streaming text comes from the live store (this cell alone re-renders). */
export const AnswerCell = memo(function AnswerCell({ row, columnLabel, siblingIds, siblingKey, isLastTurn, isContinuePending, focused = false }: AnswerCellProps) {
  const live = useLiveAnswer(row.id);
  const [copied, setCopied] = useState(false);
  const streaming = !!live && live.status === 'streaming';
  const text = live ? live.text : row.content;
  const reasoning = live ? live.reasoning : (row.reasoning ?? '');
  const status = live ? live.status : row.status;
  const error = live?.error ?? row.error;
  const who = row.model?.used ?? live?.model ?? row.model?.requested ?? columnLabel;
  const openPicker = usePicker((s) => s.open);

  return (
    <article
      className={`answer answer-${status ?? 'done'}`}
      aria-label={`Answer from ${columnLabel}`}
      aria-busy={streaming}
      aria-current={focused ? 'true' : undefined}
      style={focused ? { outline: '2px solid var(--accent)', outlineOffset: 2 } : undefined}
    >
      {reasoning ? (
        <details className="reasoning">
          <summary>{streaming && !text ? 'Thinking…' : 'Reasoning'}</summary>
          <div className="reasoning-text">{reasoning}</div>
        </details>
      ) : null}
      {streaming ? <StreamingMarkdown text={text} /> : text ? <Markdown text={text} /> : null}
      {streaming && !text && !reasoning ? <p className="muted waiting">Waiting for {columnLabel}…</p> : null}
      {status === 'error' ? (
        <div className="answer-error" role="alert">
          {error?.message ?? 'The answer failed'}
        </div>
      ) : null}
      {status === 'stopped' ? <p className="muted">Stopped.</p> : null}
      {status === 'interrupted' ? <p className="muted">Interrupted: {error?.message ?? 'Parley closed while this answer was streaming.'}</p> : null}
      {live?.unsaved ? (
        <p className="muted answer-unsaved" role="status">
          Not saved yet: the disk is full. Kept in memory and saved as soon as there is room.
        </p>
      ) : null}
      {streaming ? (
        <p className="muted live-meta" aria-label="Streaming">{live?.model ?? who}{live?.provider ? ` via ${live.provider}` : ''} · streaming…</p>
      ) : (
        <AnswerStats row={row} />
      )}
      <div className="answer-actions" role="toolbar" aria-label={`Actions for the answer from ${columnLabel}`}>
        <SiblingSwitcher ids={siblingIds} current={row.id} siblingKey={siblingKey} what="answer" onSelect={selectSibling} />
        {streaming ? (
          <button type="button" className="small" onClick={() => void stopAnswer(row.id)} aria-label={`Stop ${columnLabel}`}>
            Stop
          </button>
        ) : (
          <>
            <button
              type="button"
              className="small"
              aria-label={`Copy answer from ${columnLabel}`}
              onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="small" aria-label={`${status === 'error' ? 'Retry' : 'Regenerate'} ${columnLabel}`} onClick={() => void regenerate(row.id)}>
              {status === 'error' ? 'Retry' : 'Regenerate'}
            </button>
            {status === 'error' ? (
              <button
                type="button"
                className="small"
                aria-label={`Retry ${columnLabel} with another model`}
                onClick={() => openPicker({ kind: 'retry', messageId: row.id })}
              >
                Retry with…
              </button>
            ) : null}
            {isLastTurn && status !== 'error' ? (
              <button
                type="button"
                className={`small${isContinuePending ? ' pressed' : ''}`}
                aria-pressed={isContinuePending}
                aria-label={`Continue with this answer from ${columnLabel}`}
                onClick={() => void continueWith(isContinuePending ? null : row.id)}
              >
                {isContinuePending ? 'Continuing with this' : 'Continue with this'}
              </button>
            ) : null}
            <button type="button" className="small danger" aria-label={`Delete answer from ${columnLabel}`} onClick={() => void deleteMessage(row.id)}>
              Delete
            </button>
          </>
        )}
      </div>
    </article>
  );
});
