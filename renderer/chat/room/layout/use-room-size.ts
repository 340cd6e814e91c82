import { useLayoutEffect, useState, type RefObject } from 'react';

export interface RoomSize {
  /** the room's width in CSS pixels; null where nothing is laid out (no ResizeObserver) */
  width: number | null;
  /** the narrowest a column may be (the --column-min custom property) */
  columnMin: number;
}

const COLUMN_MIN = 320;

/** The room's width and the columns' minimum width, followed as the window resizes. */
export function useRoomSize(ref: RefObject<HTMLElement | null>): RoomSize {
  const [size, setSize] = useState<RoomSize>({ width: null, columnMin: COLUMN_MIN });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const min = parseFloat(getComputedStyle(el).getPropertyValue('--column-min'));
      const next = { width: el.clientWidth, columnMin: Number.isFinite(min) ? min : COLUMN_MIN };
      setSize((s) => (s.width === next.width && s.columnMin === next.columnMin ? s : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
