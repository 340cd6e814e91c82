import { useEffect, useState, type DragEvent, type ReactNode } from 'react';
import { Archive, Folder, FolderPlus, Inbox, Pencil, Trash2 } from 'lucide-react';
import { setFilter, useOrganise } from './organise-store';
import { addFolder, loadFolders, moveConversations, removeFolder, renameFolderNamed } from './organise-actions';
import { droppedIds, isConversationDrag } from './drag';
import { useRoom } from '../../common/room/room-store';
import type { Place } from './list-filter';

function samePlace(a: Place, b: Place) {
  return a.kind === b.kind && (a.kind !== 'folder' || (b.kind === 'folder' && a.id === b.id));
}

/** A name field for a new or renamed folder: Enter saves, Escape cancels; a refused name says why. */
function NameField({ initial, label, onSave, onDone }: { initial: string; label: string; onSave: (name: string) => Promise<unknown>; onDone: () => void }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = () =>
    onSave(name).then(onDone, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  return (
    <div className="folder-name-field">
      <input
        autoFocus
        aria-label={label}
        value={name}
        maxLength={60}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          else if (e.key === 'Escape') {
            e.stopPropagation();
            onDone();
          }
        }}
        onBlur={() => {
          if (!name.trim() || name === initial) onDone();
        }}
      />
      {error ? (
        <p className="folder-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The sidebar's places: every conversation, each folder (a drop target), and Archived. */
export function FolderNav() {
  const folders = useOrganise((s) => s.folders);
  const place = useOrganise((s) => s.filter.place);
  const conversations = useRoom((s) => s.conversations);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);

  useEffect(() => void loadFolders(), []);

  const counts = new Map<string, number>();
  for (const c of conversations) if (c.folderId && c.archived !== 1) counts.set(c.folderId, (counts.get(c.folderId) ?? 0) + 1);

  const dropProps = (folderId: string) => ({
    onDragOver: (e: DragEvent) => {
      if (!isConversationDrag(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setDropOn(folderId);
    },
    onDragLeave: () => setDropOn((d) => (d === folderId ? null : d)),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDropOn(null);
      const ids = droppedIds(e);
      if (ids.length) void moveConversations(ids, folderId);
    },
  });

  const placeButton = (p: Place, text: string, icon: ReactNode, count?: number) => (
    <button type="button" className="folder-place" aria-current={samePlace(place, p) ? 'true' : undefined} onClick={() => setFilter({ place: p })}>
      {icon}
      <span className="folder-place-name">{text}</span>
      {count ? <span className="folder-count muted">{count}</span> : null}
    </button>
  );

  return (
    <div className="folder-nav" role="group" aria-label="Folders">
      <div className="folder-nav-head">
        <h2 className="sidebar-heading">Folders</h2>
        <button type="button" className="icon-button" aria-label="New folder" title="New folder" onClick={() => setCreating(true)}>
          <FolderPlus size={16} aria-hidden />
        </button>
      </div>
      <ul className="folder-list">
        <li>{placeButton({ kind: 'all' }, 'All conversations', <Inbox size={14} aria-hidden />)}</li>
        {folders.map((f) => (
          <li key={f.id} className={dropOn === f.id ? 'folder drop-target' : 'folder'} data-folder={f.name} {...dropProps(f.id)}>
            {renaming === f.id ? (
              <NameField initial={f.name} label={`New name for folder ${f.name}`} onSave={(n) => renameFolderNamed(f.id, n)} onDone={() => setRenaming(null)} />
            ) : (
              <>
                {placeButton({ kind: 'folder', id: f.id }, f.name, <Folder size={14} aria-hidden />, counts.get(f.id))}
                <button type="button" className="icon-button folder-tool" aria-label={`Rename folder ${f.name}`} title="Rename" onClick={() => setRenaming(f.id)}>
                  <Pencil size={14} aria-hidden />
                </button>
                <button type="button" className="icon-button folder-tool" aria-label={`Delete folder ${f.name}`} title="Delete folder (its conversations stay)" onClick={() => void removeFolder(f.id)}>
                  <Trash2 size={14} aria-hidden />
                </button>
              </>
            )}
          </li>
        ))}
        {creating ? (
          <li>
            <NameField initial="" label="Folder name" onSave={addFolder} onDone={() => setCreating(false)} />
          </li>
        ) : null}
        <li>{placeButton({ kind: 'archived' }, 'Archived', <Archive size={14} aria-hidden />)}</li>
      </ul>
    </div>
  );
}
