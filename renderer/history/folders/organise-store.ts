import { create } from 'zustand';
import { NO_FILTER, type ListFilter } from './list-filter';
import type { FolderRow } from '../db/migrations/v10';

// The sidebar's folders, what it filters on, and which conversations are selected for a bulk action.

export interface OrganiseState {
  folders: FolderRow[];
  filter: ListFilter;
  selected: ReadonlySet<string>;
  /** where a Shift range starts */
  anchor: string | null;
}

export const useOrganise = create<OrganiseState>(() => ({
  folders: [],
  filter: NO_FILTER,
  selected: new Set(),
  anchor: null,
}));

export function setFilter(patch: Partial<ListFilter>) {
  const s = useOrganise.getState();
  useOrganise.setState({ filter: { ...s.filter, ...patch }, selected: new Set(), anchor: null });
}

export function clearSelection() {
  useOrganise.setState({ selected: new Set(), anchor: null });
}

export function toggleSelected(id: string) {
  const selected = new Set(useOrganise.getState().selected);
  if (selected.has(id)) selected.delete(id);
  else selected.add(id);
  useOrganise.setState({ selected, anchor: id });
}

/** Selects the shown rows from the anchor to `id` (Shift-click), adding to what is selected. */
export function selectRange(shown: readonly string[], id: string) {
  const { anchor, selected } = useOrganise.getState();
  const from = anchor === null ? -1 : shown.indexOf(anchor);
  const to = shown.indexOf(id);
  if (to < 0) return;
  if (from < 0) {
    useOrganise.setState({ selected: new Set([...selected, id]), anchor: id });
    return;
  }
  const [a, b] = from < to ? [from, to] : [to, from];
  useOrganise.setState({ selected: new Set([...selected, ...shown.slice(a, b + 1)]) });
}

/** Shift+arrow: adds both the row left and the row reached. */
export function extendSelection(fromId: string, toId: string) {
  const selected = new Set(useOrganise.getState().selected);
  selected.add(fromId);
  selected.add(toId);
  useOrganise.setState({ selected, anchor: useOrganise.getState().anchor ?? fromId });
}

/** The last organising action that can be undone, shown with an Undo button for a few seconds. */
export interface UndoNotice {
  text: string;
  undo: () => Promise<void>;
}

export const useUndoNotice = create<{ notice: UndoNotice | null }>(() => ({ notice: null }));
