import { startDraft, roomColumns } from '../state/actions';
import { useRoom } from '../state/room-store';
import { useUi } from '../../app/ui-store';

/** A new, empty room with the same models (blind mode and layout) as the one open now (not stored until its first prompt). */
export function newChat() {
  const s = useRoom.getState();
  useRoom.setState({ draftBlind: s.conversation ? !!s.conversation.blind : s.draftBlind, draftLayout: s.conversation ? s.conversation.layout : s.draftLayout });
  startDraft(roomColumns());
  useUi.getState().openRoom(null);
}
