import { FolderNav } from './FolderNav';
import { ListFilters } from './ListFilters';
import { BulkBar } from './BulkBar';
import { UndoNoticeBar } from './UndoNotice';
import './folders.css';

/** Above the conversation list: folders, filters, what to do with the selection, and the last undo. */
export function OrganiseBar() {
  return (
    <>
      <FolderNav />
      <ListFilters />
      <UndoNoticeBar />
      <BulkBar />
    </>
  );
}
