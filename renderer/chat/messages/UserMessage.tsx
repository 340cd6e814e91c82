import { memo, useState } from 'react';
import type { MessageRow } from '../../common/room/types';
import { deleteMessage, editUserMessage, selectSibling } from '../state/actions';
import { ReplayOrigin } from '../replay/ReplayOrigin';
import { SiblingSwitcher } from './SiblingSwitcher';
import { ContextDroppedMark } from '../context/ContextDroppedMark';

export interface UserMessageProps {
  row: MessageRow;
  siblingIds: string;
  siblingKey: string;
  continuedFrom: string | null; // label of the answer this turn continues from
}

/** A prompt, sent to every column. Editing it starts a new branch; the old one stays behind the switcher. */
export const UserMessage = memo(function UserMessage({ row, siblingIds, siblingKey, continuedFrom }: UserMessageProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(row.content);
  return (
    <div className="user-message" role="article" aria-label="Your prompt">
      {row.replayOf ? <ReplayOrigin of={row.replayOf} /> : null}
      <ContextDroppedMark row={row} />
      {continuedFrom ? <p className="continued-from muted">Continuing from {continuedFrom}’s answer in every column</p> : null}
      {editing ? (
        <form
          className="edit-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.trim()) return;
            setEditing(false);
            void editUserMessage(row.id, draft);
          }}
        >
          <textarea aria-label="Edit prompt" value={draft} onChange={(e) => setDraft(e.target.value)} rows={3} />
          <div className="edit-actions">
            <button type="submit" className="primary small">Send as new branch</button>
            <button type="button" className="small" onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      ) : (
        <div className="user-text">{row.content}</div>
      )}
      {row.attachments?.length ? (
        <ul className="attachment-chips" aria-label="Attachments">
          {row.attachments.map((a) => (
            <li key={a.id} className="chip">{a.name}</li>
          ))}
        </ul>
      ) : null}
      {!editing ? (
        <div className="user-actions" role="toolbar" aria-label="Prompt actions">
          <SiblingSwitcher ids={siblingIds} current={row.id} siblingKey={siblingKey} what="prompt" onSelect={selectSibling} />
          <button type="button" className="small" aria-label="Edit prompt" onClick={() => { setDraft(row.content); setEditing(true); }}>Edit</button>
          <button type="button" className="small" aria-label="Copy prompt" onClick={() => void navigator.clipboard?.writeText(row.content)}>Copy</button>
          <button type="button" className="small danger" aria-label="Delete prompt and what followed" onClick={() => void deleteMessage(row.id)}>Delete</button>
        </div>
      ) : null}
    </div>
  );
});
