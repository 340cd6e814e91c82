import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { X } from 'lucide-react';
import { useModels } from '../../common/models/use-models';
import { saveAssistant } from '../store';
import { useAssistantEditor } from '../use-assistants';
import type { Assistant } from '../types';
import { settingsSummary } from './settings-summary';
import './assistants.css';

/** The dialog that creates or edits an assistant: name, description, system prompt, models, blind. */
export function AssistantEditor() {
  const editing = useAssistantEditor((s) => s.editing);
  const isNew = useAssistantEditor((s) => s.isNew);
  const close = useAssistantEditor((s) => s.close);
  if (!editing) return null;
  return <EditorDialog key={editing.id} initial={editing} isNew={isNew} close={close} />;
}

function EditorDialog({ initial, isNew, close }: { initial: Assistant; isNew: boolean; close: () => void }) {
  const [a, setA] = useState<Assistant>(initial);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { models } = useModels();
  const listId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const addModel = () => {
    const slug = adding.trim();
    if (!slug) return;
    setA({ ...a, columns: [...a.columns, { model: slug, settings: {} }] });
    setAdding('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!a.name.trim()) return setError('Give the assistant a name.');
    if (!a.columns.length) return setError('Add at least one model.');
    saveAssistant({ ...a, ...(a.systemPrompt?.trim() ? { systemPrompt: a.systemPrompt } : { systemPrompt: undefined }) }).then(close, (err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form
        className="assistant-editor"
        role="dialog"
        aria-modal="true"
        aria-label={isNew ? 'New assistant' : `Edit assistant ${initial.name}`}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <h2>{isNew ? 'New assistant' : 'Edit assistant'}</h2>
        <label>
          Name
          <input ref={nameRef} value={a.name} onChange={(e) => setA({ ...a, name: e.target.value })} maxLength={200} />
        </label>
        <label>
          Description
          <input value={a.description ?? ''} onChange={(e) => setA({ ...a, description: e.target.value || undefined })} maxLength={2000} />
        </label>
        <label>
          System prompt
          <textarea rows={4} value={a.systemPrompt ?? ''} onChange={(e) => setA({ ...a, systemPrompt: e.target.value })} placeholder="Sent by every model that has no system prompt of its own" />
        </label>
        <fieldset>
          <legend>Models</legend>
          {a.columns.length === 0 ? <p className="muted">No model yet.</p> : null}
          <ul className="assistant-editor-models" aria-label="Models of this assistant">
            {a.columns.map((c, i) => (
              <li key={`${i}:${c.model}`}>
                <span className="assistant-editor-model">{c.model}</span>
                <span className="muted">{settingsSummary(c.settings)}</span>
                <button type="button" className="small icon" aria-label={`Remove ${c.model}`} title="Remove" onClick={() => setA({ ...a, columns: a.columns.filter((_, j) => j !== i) })}>
                  <X size={14} aria-hidden />
                </button>
              </li>
            ))}
          </ul>
          <div className="assistant-editor-add">
            <input
              aria-label="Model to add"
              list={listId}
              placeholder="provider/model, e.g. openai/gpt-5"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addModel();
                }
              }}
            />
            <datalist id={listId}>
              {models.slice(0, 500).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </datalist>
            <button type="button" className="small" onClick={addModel}>
              Add model
            </button>
          </div>
          <p className="muted assistant-editor-hint">Column settings (temperature, providers, web search…) come from a room: set them there and use “Save as assistant”.</p>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={!!a.blind} onChange={(e) => setA({ ...a, blind: e.target.checked || undefined })} /> Blind: hide model names until you vote
        </label>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <div className="assistant-editor-buttons">
          <button type="button" className="small" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="small primary">
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
