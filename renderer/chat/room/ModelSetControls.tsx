import { useState } from 'react';
import type { ColumnConfig } from '../../common/room/types';
import { newId, startDraft } from '../state/actions';
import { saveModelSet } from '../models/model-sets';
import { useModelSets } from '../models/use-model-sets';

/** Save the room's models as a named set; in a new chat, start from a saved set. */
export function ModelSetControls({ columns, isDraft }: { columns: ColumnConfig[]; isDraft: boolean }) {
  const sets = useModelSets();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('My compare set');
  return (
    <>
      {isDraft && sets.length ? (
        <select
          aria-label="Use a model set"
          value=""
          onChange={(e) => {
            const set = sets.find((s) => s.id === e.target.value);
            if (set) startDraft(set.columns);
          }}
        >
          <option value="">Model sets…</option>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.columns.length})
            </option>
          ))}
        </select>
      ) : null}
      {columns.length && !naming ? (
        <button type="button" className="small" aria-label="Save these models as a set" onClick={() => setNaming(true)}>
          Save set
        </button>
      ) : null}
      {naming ? (
        <form
          className="inline-form"
          aria-label="Save model set"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            setNaming(false);
            void saveModelSet({ id: newId(), name: name.trim(), createdAt: Date.now(), columns: columns.map((c) => ({ model: c.model, settings: c.settings })) });
          }}
        >
          <input aria-label="Model set name" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="small primary">Save</button>
          <button type="button" className="small" onClick={() => setNaming(false)}>Cancel</button>
        </form>
      ) : null}
    </>
  );
}
