import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { Ellipsis } from 'lucide-react';

export interface ColumnMenuItem {
  /** what the item says */
  text: string;
  /** its accessible name, naming the column */
  label: string;
  danger?: boolean;
  onSelect: () => void;
}

/** "⋯" beside a column's name: a small menu (Column settings, Model, Remove). It opens over the room in a portal,
 * since the columns bar clips what overflows it; arrows move between items, Escape closes it. */
export function ColumnMenu({ columnLabel, items, note }: { columnLabel: string; items: ColumnMenuItem[]; note?: string | null }) {
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const r = button.current.getBoundingClientRect();
    setAt({ top: r.bottom + 4, right: Math.max(8, window.innerWidth - r.right) });
  }, [open]);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const away = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open, at]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const list = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      list[(i + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length]?.focus();
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button column-menu-button"
        aria-label={`Column menu for ${columnLabel}`}
        title="Column menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <Ellipsis size={16} aria-hidden={true} />
      </button>
      {open
        ? createPortal(
            <div
              ref={menu}
              className="column-menu"
              role="menu"
              aria-label={`Column menu for ${columnLabel}`}
              style={at ? { top: at.top, right: at.right } : { visibility: 'hidden' }}
              onKeyDown={onKeyDown}
            >
              {note ? <p className="column-menu-note">{note}</p> : null}
              {items.map((it) => (
                <button
                  key={it.text}
                  type="button"
                  role="menuitem"
                  className={it.danger ? 'danger' : undefined}
                  aria-label={it.label}
                  onClick={() => {
                    close(false);
                    it.onSelect();
                  }}
                >
                  {it.text}
                </button>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
