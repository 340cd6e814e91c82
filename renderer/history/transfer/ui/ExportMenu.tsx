import { useEffect, useId, useRef, useState } from 'react';
import { downloadConversationJson, downloadConversationMarkdown } from './exports';

/** "Export" for the open conversation: every branch as Parley JSON, or the shown branch as Markdown. A button
 * like its neighbours in the room bar, opening a small list of choices (Escape or a click elsewhere closes it). */
export function ExportMenu({ conversationId, title }: { conversationId: string; title: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLSpanElement>(null);
  const menuId = useId();
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  const run = (task: () => Promise<unknown>) => () => {
    setOpen(false);
    setError(null);
    task().catch((err: unknown) => setError(err instanceof Error ? err.message : 'unknown error'));
  };
  return (
    <span
      className="export-control"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button type="button" className="small" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        Export
      </button>
      {open ? (
        <div className="export-menu-items" id={menuId} role="group" aria-label="Export this conversation">
          <button type="button" className="small" onClick={run(() => downloadConversationJson(conversationId, title))}>
            Export as JSON
          </button>
          <button type="button" className="small" onClick={run(() => downloadConversationMarkdown(conversationId, title))}>
            Export as Markdown
          </button>
        </div>
      ) : null}
      {error ? <span role="alert" className="error">Export failed: {error}</span> : null}
    </span>
  );
}
