import { useState } from 'react';
import { Check, Copy, CornerDownRight, RotateCcw, Shuffle, Square, Trash2 } from 'lucide-react';
import type { MessageRow } from '../../common/room/types';
import { continueWith, deleteMessage, regenerate, selectSibling, stopAnswer } from '../state/actions';
import { fuseAgain } from '../state/fuse';
import { usePicker } from '../models/picker-store';
import { SiblingSwitcher } from './SiblingSwitcher';
import { IconButton } from './IconButton';
import type { AnswerNames } from './answer-names';

const ICON = { size: 15, 'aria-hidden': true, strokeWidth: 2 } as const;

/** An answer's actions as one row of icons: Stop while it streams; otherwise Copy, Regenerate (or Retry / Fuse
 * again), Retry with…, Continue with this and Delete. Each keeps the accessible name its text button had. */
export function AnswerToolbar({ row, text, status, streaming, hidden, fused, isLastTurn, isContinuePending, siblingIds, siblingKey, names }: {
  row: MessageRow;
  text: string;
  status: MessageRow['status'] | undefined;
  streaming: boolean;
  hidden: boolean;
  fused: boolean;
  isLastTurn: boolean;
  isContinuePending: boolean;
  siblingIds: string;
  siblingKey: string;
  names: AnswerNames;
}) {
  const [copied, setCopied] = useState(false);
  const openPicker = usePicker((s) => s.open);
  const failed = status === 'error';
  const again = () => void (fused ? fuseAgain(row) : regenerate(row.id)).catch((err: Error) => console.error('could not start the answer again:', err.message));
  return (
    <div className={`answer-actions${streaming ? ' answer-actions-live' : ''}`} role="toolbar" aria-label={names.toolbar}>
      <SiblingSwitcher ids={siblingIds} current={row.id} siblingKey={siblingKey} what="answer" onSelect={selectSibling} />
      {streaming ? (
        <button type="button" className="small answer-stop" onClick={() => void stopAnswer(row.id)} aria-label={names.stop} title="Stop this answer">
          <Square {...ICON} size={11} fill="currentColor" /> Stop
        </button>
      ) : (
        <>
          <IconButton label={names.copy} tip={copied ? 'Copied' : 'Copy'} onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}>
            {copied ? <Check {...ICON} /> : <Copy {...ICON} />}
          </IconButton>
          <IconButton label={names.regenerate(failed)} tip={failed ? 'Retry' : fused ? 'Fuse again' : 'Regenerate'} onClick={again}>
            <RotateCcw {...ICON} />
          </IconButton>
          {failed ? (
            <IconButton
              label={names.retryWith}
              tip="Retry with another model…"
              onClick={() => openPicker(fused && row.parentId ? { kind: 'fuse', promptId: row.parentId } : { kind: 'retry', messageId: row.id })}
            >
              <Shuffle {...ICON} />
            </IconButton>
          ) : null}
          {isLastTurn && !failed && !hidden && !fused ? (
            <IconButton
              className={isContinuePending ? 'pressed' : undefined}
              aria-pressed={isContinuePending}
              label={names.continueWith}
              tip={isContinuePending ? 'Continuing with this' : 'Continue with this'}
              onClick={() => void continueWith(isContinuePending ? null : row.id)}
            >
              <CornerDownRight {...ICON} />
            </IconButton>
          ) : null}
          <IconButton className="danger" label={names.delete} tip="Delete" onClick={() => void deleteMessage(row.id)}>
            <Trash2 {...ICON} />
          </IconButton>
        </>
      )}
    </div>
  );
}
