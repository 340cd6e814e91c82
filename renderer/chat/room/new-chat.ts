import { startDraft, roomColumns } from '../state/actions';
import { useRoom } from '../../common/room/room-store';
import { useUi } from '../../common/ui-store';

/** A new, empty room with the same models (and blind mode) as the one open now (not stored until its first prompt). */
export function newChat() {
  const s = useRoom.getState();
  useRoom.setState({ draftBlind: s.conversation ? !!s.conversation.blind : s.draftBlind });
  startDraft(roomColumns());
  useUi.getState().openRoom(null);
}
