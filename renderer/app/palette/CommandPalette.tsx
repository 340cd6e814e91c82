import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAssistants, useStarters } from '../../assistants/use-assistants';
import { buildCommands, type Command } from './commands';
import { usePalette } from '../../common/palette-store';
import { rankCommands } from './rank';
import './palette.css';

/** Ctrl/Cmd+K or Ctrl+Shift+P: every action by name, filtered as you type, run with Enter. */
export function CommandPalette() {
  const open = usePalette((s) => s.open);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!failure) return;
    const t = setTimeout(() => setFailure(null), 8000);
    return () => clearTimeout(t);
  }, [failure]);
  return (
    <>
      {open ? <PaletteDialog onFailure={setFailure} /> : null}
      {failure ? (
        <p className="palette-failure" role="alert">
          {failure}
        </p>
      ) : null}
    </>
  );
}

function PaletteDialog({ onFailure }: { onFailure: (message: string) => void }) {
  const hide = usePalette((s) => s.hide);
  const assistants = useAssistants();
  const starters = useStarters();
  const commands = useMemo(
    () => buildCommands({ assistants, starters: starters.filter((s) => s.assistant.columns.length).map((s) => s.assistant) }),
    [assistants, starters],
  );
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => rankCommands(commands, query), [commands, query]);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const current = Math.min(active, Math.max(0, shown.length - 1));
  const optionId = (i: number) => `${listId}-o${i}`;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => {
      // give the focus back where it was unless the command moved it on purpose
      if (document.activeElement === document.body && before?.isConnected) before.focus();
    };
  }, []);
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  });

  const run = (c: Command | undefined) => {
    if (!c) return;
    hide();
    Promise.resolve()
      .then(() => c.run())
      .catch((err: unknown) => onFailure(`${c.title} failed: ${err instanceof Error ? err.message : String(err)}`));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(to, shown.length - 1)));
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      hide();
    } else if (e.key === 'ArrowDown') move(current + 1 >= shown.length ? 0 : current + 1);
    else if (e.key === 'ArrowUp') move(current === 0 ? shown.length - 1 : current - 1);
    else if (e.key === 'PageDown') move(current + 8);
    else if (e.key === 'PageUp') move(current - 8);
    else if (e.key === 'Enter') {
      e.preventDefault();
      run(shown[current]);
    } else if (e.key === 'Tab') e.preventDefault(); // the focus stays in the search field: the list follows arrows
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && hide()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" onKeyDown={onKeyDown}>
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-label="Type a command"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length ? optionId(current) : undefined}
          placeholder="Type a command — new chat, add model, blind, settings…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <ul id={listId} className="palette-list" role="listbox" aria-label="Commands">
          {shown.map((c, i) => (
            <li
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'palette-option active' : 'palette-option'}
              onMouseMove={() => i !== current && setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(c)}
            >
              <span className="palette-title">{c.title}</span>
              <span className="palette-group">{c.group}</span>
              {c.shortcut ? <kbd className="palette-shortcut">{c.shortcut}</kbd> : <span />}
            </li>
          ))}
        </ul>
        {shown.length === 0 ? <p className="palette-empty">No command matches “{query}”.</p> : null}
        <p className="palette-help" aria-hidden>
          <kbd>↑</kbd> <kbd>↓</kbd> to choose · <kbd>Enter</kbd> to run · <kbd>Esc</kbd> to close · <kbd>Ctrl+K</kbd> or <kbd>Ctrl+Shift+P</kbd> to open
        </p>
      </div>
    </div>
  );
}
