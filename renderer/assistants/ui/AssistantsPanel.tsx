import { useEffect, useRef, useState } from 'react';
import { Copy, Download, Pencil, Play, Plus, Trash2, Upload } from 'lucide-react';
import { deleteAssistant, duplicateAssistant, newAssistantId, type AssistantDeletion } from '../store';
import { startFromAssistant } from '../setup';
import { downloadAssistant, importAssistantFile } from '../transfer';
import { useAssistantEditor, useAssistants, useStarters } from '../use-assistants';
import type { Assistant } from '../types';
import './assistants.css';

function modelsLine(a: Assistant): string {
  return a.columns.map((c) => c.label || c.model).join(', ') + (a.blind ? ' · blind' : '');
}

/** A blank assistant for the editor. */
export function blankAssistant(): Assistant {
  const now = Date.now();
  return { id: newAssistantId(), name: '', columns: [], createdAt: now, updatedAt: now };
}

/** The new-chat page's assistants: start a room from one, edit, duplicate, export, delete (with undo), import. */
export function AssistantsPanel() {
  const assistants = useAssistants();
  const starters = useStarters();
  const openEditor = useAssistantEditor((s) => s.open);
  const [deleted, setDeleted] = useState<AssistantDeletion | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!deleted) return;
    const t = setTimeout(() => setDeleted(null), 10_000);
    return () => clearTimeout(t);
  }, [deleted]);

  const act = (task: () => Promise<unknown>) => () => {
    setMessage(null);
    task().catch((err: unknown) => setMessage({ text: err instanceof Error ? err.message : String(err), error: true }));
  };

  return (
    <section className="assistants-panel" aria-label="Assistants">
      <div className="assistants-head">
        <h2>Assistants</h2>
        <button type="button" className="small" onClick={() => openEditor(blankAssistant(), true)}>
          <Plus size={14} aria-hidden /> New assistant
        </button>
        <button type="button" className="small" onClick={() => fileInput.current?.click()}>
          <Upload size={14} aria-hidden /> Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Import an assistant file"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) act(async () => setMessage({ text: `Imported “${(await importAssistantFile(file)).name}”.`, error: false }))();
          }}
        />
      </div>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      ) : null}
      {deleted ? (
        <p role="status" className="undo-delete">
          Deleted “{deleted.assistant.name}”.{' '}
          <button type="button" className="link" onClick={act(async () => (setDeleted(null), deleted.undo()))}>
            Undo
          </button>
        </p>
      ) : null}
      {assistants.length ? <h3 className="assistant-subhead">Yours</h3> : null}
      {assistants.length ? (
        <ul className="assistant-list" aria-label="Your assistants">
          {assistants.map((a) => (
            <li key={a.id} className="assistant-item">
              <button type="button" className="assistant-start" aria-label={`Start ${a.name}`} title={`Start a new chat with ${a.name}`} onClick={() => startFromAssistant(a)}>
                <Play size={14} aria-hidden />
                <span className="assistant-name">{a.name}</span>
              </button>
              <span className="assistant-models muted" title={modelsLine(a)}>
                {modelsLine(a)}
              </span>
              <span className="assistant-actions">
                <IconButton label={`Edit ${a.name}`} tip="Edit" onClick={() => openEditor(structuredClone(a))} icon={<Pencil size={14} aria-hidden />} />
                <IconButton label={`Duplicate ${a.name}`} tip="Duplicate" onClick={act(() => duplicateAssistant(a))} icon={<Copy size={14} aria-hidden />} />
                <IconButton label={`Export ${a.name}`} tip="Export as a file" onClick={() => downloadAssistant(a)} icon={<Download size={14} aria-hidden />} />
                <IconButton label={`Delete ${a.name}`} tip="Delete" danger onClick={act(async () => setDeleted(await deleteAssistant(a.id)))} icon={<Trash2 size={14} aria-hidden />} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {starters.length ? <h3 className="assistant-subhead">Starters</h3> : null}
      {starters.length ? (
        <ul className="assistant-list" aria-label="Starter assistants">
          {starters.map(({ assistant: a, missing }) => (
            <li key={a.id} className="assistant-item">
              <button type="button" className="assistant-start" aria-label={`Start ${a.name}`} title={a.description} disabled={a.columns.length === 0} onClick={() => startFromAssistant(a)}>
                <Play size={14} aria-hidden />
                <span className="assistant-name">{a.name}</span>
              </button>
              <span className="assistant-models muted" title={missing.length ? `Not in your catalog: ${missing.join(', ')}` : undefined}>
                {a.columns.length ? modelsLine(a) : 'None of its models is in your catalog.'}
                {missing.length && a.columns.length ? ` · not in your catalog: ${missing.join(', ')}` : ''}
              </span>
              <span className="assistant-actions">
                <IconButton label={`Copy ${a.name} to your assistants`} tip="Copy to your assistants" disabled={a.columns.length === 0} onClick={act(() => duplicateAssistant(a, a.name))} icon={<Copy size={14} aria-hidden />} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function IconButton({ label, tip, icon, onClick, danger, disabled }: { label: string; tip: string; icon: React.ReactNode; onClick: () => void; danger?: boolean; disabled?: boolean }) {
  return (
    <button type="button" className={danger ? 'small icon danger' : 'small icon'} aria-label={label} title={tip} onClick={onClick} disabled={disabled}>
      {icon}
    </button>
  );
}
