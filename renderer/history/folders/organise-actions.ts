import { exportJson } from '../transfer/formats/export-json';
import { deleteConversation as softDelete, type DeletionHandle } from '../db/deletion';
import { createFolder, deleteFolder, listFolders, moveToFolder, renameFolder, restoreFolder, setArchived } from './folders-db';
import { clearSelection, setFilter, useOrganise, useUndoNotice } from './organise-store';
import { refreshConversations, removeConversationInMemory, useRoom } from '../../common/room/room-store';
import { stopAnswer } from '../../common/room/conversation-actions';
import { liveAnswers } from '../../common/room/live-answers';
import { downloadText, exportFileName } from '../transfer/ui/download';

// What the sidebar's folder, archive and bulk controls do: write IndexedDB, then refresh the lists in memory.

export async function loadFolders() {
  useOrganise.setState({ folders: await listFolders() });
}

async function refreshAll() {
  await Promise.all([loadFolders(), refreshConversations()]);
}

export async function addFolder(name: string) {
  const row = await createFolder(name);
  await loadFolders();
  return row;
}

export async function renameFolderNamed(id: string, name: string) {
  await renameFolder(id, name);
  await loadFolders();
}

export async function removeFolder(id: string) {
  const deleted = await deleteFolder(id);
  const { filter } = useOrganise.getState();
  if (filter.place.kind === 'folder' && filter.place.id === id) setFilter({ place: { kind: 'all' } });
  await refreshAll();
  const n = deleted.conversationIds.length;
  useUndoNotice.setState({
    notice: {
      text: `Deleted folder “${deleted.folder.name}”${n ? `; ${n} conversation${n === 1 ? '' : 's'} moved to no folder` : ''}.`,
      undo: async () => {
        await restoreFolder(deleted);
        await refreshAll();
      },
    },
  });
}

export async function moveConversations(ids: readonly string[], folderId: string | null) {
  await moveToFolder(ids, folderId);
  clearSelection();
  await refreshConversations();
}

export async function archiveConversations(ids: readonly string[], archived: boolean) {
  await setArchived(ids, archived);
  clearSelection();
  await refreshConversations();
  const n = ids.length;
  useUndoNotice.setState({
    notice: {
      text: `${archived ? 'Archived' : 'Unarchived'} ${n === 1 ? 'one conversation' : `${n} conversations`}.`,
      undo: async () => {
        await setArchived(ids, !archived);
        await refreshConversations();
      },
    },
  });
}

/** Deletes conversations, undoable together for the usual undo window. */
export async function deleteConversations(ids: readonly string[]) {
  const handles: DeletionHandle[] = [];
  for (const id of ids) {
    for (const e of liveAnswers.all()) if (e.conversationId === id) await stopAnswer(e.messageId);
    handles.push(await softDelete(id));
    removeConversationInMemory(id);
  }
  clearSelection();
  const n = handles.length;
  useUndoNotice.setState({
    notice: {
      text: `Deleted ${n === 1 ? 'one conversation' : `${n} conversations`}.`,
      undo: async () => {
        for (const h of handles) await h.undo();
        await refreshConversations();
      },
    },
  });
}

export async function exportConversations(ids: readonly string[]) {
  const n = ids.length;
  const title = n === 1 ? (useRoom.getState().conversations.find((c) => c.id === ids[0])?.title ?? '') : `${n} conversations`;
  downloadText(await exportJson([...ids], { veilBlindTurns: true }), exportFileName(title, 'json'), 'application/json');
}
