import type { KeyboardEvent, MouseEvent } from 'react';
import { clearSelection, extendSelection, selectRange, toggleSelected, useOrganise } from './organise-store';

// Selecting conversations in the sidebar list: Ctrl/Cmd-click toggles one, Shift-click selects a range; on the
// keyboard Space toggles the focused row, arrows move between rows and Shift+arrows select as they move.

const ROW = '.conversation-item';

/** True when the click selected instead of opening the conversation. */
export function selectByClick(e: MouseEvent, id: string, shown: readonly string[]): boolean {
  if (e.ctrlKey || e.metaKey) {
    toggleSelected(id);
    return true;
  }
  if (e.shiftKey) {
    selectRange(shown, id);
    return true;
  }
  if (useOrganise.getState().selected.size) clearSelection();
  return false;
}

function neighbour(from: HTMLElement, step: 1 | -1): HTMLElement | null {
  const list = from.closest('.conversation-list');
  const rows = [...(list?.querySelectorAll<HTMLElement>(ROW) ?? [])];
  return rows[rows.indexOf(from) + step] ?? null;
}

export function onRowKeyDown(e: KeyboardEvent<HTMLElement>, id: string) {
  if (e.key === ' ') {
    e.preventDefault();
    toggleSelected(id);
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const next = neighbour(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
    e.preventDefault();
    if (!next) return;
    if (e.shiftKey && next.dataset.id) extendSelection(id, next.dataset.id);
    next.focus();
  } else if (e.key === 'Escape' && useOrganise.getState().selected.size) {
    e.preventDefault();
    clearSelection();
  }
}

/** A button acts on Space's keyup; a row uses Space to select, so that keyup must not open it. */
export function onRowKeyUp(e: KeyboardEvent) {
  if (e.key === ' ') e.preventDefault();
}
