import { useId, useState, type KeyboardEvent } from 'react';
import { Columns3, LayoutGrid, Rows3, type LucideIcon } from 'lucide-react';
import { LAYOUTS, type RoomLayout, type ShownLayout } from './room-layout';
import { setRoomLayout } from './set-layout';
import './layout.css';

const ICONS: Record<RoomLayout, LucideIcon> = { side: Columns3, grid: LayoutGrid, stacked: Rows3 };

/** The room's layout: three icon buttons acting as one radio group (arrow keys move between them). When the room
 * is too narrow for the layout chosen it is drawn stacked, and the control says so. */
export function LayoutControl({ chosen, shown }: { chosen: RoomLayout; shown: ShownLayout }) {
  const noteId = useId();
  // shown at once; the stored room follows (and puts it back if the write fails)
  const [pending, setPending] = useState<RoomLayout | null>(null);
  const current = pending ?? chosen;
  const choose = (value: RoomLayout) => {
    if (value === current) return;
    setPending(value);
    void setRoomLayout(value)
      .catch((err: Error) => console.error('could not save the layout:', err.message))
      .finally(() => setPending(null));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const i = LAYOUTS.findIndex((l) => l.value === current);
    const next = LAYOUTS[(i + step + LAYOUTS.length) % LAYOUTS.length]!.value;
    choose(next);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-layout="${next}"]`)?.focus();
  };
  return (
    <div className="layout-control" role="radiogroup" aria-label="Layout" aria-describedby={shown.auto ? noteId : undefined} onKeyDown={onKeyDown}>
      {LAYOUTS.map(({ value, name }) => {
        const Icon = ICONS[value];
        const checked = current === value;
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={name}
            title={name}
            data-layout={value}
            tabIndex={checked ? 0 : -1}
            className={shown.auto && value === 'stacked' ? 'shown-auto' : undefined}
            onClick={() => choose(value)}
          >
            <Icon aria-hidden />
          </button>
        );
      })}
      {shown.auto ? (
        <span id={noteId} className="layout-note" title="The window is too narrow for two columns side by side, so the answers are stacked">
          Stacked: narrow window
        </span>
      ) : null}
    </div>
  );
}
