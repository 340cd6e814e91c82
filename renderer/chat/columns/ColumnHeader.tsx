import { memo, useState } from 'react';
import { createPortal } from 'react-dom';
import './columns.css';
import type { ColumnConfig } from '../../common/room/types';
import { removeColumn } from '../state/actions';
import { totalsParts, type Totals } from '../messages/stats-text';
import { usePicker } from '../models/picker-store';
import { ColumnSettingsPanel } from './ColumnSettingsPanel';
import { ColumnWebSearchNote } from '../web-search/ColumnWebSearchNote';
import { ColumnToolNote } from '../tools/ColumnToolNote';
import { ContextMeter } from '../context/ContextMeter';
import type { MessageRow } from '../../common/room/types';
import { ColumnMenu } from './ColumnMenu';
import { ProviderBadge, modelMaker } from '../messages/ProviderBadge';

/** A column on one line: its model with a maker badge, its running totals, its context meter and a "⋯" menu (Column
 * settings, Model, Remove). What the column sends with the next prompt is its tooltip and the menu's first line. */
export const ColumnHeader = memo(function ColumnHeader({ column, label, totals, anonymous = false, nextContext = null, contextHistory }: {
  column: ColumnConfig;
  label: string;
  /** a blind turn awaits its vote: the header names neither the model nor the column's spend */
  anonymous?: boolean;
  totals: Totals;
  /** what this column will send with the next prompt ("Next prompt: 2 own + 1 from claude") */
  nextContext?: string | null;
  /** the history the next prompt carries, for the context meter */
  contextHistory?: MessageRow[];
}) {
  const [open, setOpen] = useState(false);
  const openPicker = usePicker((s) => s.open);
  const maker = anonymous ? null : modelMaker(column.model);
  const parts = anonymous ? null : totalsParts(totals);
  return (
    <div className="column-header" role="group" aria-label={anonymous ? label : `Column ${label}`} title={anonymous ? undefined : (nextContext ?? undefined)}>
      <strong className="column-name" title={anonymous ? undefined : column.model}>{label}</strong>
      {maker ? <ProviderBadge name={maker} title={`Made by ${maker}`} /> : null}
      {parts ? (
        <span className="column-totals muted" aria-label={`Totals for ${label}`} title={parts.cost + parts.rest}>
          <span className="column-cost">{parts.cost}</span>
          <span className="column-tokens">
            <span className="column-tokens-in">{parts.tokensIn}</span>
            {parts.tokensOut}
            <span className="column-cache-saved">{parts.saved}</span>
          </span>
        </span>
      ) : (
        <span className="column-totals muted" aria-label={`Totals for ${label}`}>hidden until you vote</span>
      )}
      {nextContext && !anonymous ? <span className="visually-hidden" aria-label={`What ${label} receives next`}>{nextContext}</span> : null}
      {column.settings.webSearch?.enabled && !anonymous ? <ColumnWebSearchNote column={column} /> : null}
      {anonymous ? null : <ColumnToolNote column={column} />}
      {contextHistory && !anonymous ? <ContextMeter column={column} label={label} history={contextHistory} /> : null}
      {anonymous ? null : (
        // Blind turns awaiting a vote have no per-column controls: they would tie a column to the answer they act on.
        <ColumnMenu
          columnLabel={label}
          note={nextContext}
          items={[
            { text: 'Column settings', label: `Column settings for ${label}`, onSelect: () => setOpen(true) },
            { text: 'Model', label: `Change model of ${label}`, onSelect: () => openPicker({ kind: 'change-column', columnId: column.id }) },
            { text: 'Remove', label: `Remove column ${label}`, danger: true, onSelect: () => void removeColumn(column.id) },
          ]}
        />
      )}
      {open && !anonymous
        ? createPortal(
            <div
              className="modal-backdrop"
              role="dialog"
              aria-modal="true"
              aria-label={`Column settings for ${label}`}
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
