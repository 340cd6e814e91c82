import { startDraft, roomColumns } from '../state/actions';
import { useRoom } from '../../common/room/room-store';
import { useUi } from '../../common/ui-store';
import { roomOptionsOf } from '../../common/room/room-origin';

/** A new, empty room with the same models (blind mode and layout) as the one open now (not stored until its first prompt). */
export function newChat() {
  const s = useRoom.getState();
  useRoom.setState({ draftBlind: s.conversation ? !!s.conversation.blind : s.draftBlind, draftLayout: s.conversation ? s.conversation.layout : s.draftLayout });
  const from = s.conversation ? roomOptionsOf(s.conversation) : s.draftAssistant;
  startDraft(roomColumns());
  useRoom.setState({ draftAssistant: from });
  useUi.getState().openRoom(null);
}
