import { useRoom } from '../common/room/room-store';
import { startDraft } from '../chat/state/actions';
import { deleteSetting, getSetting, setSetting } from '../history/db/settings';
import { useUi } from '../common/ui-store';
import type { ColumnConfig } from '../history/db/types';

// A new chat's models, chosen but not sent yet, kept with the history so a restart reopens the same new chat.

const KEY = 'ui.draftColumns';

type StoredColumn = Pick<ColumnConfig, 'model' | 'settings'>;

/** Stores every change of the new chat's models; returns the stop function. */
export function rememberDraft(): () => void {
  return useRoom.subscribe((s, prev) => {
    if (s.draftColumns === prev.draftColumns) return;
    const columns: StoredColumn[] = s.draftColumns.map((c) => ({ model: c.model, settings: c.settings }));
    void (columns.length ? setSetting(KEY, columns) : deleteSetting(KEY)).catch(() => {});
  });
}

/** Puts the stored models back into the new chat, when the app opened on an empty new chat. */
export async function restoreDraft(): Promise<void> {
  const saved = await getSetting<StoredColumn[]>(KEY).catch(() => undefined);
  if (!Array.isArray(saved) || !saved.length) return;
  const view = useUi.getState().view;
  const s = useRoom.getState();
  if (view.kind !== 'room' || view.conversationId !== null || s.conversation || s.draftColumns.length) return;
  startDraft(saved.filter((c) => typeof c?.model === 'string').map((c) => ({ model: c.model, settings: c.settings ?? {} })));
}
