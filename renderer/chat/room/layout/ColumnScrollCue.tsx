import { useEffect, useState, type RefObject } from 'react';

interface Hidden {
  before: number;
  after: number;
  /** width of the strip's vertical scrollbar: the right cue sits left of it */
  bar: number;
}
const NONE: Hidden = { before: 0, after: 0, bar: 0 };

/** Columns cut off by the sideways-scrolling strip: a fade at each edge that hides some, and a button that says how
 * many ("3 more →") and scrolls the next one into view. Positions come from the column headers, which scroll with
 * the strip. */
export function ColumnScrollCue({ strip, headers }: { strip: RefObject<HTMLElement | null>; headers: RefObject<HTMLElement | null> }) {
  const [hidden, setHidden] = useState<Hidden>(NONE);

  useEffect(() => {
    const el = strip.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const cols = columnRects(headers.current);
      const box = el.getBoundingClientRect();
      const right = box.left + el.clientWidth;
      const next: Hidden = {
        before: cols.filter((r) => r.left < box.left - 1).length,
        after: cols.filter((r) => r.right > right + 1).length,
        bar: el.offsetWidth - el.clientWidth,
      };
      setHidden((h) => (h.before === next.before && h.after === next.after && h.bar === next.bar ? h : next));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    const ro = new ResizeObserver(later);
    ro.observe(el);
    if (headers.current) ro.observe(headers.current);
    el.addEventListener('scroll', later, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', later);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [strip, headers]);

  const scrollTo = (side: 'before' | 'after') => {
    const el = strip.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const cols = columnRects(headers.current);
    const target = side === 'after' ? cols.find((r) => r.right > box.left + el.clientWidth + 1) : [...cols].reverse().find((r) => r.left < box.left - 1);
    if (!target) return;
    // the next hidden column's edge to the strip's edge, with the room's padding
    const delta = side === 'after' ? target.right - (box.left + el.clientWidth) + 12 : target.left - box.left - 12;
    el.scrollBy({ left: delta, behavior: 'smooth' });
  };

  return (
    <>
      {hidden.before ? (
        <div className="scroll-cue before">
          <button type="button" className="small" onClick={() => scrollTo('before')} aria-label={`${hidden.before} more ${hidden.before === 1 ? 'column' : 'columns'} to the left`} title="Scroll left">
            ← {hidden.before} more
          </button>
        </div>
      ) : null}
      {hidden.after ? (
        <div className="scroll-cue after" style={{ right: hidden.bar }}>
          <button type="button" className="small" onClick={() => scrollTo('after')} aria-label={`${hidden.after} more ${hidden.after === 1 ? 'column' : 'columns'} to the right`} title="Scroll right">
            {hidden.after} more →
          </button>
        </div>
      ) : null}
    </>
  );
}

function columnRects(headers: HTMLElement | null): DOMRect[] {
  return headers ? [...headers.querySelectorAll<HTMLElement>('.columns-header > .column-header')].map((h) => h.getBoundingClientRect()) : [];
}
