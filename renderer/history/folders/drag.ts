import type { DragEvent } from 'react';

// Conversations dragged onto a folder travel as a JSON list of ids under Parley's own type, so a drop of
// anything else (text, files) is not taken for one.

export const DRAG_TYPE = 'application/x-parley-conversations';

export function startDrag(e: DragEvent, ids: readonly string[]) {
  e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(ids));
  e.dataTransfer.setData('text/plain', `${ids.length} conversation${ids.length === 1 ? '' : 's'}`);
  e.dataTransfer.effectAllowed = 'move';
}

export function isConversationDrag(e: DragEvent): boolean {
  return [...e.dataTransfer.types].includes(DRAG_TYPE);
}

export function droppedIds(e: DragEvent): string[] {
  try {
    const ids: unknown = JSON.parse(e.dataTransfer.getData(DRAG_TYPE) || '[]');
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
