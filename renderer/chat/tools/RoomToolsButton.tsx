import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Wrench } from 'lucide-react';
import { selectionCount } from './column-selection';
import { setRoomTools, useRoomToolSelection } from './room-tools';
import { ToolSelectionPicker } from './ToolSelectionPicker';
import './tools-room.css';

/** "Tools" in the room bar: which MCP tools every column offers its model (off by default; a column may have its
 * own pick in its settings). The badge counts the servers and single tools picked. */
export function RoomToolsButton() {
  const selection = useRoomToolSelection();
  const count = selectionCount(selection);
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const r = button.current.getBoundingClientRect();
    setAt({ top: r.bottom + 4, left: Math.max(8, Math.min(r.left, window.innerWidth - 428)) });
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  const label = count > 0 ? `Tools: ${count} picked` : 'Tools: off';
  return (
    <>
      <button
        ref={button}
        type="button"
        className="small room-tools"
        aria-label={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        title="Tools the models may call (MCP servers from Settings → Tools); each call asks you first"
        onClick={() => setOpen((o) => !o)}
      >
        <Wrench size={14} aria-hidden={true} /> Tools
        {count > 0 ? <span className="room-tools-count" aria-hidden="true">{count}</span> : null}
      </button>
      {open && at
        ? createPortal(
            <div
              ref={panel}
              className="tools-popover"
              role="dialog"
              aria-label="Tools for this room"
              style={{ top: at.top, left: at.left }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setOpen(false);
                  button.current?.focus();
                }
              }}
            >
              <h2>Tools for this room</h2>
              <p className="muted">Every column offers these unless its settings pick its own. Each call asks you first.</p>
              <ToolSelectionPicker value={selection} onChange={(next) => void setRoomTools(next).catch((err: Error) => console.error('could not change tools:', err.message))} />
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
