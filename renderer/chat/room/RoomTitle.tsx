import { useState } from 'react';
import { renameConversation } from '../state/actions';
import { exportMenuSlot, repriceSlot } from '../../common/slots/room-slots';
import { RoomReplayButton } from '../replay/RoomReplayButton';

const ExportMenu = exportMenuSlot.Slot;
const RepriceButton = repriceSlot.Slot;

/** The conversation's title, renamed in place. */
export function RoomTitle({ conversationId, title }: { conversationId: string | null; title: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  if (editing && conversationId) {
    return (
      <form
        className="inline-form"
        aria-label="Rename conversation"
        onSubmit={(e) => {
          e.preventDefault();
          setEditing(false);
          if (draft.trim() && draft.trim() !== title) void renameConversation(conversationId, draft.trim());
        }}
      >
        <input aria-label="Conversation title" value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setEditing(false))} />
        <button type="submit" className="small primary">Save</button>
      </form>
    );
  }
  return (
    <>
      <h1 className="room-title" title={title}>{title}</h1>
      {conversationId ? (
        <button type="button" className="small" aria-label="Rename conversation" onClick={() => { setDraft(title); setEditing(true); }}>
          Rename
        </button>
      ) : null}
      {conversationId ? <ExportMenu conversationId={conversationId} title={title} /> : null}
      {conversationId ? <RepriceButton conversationId={conversationId} what="this conversation" label="Reprice" /> : null}
      {conversationId ? <RoomReplayButton conversationId={conversationId} /> : null}
    </>
  );
}
