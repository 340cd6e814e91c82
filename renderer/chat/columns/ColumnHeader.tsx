import { memo, useState } from 'react';
import { createPortal } from 'react-dom';
import './columns.css';
import type { ColumnConfig } from '../../common/room/types';
import { removeColumn, stopAnswer } from '../state/actions';
import { totalsLabel, type Totals } from '../messages/stats-text';
import { usePicker } from '../models/picker-store';
import { ColumnSettingsPanel } from './ColumnSettingsPanel';
import { ColumnWebSearchNote } from '../web-search/ColumnWebSearchNote';

/** A column's model, its running totals, and its controls (stop, settings, change model, remove). */
export const ColumnHeader = memo(function ColumnHeader({ column, label, totals, streamingMessageId, anonymous = false, nextContext = null }: {
  column: ColumnConfig;
  label: string;
  /** a blind turn awaits its vote: the header names neither the model nor the column's spend */
  anonymous?: boolean;
  totals: Totals;
  streamingMessageId: string | null;
  /** what this column will send with the next prompt ("Next prompt: 2 own + 1 from claude") */
  nextContext?: string | null;
}) {
  const [open, setOpen] = useState(false);
  const openPicker = usePicker((s) => s.open);
  return (
    <div className="column-header" role="group" aria-label={anonymous ? label : `Column ${label}`}>
      <div className="column-title">
        <strong title={anonymous ? undefined : column.model}>{label}</strong>
        <span className="column-totals muted" aria-label={`Totals for ${label}`}>{anonymous ? 'hidden until you vote' : totalsLabel(totals)}</span>
        {nextContext && !anonymous ? <span className="column-context muted" aria-label={`What ${label} receives next`}>{nextContext}</span> : null}
        {column.settings.webSearch?.enabled && !anonymous ? <ColumnWebSearchNote column={column} /> : null}
      </div>
      {anonymous ? (
        // Per-column controls would tie this column to the answer they act on (a Stop that vanishes as one answer
        // ends, a removed column's answer leaving the turn): the room's "Stop all" stops a blind turn.
        <div className="column-controls muted">controls after your vote</div>
      ) : (
        <div className="column-controls">
          {streamingMessageId ? (
            <button type="button" className="small" aria-label={`Stop column ${label}`} onClick={() => void stopAnswer(streamingMessageId)}>
              Stop
            </button>
          ) : null}
          <button type="button" className="small" aria-expanded={open} aria-label={`Settings for ${label}`} onClick={() => setOpen((o) => !o)}>
            Settings
          </button>
          <button type="button" className="small" aria-label={`Change model of ${label}`} onClick={() => openPicker({ kind: 'change-column', columnId: column.id })}>
            Model
          </button>
          <button type="button" className="small danger" aria-label={`Remove column ${label}`} onClick={() => void removeColumn(column.id)}>
            ×
          </button>
        </div>
      )}
      {open && !anonymous
        ? createPortal(
            <div
              className="modal-backdrop"
              role="dialog"
              aria-modal="true"
              aria-label={`Settings for column ${label}`}
              onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setOpen(false);
                }
              }}
            >
              <ColumnSettingsPanel column={column} label={label} onClose={() => setOpen(false)} />
            </div>,
            document.body,
          )
        : null}
    </div>
  );
});
