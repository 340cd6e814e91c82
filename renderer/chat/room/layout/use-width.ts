import { useLayoutEffect, useState, type RefObject } from 'react';

/** An element's width in CSS pixels, followed as it resizes; null where nothing is laid out (no ResizeObserver). */
export function useWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/** A CSS length custom property in pixels (e.g. --column-min), or the fallback. */
export function cssPixels(el: Element | null, name: string, fallback: number): number {
  if (!el) return fallback;
  const v = parseFloat(getComputedStyle(el).getPropertyValue(name));
  return Number.isFinite(v) ? v : fallback;
}
