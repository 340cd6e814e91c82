import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  text: string;
  /** the accessible name when the text alone is ambiguous */
  label?: string;
  danger?: boolean;
  /** shown as the current choice */
  current?: boolean;
  /** a next page of items that replaces this one (Move to folder… → the folders) */
  submenu?: MenuItem[];
  onSelect?: () => void;
}

/** A button opening a small menu in a portal (the sidebar clips what overflows it). Arrows move, Enter picks,
 * Escape closes; an item with a submenu shows its items in place. */
export function PopupMenu({ label, title, icon, items, className }: { label: string; title: string; icon: ReactNode; items: MenuItem[]; className?: string }) {
  const [page, setPage] = useState<MenuItem[] | null>(null);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const open = page !== null;

  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const r = button.current.getBoundingClientRect();
    setAt({ top: Math.min(r.bottom + 4, window.innerHeight - 40), left: Math.max(8, Math.min(r.left, window.innerWidth - 240)) });
  }, [open]);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role^=menuitem]')?.focus();
    const away = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setPage(null);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open, page, at]);

  const close = (refocus: boolean) => {
    setPage(null);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const list = [...(menu.current?.querySelectorAll<HTMLElement>('[role^=menuitem]') ?? [])];
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
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
        className={`icon-button ${className ?? ''}`}
        aria-label={label}
        title={title}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setPage((p) => (p ? null : items))}
      >
        {icon}
      </button>
      {page
        ? createPortal(
            <div ref={menu} className="popup-menu" role="menu" aria-label={label} style={at ? { top: at.top, left: at.left } : { visibility: 'hidden' }} onKeyDown={onKeyDown}>
              {page.map((it) => (
                <button
                  key={it.text}
                  type="button"
                  role={it.current !== undefined ? 'menuitemradio' : 'menuitem'}
                  aria-checked={it.current}
                  className={it.danger ? 'danger' : undefined}
                  aria-label={it.label}
                  aria-haspopup={it.submenu ? 'menu' : undefined}
                  onClick={() => {
                    if (it.submenu) return setPage(it.submenu);
                    close(true);
                    it.onSelect?.();
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
