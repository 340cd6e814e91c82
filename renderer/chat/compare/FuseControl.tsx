import { useState } from 'react';
import type { ColumnConfig } from '../../common/room/types';
import { fuseTurn } from '../state/fuse';
import { usePicker } from '../models/picker-store';

/** "Fuse these answers": pick the model that writes one answer from the turn's answers (a room model, or any). */
export function FuseControl({ promptId, columns, busy }: { promptId: string; columns: ColumnConfig[]; busy: boolean }) {
  const models = [...new Set(columns.map((c) => c.model))];
  const [open, setOpen] = useState(false);
  const [model, setModel] = useState(models[0] ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const openPicker = usePicker((s) => s.open);
  const chosen = models.includes(model) ? model : (models[0] ?? '');
  if (!open) {
    return (
      <button type="button" className="small" aria-expanded={false} onClick={() => setOpen(true)} disabled={busy}>
        Fuse…
      </button>
    );
  }
  return (
    <span className="fuse-form" role="group" aria-label="Fuse these answers">
      <label>
        Fuse with{' '}
        <select aria-label="Model that writes the fused answer" value={chosen} onChange={(e) => setModel(e.target.value)}>
          {models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="small primary"
        disabled={busy || !chosen}
        onClick={() => {
          setProblem(null);
          fuseTurn(promptId, chosen).then(
            () => setOpen(false),
            (err: Error) => setProblem(err.message),
          );
        }}
      >
        Fuse these answers
      </button>
      <button
        type="button"
        className="small"
        onClick={() => {
          setOpen(false);
          openPicker({ kind: 'fuse', promptId });
        }}
      >
        Another model…
      </button>
      <button type="button" className="small link" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {problem ? <span className="error" role="alert">{problem}</span> : null}
    </span>
  );
}
