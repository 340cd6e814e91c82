import { Ellipsis } from 'lucide-react';
import { PopupMenu } from './PopupMenu';
import { useOrganise } from './organise-store';
import { archiveConversations, exportConversations, moveConversations } from './organise-actions';
import { folderChoices } from './folder-choices';
import type { ConversationRow } from '../db/types';

/** "⋯" on a conversation row: Move to folder…, Archive or Unarchive, Export. The keyboard's way to do what
 * dragging does. */
export function RowMenu({ conversation: c }: { conversation: ConversationRow }) {
  const folders = useOrganise((s) => s.folders);
  const title = c.title || 'New chat';
  return (
    <PopupMenu
      label={`Actions for ${title}`}
      title="More actions"
      className="conversation-menu"
      icon={<Ellipsis size={16} aria-hidden />}
      items={[
        { text: 'Move to folder…', submenu: folderChoices(folders, c.folderId ?? null, (f) => void moveConversations([c.id], f)) },
        c.archived === 1 ? { text: 'Unarchive', onSelect: () => void archiveConversations([c.id], false) } : { text: 'Archive', onSelect: () => void archiveConversations([c.id], true) },
        { text: 'Export', onSelect: () => void exportConversations([c.id]) },
      ]}
    />
  );
}
