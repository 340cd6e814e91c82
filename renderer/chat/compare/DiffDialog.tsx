import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { sideBySide, type DiffPart } from './word-diff';

export interface DiffChoice {
  id: string;
  /** "Answer B" while hidden, else the column's label */
  name: string;
  text: string;
}

function Pane({ title, parts }: { title: string; parts: DiffPart[] }) {
  return (
    <section className="diff-pane" aria-label={title}>
      <h3>{title}</h3>
      <div className="diff-text">
        {parts.map((p, i) =>
          p.kind === 'removed' ? (
            <del key={i} className="diff-removed">{p.text}</del>
          ) : p.kind === 'added' ? (
            <ins key={i} className="diff-added">{p.text}</ins>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </div>
    </section>
  );
}

/** Two answers of a turn side by side: words only in the left one struck through, words only in the right one marked. */
export function DiffDialog({ choices, onClose }: { choices: DiffChoice[]; onClose: () => void }) {
  const [leftId, setLeftId] = useState(choices[0]?.id ?? '');
  const [rightId, setRightId] = useState(choices[1]?.id ?? '');
  const left = choices.find((c) => c.id === leftId) ?? choices[0]!;
  const right = choices.find((c) => c.id === rightId) ?? choices[1]!;
  const diff = useMemo(() => sideBySide(left.text, right.text), [left.text, right.text]);
  const select = (label: string, value: string, set: (v: string) => void) => (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => set(e.target.value)}>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="diff-dialog" role="dialog" aria-modal="true" aria-label="Compare two answers">
        <div className="diff-bar">
          <h2>Compare two answers</h2>
          {select('Left answer', left.id, setLeftId)}
          {select('Right answer', right.id, setRightId)}
          <span className="muted diff-summary" role="status">
            {diff.granularity === 'none'
              ? 'These answers are too different to mark word by word.'
              : left.id === right.id
                ? 'The same answer on both sides.'
                : `${diff.removedWords} word${diff.removedWords === 1 ? '' : 's'} only on the left, ${diff.addedWords} only on the right${diff.granularity === 'lines' ? ' (compared line by line)' : ''}`}
          </span>
          <button type="button" className="small" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
        <div className="diff-panes">
          <Pane title={left.name} parts={diff.left} />
          <Pane title={right.name} parts={diff.right} />
        </div>
      </div>
    </div>,
    document.body,
  );
}
