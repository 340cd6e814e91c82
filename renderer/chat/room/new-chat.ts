import { startDraft, roomColumns } from '../state/actions';
import { useUi } from '../../app/ui-store';

/** A new, empty room with the same models as the one open now (not stored until its first prompt). */
export function newChat() {
  startDraft(roomColumns());
  useUi.getState().openRoom(null);
}
