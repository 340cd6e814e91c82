import { useState } from 'react';
import { BookmarkPlus, Bot } from 'lucide-react';
import { useRoom } from '../../common/room/room-store';
import { assistantFromRoom } from '../setup';
import { saveAssistant } from '../store';
import './assistants.css';

/** The room bar's part: the assistant the room came from, and "Save as assistant". */
export function RoomAssistantControls() {
  const conversation = useRoom((s) => s.conversation);
  const openId = useRoom((s) => s.openId);
  const draftColumns = useRoom((s) => s.draftColumns);
  const draftBlind = useRoom((s) => s.draftBlind);
  const draftAssistant = useRoom((s) => s.draftAssistant);
  const shown = conversation && conversation.id === openId ? conversation : null;
  const columns = shown ? shown.columns : draftColumns;
  const origin = shown ? shown.assistant : draftAssistant?.assistant;
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const room = { columns, blind: shown ? !!shown.blind : draftBlind, conversation: shown };
    saveAssistant(assistantFromRoom(trimmed, room)).then(
      (a) => {
        setNaming(false);
        setNote({ text: `Saved “${a.name}”`, error: false });
      },
      (err: unknown) => setNote({ text: err instanceof Error ? err.message : String(err), error: true }),
    );
  };

  return (
    <>
      {origin ? (
        <span className="room-assistant" title="This room was started from this assistant">
          <Bot size={14} aria-hidden /> <span aria-label="Assistant">{origin.name}</span>
        </span>
      ) : null}
      {columns.length && !naming ? (
        <button
          type="button"
          className="small icon"
          aria-label="Save as assistant"
          title="Save as assistant: these models, their settings and blind mode"
          onClick={() => {
            setName(origin?.name ?? (shown?.title || 'My assistant'));
            setNote(null);
            setNaming(true);
          }}
        >
          <BookmarkPlus size={14} aria-hidden />
        </button>
      ) : null}
      {naming ? (
        <form
          className="inline-form"
          aria-label="Save as assistant"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setNaming(false);
            }
          }}
        >
          <input aria-label="Assistant name" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="small primary">
            Save
          </button>
          <button type="button" className="small" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : null}
      {note ? (
        <span role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : 'muted'}>
          {note.text}
        </span>
      ) : null}
    </>
  );
}
