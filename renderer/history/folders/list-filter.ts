import type { ConversationRow } from '../db/types';

// Which conversations the sidebar shows: one place (all, a folder, or Archived), then the model and date filters.
// Archived conversations show only under Archived; search still finds them.

export type Place = { kind: 'all' } | { kind: 'folder'; id: string } | { kind: 'archived' };
export type DateRange = 'any' | 'today' | '7d' | '30d' | 'custom';

export interface ListFilter {
  place: Place;
  /** a model slug any column of the conversation uses; null: any model */
  model: string | null;
  date: DateRange;
  /** custom range, local calendar days as YYYY-MM-DD, both ends included; either may be empty */
  from: string;
  to: string;
}

export const NO_FILTER: ListFilter = { place: { kind: 'all' }, model: null, date: 'any', from: '', to: '' };

const DAY = 86_400_000;

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The local time span [start, end) a date filter keeps, or null when it keeps everything. */
export function dateSpan(filter: Pick<ListFilter, 'date' | 'from' | 'to'>, now: number): { start: number; end: number } | null {
  switch (filter.date) {
    case 'any':
      return null;
    case 'today':
      return { start: startOfDay(now), end: Infinity };
    case '7d':
      return { start: startOfDay(now) - 6 * DAY, end: Infinity };
    case '30d':
      return { start: startOfDay(now) - 29 * DAY, end: Infinity };
    case 'custom': {
      const start = filter.from ? localDay(filter.from) : -Infinity;
      const end = filter.to ? nextLocalDay(filter.to) : Infinity;
      return { start: Number.isNaN(start) ? -Infinity : start, end: Number.isNaN(end) ? Infinity : end };
    }
  }
}

function localDay(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1).getTime();
}

function nextLocalDay(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, (d ?? 1) + 1).getTime();
}

export function filterConversations<T extends ConversationRow>(list: readonly T[], filter: ListFilter, now = Date.now()): T[] {
  const span = dateSpan(filter, now);
  return list.filter((c) => {
    const { place } = filter;
    if (place.kind === 'archived' ? c.archived !== 1 : c.archived === 1) return false;
    if (place.kind === 'folder' && c.folderId !== place.id) return false;
    if (filter.model && !c.columns.some((col) => col.model === filter.model)) return false;
    if (span && (c.updatedAt < span.start || c.updatedAt >= span.end)) return false;
    return true;
  });
}

/** The models used across these conversations, for the model filter's choices. A blind room's models are left out:
 * the sidebar must name no model of a room that hides who answered (issue: blind means blind in every view). */
export function modelsUsed(list: readonly ConversationRow[]): string[] {
  return [...new Set(list.flatMap((c) => (c.blind ? [] : c.columns.map((col) => col.model))))].sort();
}
