import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Turn } from '../../common/room/turns';
import type { ColumnConfig } from '../../common/room/types';
import { TurnRow } from './TurnRow';
import { selectSibling } from '../state/actions';
import { useRoom } from '../../common/room/room-store';
import { rememberScroll, savedScroll } from '../../common/last-view';
import { ColumnScrollCue } from './layout/ColumnScrollCue';

/** The room's turns, virtualized: only the rows on screen exist in the DOM, so a 10,000-message conversation
 * costs what a short one does. Sticks to the bottom while answers stream unless the user scrolled up. */
const ESTIMATE = 320;

export function TurnList({ turns, columns, labels, pendingContinueId, header, conversationId, focusId = null, blind = false, complete = true }: {
  turns: Turn[];
  columns: ColumnConfig[];
  labels: Map<string, string>;
  pendingContinueId: string | null;
  header: ReactNode;
  conversationId: string | null;
  /** a message to bring into view (e.g. from Activity), switching to its branch if needed */
  focusId?: string | null;
  /** the room is in blind mode */
  blind?: boolean;
  /** false while only the newest rows are loaded */
  complete?: boolean;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [hasLayout, setHasLayout] = useState(true);
  // where the user left this room (a reload, a restart, a visit elsewhere): the first paint starts there
  const [savedAtMount] = useState(() => (conversationId && !focusId ? savedScroll(conversationId) : null));
  const savedIndex = savedAtMount ? turns.findIndex((t) => t.user.active.id === savedAtMount.anchorId) : -1;
  // eslint-disable-next-line react-hooks/incompatible-library -- rows are memoized by hand (TurnRow), not by the compiler
  const virtualizer = useVirtualizer({
    count: turns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    overscan: 1,
    // open at the bottom (the first rows rendered are the latest turns), or where the user left the room
    initialOffset: () => (savedIndex >= 0 ? savedIndex * ESTIMATE : turns.length * ESTIMATE),
    getItemKey: (i) => turns[i]!.user.active.id,
  });

  useLayoutEffect(() => {
    // Without layout (a zero-size container), there is nothing to virtualize against: render every row.
    setHasLayout((scrollRef.current?.clientHeight ?? 0) > 0);
  }, []);

  const turnsRef = useRef(turns);
  turnsRef.current = turns;
  const restored = useRef(false);

  // A newly opened conversation, or a new prompt, starts at the bottom — unless the user had scrolled up in this
  // room before a reload, a restart or a visit elsewhere: then it opens where they were.
  useLayoutEffect(() => {
    const saved = !restored.current && conversationId && !focusId ? savedScroll(conversationId) : null;
    const i = saved ? turns.findIndex((t) => t.user.active.id === saved.anchorId) : -1;
    if (saved && i >= 0) {
      restored.current = true;
      stick.current = false;
      virtualizer.scrollToIndex(i, { align: 'start' });
      if (saved.offset) {
        const el = scrollRef.current;
        requestAnimationFrame(() => el && (el.scrollTop += saved.offset!));
      }
      return;
    }
    // nothing saved to apply (or that turn is gone: open at the end, once there are turns to look in): from now on the
    // user's own scrolling is what is remembered
    if (!saved || (complete && turns.length)) restored.current = true;
    stick.current = true;
    if (turns.length) virtualizer.scrollToIndex(turns.length - 1, { align: 'end' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focusId is handled by its own effect below
  }, [conversationId, turns.length, virtualizer]);

  useLayoutEffect(() => {
    if (!focusId) return;
    const i = turns.findIndex((t) => t.user.all.some((m) => m.id === focusId) || [...t.answers.values()].some((s) => s.all.some((m) => m.id === focusId)));
    if (i < 0) {
      // on another branch: show that branch (the list re-renders and this runs again)
      const m = useRoom.getState().messages.get(focusId);
      const prompt = m && (m.role === 'user' ? m.id : m.parentId);
      if (prompt && useRoom.getState().messages.has(prompt)) void selectSibling('', prompt);
      return;
    }
    const t = turns[i]!;
    const shown = t.user.active.id === focusId || [...t.answers.values()].some((s) => s.active.id === focusId);
    if (!shown) void selectSibling('', focusId);
    stick.current = false;
    virtualizer.scrollToIndex(i, { align: 'center' });
  }, [focusId, turns, virtualizer]);

  useEffect(() => {
    const el = scrollRef.current;
    const inner = innerRef.current;
    if (!el || !inner || typeof ResizeObserver === 'undefined') return;
    const onScroll = () => {
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      if (headerRef.current) headerRef.current.scrollLeft = el.scrollLeft;
      // a saved position not applied yet (only the newest rows are loaded) is not overwritten by the first paint
      if (!conversationId || !turnsRef.current.length || (!restored.current && savedScroll(conversationId))) return;
      const top = virtualizer.getVirtualItems().find((v) => v.end > el.scrollTop);
      const anchor = top ? turnsRef.current[top.index] : undefined;
      rememberScroll(conversationId, stick.current || !anchor || !top ? { atEnd: true } : { atEnd: false, anchorId: anchor.user.active.id, offset: Math.round(el.scrollTop - top.start) });
    };
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    ro.observe(inner);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [conversationId, virtualizer]);

  const row = (i: number) => (
    <TurnRow turn={turns[i]!} columns={columns} labels={labels} isLast={i === turns.length - 1} pendingContinueId={pendingContinueId} focusId={focusId} blind={blind} />
  );
  const items = virtualizer.getVirtualItems();
  return (
    <>
    <div className="columns-bar" ref={headerRef}>
      {header}
    </div>
    <div className="turn-scroll" ref={scrollRef} role="log" aria-label="Messages" aria-live="off">
      {turns.length === 0 ? (
        <p className="muted room-hint">
          Your prompt goes to every column. Each model answers side by side and keeps its own history; use “Continue with
          this” under an answer to make it everyone’s history from there.
        </p>
      ) : null}
      {hasLayout ? (
        <div ref={innerRef} className="turn-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => (
            <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} className="turn-slot" style={{ transform: `translateY(${v.start}px)` }}>
              {row(v.index)}
            </div>
          ))}
        </div>
      ) : (
        <div ref={innerRef}>
          {turns.map((t, i) => (
            <div key={t.user.active.id}>{row(i)}</div>
          ))}
        </div>
      )}
    </div>
    <ColumnScrollCue strip={scrollRef} headers={headerRef} />
    </>
  );
}
