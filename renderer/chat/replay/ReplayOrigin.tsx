import { useUi } from '../../common/ui-store';
import { useRoom } from '../../common/room/room-store';

/** Under a replay room's prompt: the room it was first asked in, one click back to that turn. */
export function ReplayOrigin({ of }: { of: { conversationId: string; promptId: string } }) {
  const openMessage = useUi((s) => s.openMessage);
  const title = useRoom((s) => s.conversations.find((c) => c.id === of.conversationId)?.title);
  return (
    <p className="replay-origin muted">
      Replayed from{' '}
      <button type="button" className="link" onClick={() => openMessage(of.conversationId, of.promptId)}>
        {title ? `“${title}”` : 'a deleted room'}
      </button>
    </p>
  );
}
