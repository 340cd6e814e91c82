import type { RoomLayout } from '../../../history/db/types';

export type { RoomLayout };

export const LAYOUTS: { value: RoomLayout; name: string }[] = [
  { value: 'side', name: 'Side by side' },
  { value: 'grid', name: 'Grid, two per row' },
  { value: 'stacked', name: 'Stacked' },
];

export interface ShownLayout {
  layout: RoomLayout;
  /** stacked because the room is too narrow for the layout chosen */
  auto: boolean;
}

/** The layout to draw: the one chosen, unless the room cannot hold two columns next to each other (then side by
 * side and the grid both become stacked; one column is one column whatever the choice). A room wide enough for two
 * but not for all of them stays side by side and scrolls sideways (with a cue), so nothing jumps at 1024 px. */
export function shownLayout(chosen: RoomLayout | undefined, columnCount: number, roomWidth: number | null, columnMin: number): ShownLayout {
  const layout = chosen ?? 'side';
  if (layout === 'stacked' || columnCount < 2 || roomWidth === null) return { layout, auto: false };
  const tooNarrow = roomWidth < 2 * columnMin + GUTTERS;
  return tooNarrow ? { layout: 'stacked', auto: true } : { layout, auto: false };
}

/** the room's side padding and the gap between two columns (app.css: .turn padding 12 px, .turn-answers gap 8 px) */
const GUTTERS = 2 * 12 + 8;

/** CSS grid-template-columns for the answers of one turn, and for the column headers above them. */
export function gridTemplates(layout: RoomLayout, columnCount: number): { answers: string; headers: string } {
  const n = Math.max(1, columnCount);
  if (layout === 'grid') {
    const t = `repeat(${Math.min(2, n)}, minmax(0, 1fr))`;
    return { answers: t, headers: t };
  }
  // auto-fit: the headers share the room's width (empty tracks collapse), so a few models' names are not cut short
  if (layout === 'stacked') return { answers: 'minmax(0, 1fr)', headers: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))' };
  const t = `repeat(${n}, minmax(var(--column-min), 1fr))`;
  return { answers: t, headers: t };
}
