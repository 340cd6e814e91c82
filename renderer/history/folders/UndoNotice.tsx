import { useEffect } from 'react';
import { useUndoNotice } from './organise-store';
import { DEFAULT_UNDO_MS } from '../db/deletion';

/** "Deleted 2 conversations. Undo", for as long as deleted conversations can still come back. */
export function UndoNoticeBar() {
  const notice = useUndoNotice((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => useUndoNotice.setState((s) => (s.notice === notice ? { notice: null } : s)), DEFAULT_UNDO_MS);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return null;
  return (
    <p className="undo-delete" role="status">
      {notice.text}{' '}
      <button
        type="button"
        className="link"
        onClick={() => {
          useUndoNotice.setState({ notice: null });
          void notice.undo();
        }}
      >
        Undo
      </button>
    </p>
  );
}
