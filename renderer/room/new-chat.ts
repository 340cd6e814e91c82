import { startDraft, roomColumns } from '../chat-state/actions';
import { useUi } from '../state/ui-store';

/** A new, empty room with the same models as the one open now (not stored until its first prompt). */
export function newChat() {
  startDraft(roomColumns());
  useUi.getState().openRoom(null);
}
