import { useState, type MouseEvent } from 'react';
import { downloadConversationJson, downloadConversationMarkdown } from './exports';

/** "Export" for the open conversation: every branch as Parley JSON, or the shown branch as Markdown. */
export function ExportMenu({ conversationId, title }: { conversationId: string; title: string }) {
  const [error, setError] = useState<string | null>(null);
  const run = (task: () => Promise<unknown>) => (e: MouseEvent<HTMLButtonElement>) => {
    e.currentTarget.closest('details')?.removeAttribute('open');
    setError(null);
    task().catch((err: unknown) => setError(err instanceof Error ? err.message : 'unknown error'));
  };
  return (
    <span className="export-control">
      <details className="export-menu">
        <summary className="small">Export</summary>
        <div className="export-menu-items">
          <button type="button" className="small" onClick={run(() => downloadConversationJson(conversationId, title))}>
            Export as JSON
          </button>
          <button type="button" className="small" onClick={run(() => downloadConversationMarkdown(conversationId, title))}>
            Export as Markdown
          </button>
        </div>
      </details>
      {error ? <span role="alert" className="error">Export failed: {error}</span> : null}
    </span>
  );
}
