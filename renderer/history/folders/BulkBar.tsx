import { Archive, ArchiveRestore, Download, FolderInput, Trash2, X } from 'lucide-react';
import { PopupMenu } from './PopupMenu';
import { clearSelection, useOrganise } from './organise-store';
import { archiveConversations, deleteConversations, exportConversations, moveConversations } from './organise-actions';
import { folderChoices } from './folder-choices';
import { useUi } from '../../common/ui-store';

/** Shown while conversations are selected: move, archive, export or delete them together. */
export function BulkBar() {
  const selected = useOrganise((s) => s.selected);
  const folders = useOrganise((s) => s.folders);
  const archivedView = useOrganise((s) => s.filter.place.kind === 'archived');
  if (selected.size === 0) return null;
  const ids = [...selected];
  const n = ids.length;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected conversations">
      <span className="bulk-count" role="status">
        {n} selected
      </span>
      <PopupMenu label={`Move ${n} selected to folder`} title="Move to folder…" icon={<FolderInput size={16} aria-hidden />} items={folderChoices(folders, undefined, (f) => void moveConversations(ids, f))} />
      <button
        type="button"
        className="icon-button"
        aria-label={archivedView ? `Unarchive ${n} selected` : `Archive ${n} selected`}
        title={archivedView ? 'Unarchive' : 'Archive'}
        onClick={() => void archiveConversations(ids, !archivedView)}
      >
        {archivedView ? <ArchiveRestore size={16} aria-hidden /> : <Archive size={16} aria-hidden />}
      </button>
      <button type="button" className="icon-button" aria-label={`Export ${n} selected`} title="Export as JSON" onClick={() => void exportConversations(ids)}>
        <Download size={16} aria-hidden />
      </button>
      <button
        type="button"
        className="icon-button danger"
        aria-label={`Delete ${n} selected`}
        title="Delete"
        onClick={() => {
          const ui = useUi.getState();
          if (ui.view.kind === 'room' && ui.view.conversationId && selected.has(ui.view.conversationId)) ui.openRoom(null);
          void deleteConversations(ids);
        }}
      >
        <Trash2 size={16} aria-hidden />
      </button>
      <button type="button" className="icon-button" aria-label="Clear the selection" title="Clear the selection (Escape)" onClick={clearSelection}>
        <X size={16} aria-hidden />
      </button>
    </div>
  );
}
