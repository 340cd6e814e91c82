import { useEffect, useState } from 'react';
import { formatMoment } from '../../../shared/format/dates';
import { useRoom, refreshConversations } from '../../common/room/room-store';
import { deleteConversation, undoDeleteConversation } from '../../common/room/conversation-actions';
import { liveAnswers } from '../../common/room/live-answers';
import { useSyncExternalStore } from 'react';
import { useUi } from '../../common/ui-store';
import { useRouteValue } from '../../bridge/use-route-value';
import { filterConversations } from '../folders/list-filter';
import { useOrganise } from '../folders/organise-store';
import { onRowKeyDown, onRowKeyUp, selectByClick } from '../folders/row-keys';
import { startDrag } from '../folders/drag';
import { RowMenu } from '../folders/RowMenu';

function useStreamingConversations(): Set<string> {
  const key = useSyncExternalStore(liveAnswers.subscribeSet, () =>
    [...new Set(liveAnswers.all().filter((e) => e.status === 'streaming').map((e) => e.conversationId))].sort().join(','),
  );
  return new Set(key ? key.split(',') : []);
}


/** The conversations stored on this device, newest first; a dot marks those still answering. */
export function ConversationList() {
  const conversations = useRoom((s) => s.conversations);
  const view = useUi((s) => s.view);
  const openRoom = useUi((s) => s.openRoom);
  const streaming = useStreamingConversations();
  const { value: keys } = useRouteValue('keys.list', {}, 'keys.changed');
  const currentId = view.kind === 'room' ? view.conversationId : null;
  const [deleted, setDeleted] = useState<{ title: string } | null>(null);
  const filter = useOrganise((s) => s.filter);
  const selected = useOrganise((s) => s.selected);
  const shown = filterConversations(conversations, filter);
  const shownIds = shown.map((c) => c.id);

  useEffect(() => {
    if (!deleted) return;
    const t = setTimeout(() => setDeleted(null), 10_000);
    return () => clearTimeout(t);
  }, [deleted]);

  const undo = deleted ? (
    <p className="undo-delete" role="status">
      Deleted “{deleted.title}”.{' '}
      <button
        type="button"
        className="link"
        onClick={() => {
          setDeleted(null);
          void undoDeleteConversation().then((id) => id && openRoom(id));
        }}
      >
        Undo
      </button>
    </p>
  ) : null;

  useEffect(() => {
    void refreshConversations();
  }, []);

  // shown also for the few milliseconds before the list is read, so the first paint never has a blank sidebar
  if (conversations.length === 0) {
    return (
      <div className="conversation-list" aria-label="Conversation list">
        {undo}
        <p className="empty-state">
          {/* the same fact as the welcome pane: a key is asked for only while none is configured */}
          No conversations yet. {keys?.length === 0 ? 'Add a provider key in Settings, then start' : 'Start'} a new chat to send one prompt to
          several models side by side.
        </p>
      </div>
    );
  }
  return (
    <>
    {undo}
    {shown.length === 0 ? <p className="empty-state">No conversations here.</p> : null}
    <ul className="conversation-list" aria-label="Conversation list" aria-multiselectable="true">
      {shown.map((c) => (
        <li
          key={c.id}
          className={[c.id === currentId ? 'current' : '', selected.has(c.id) ? 'selected' : ''].join(' ').trim()}
          draggable
          onDragStart={(e) => startDrag(e, selected.has(c.id) ? [...selected] : [c.id])}
        >
          <button
            type="button"
            className="conversation-item"
            data-id={c.id}
            aria-current={c.id === currentId ? 'page' : undefined}
            onClick={(e) => {
              if (!selectByClick(e, c.id, shownIds)) openRoom(c.id);
            }}
            onKeyDown={(e) => onRowKeyDown(e, c.id)}
            onKeyUp={onRowKeyUp}
          >
            <span className="conversation-title">{c.title || 'New chat'}</span>
            {selected.has(c.id) ? <span className="visually-hidden">, selected</span> : null}
            <span className="conversation-meta muted">
              {streaming.has(c.id) ? <span className="live-dot" aria-label="answering">● </span> : null}
              {c.columns.length} model{c.columns.length === 1 ? '' : 's'} · {formatMoment(c.updatedAt)}
            </span>
          </button>
          <RowMenu conversation={c} />
          <button
            type="button"
            className="small danger conversation-delete"
            aria-label={`Delete conversation ${c.title}`}
            onClick={() => {
              void deleteConversation(c.id).then(() => setDeleted({ title: c.title || 'New chat' }));
              if (c.id === currentId) openRoom(null);
            }}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
    </>
  );
}
