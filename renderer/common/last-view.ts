import { getSetting, setSetting } from '../history/db/settings';
import { getConversation } from '../history/db/conversations';
import { useUi, type View } from './ui-store';
import { isSettingsSection, type SettingsSectionId } from './settings-sections';

// Where the user was: the open view (a room, Settings, Activity, the Leaderboard) and each room's scroll position, stored with the
// history (IndexedDB), so a reload or a restart lands where the user left. Branch selections are part of the
// conversation itself (conversation.selection).

const VIEW_KEY = 'ui.lastView';
const SCROLL_KEY = 'ui.roomScroll';
const SCROLL_ROOMS_KEPT = 30;
const SCROLL_SAVE_DELAY_MS = 400;

type StoredView = { kind: 'room'; conversationId: string | null } | { kind: 'settings'; section?: SettingsSectionId } | { kind: 'activity' } | { kind: 'leaderboard' };

/** A room's scroll position: the turn at the top of the view (its prompt's id) and how far into it; or the end. */
export interface RoomScroll {
  atEnd: boolean;
  anchorId?: string;
  offset?: number;
  at: number;
}

let scrolls: Record<string, RoomScroll> = {};
let scrollTimer: ReturnType<typeof setTimeout> | null = null;

const stored = (v: View): StoredView =>
  v.kind === 'room' ? { kind: 'room', conversationId: v.conversationId } : v.kind === 'settings' ? { kind: 'settings', section: v.section } : { kind: v.kind };

/** Opens the view stored by the last session, unless the user went somewhere already; keeps storing it. */
export async function restoreLastView(): Promise<void> {
  const startedWith = useUi.getState().view;
  let saved: StoredView | undefined;
  try {
    [saved, scrolls] = await Promise.all([getSetting<StoredView>(VIEW_KEY), getSetting<Record<string, RoomScroll>>(SCROLL_KEY).then((s) => s ?? {})]);
  } catch {
    return; // no stored view: start on a new chat
  }
  if (!saved || useUi.getState().view !== startedWith) return;
  if (saved.kind === 'room') {
    if (!saved.conversationId || startedWith.kind !== 'room' || startedWith.conversationId) return;
    const conv = await getConversation(saved.conversationId).catch(() => undefined);
    if (!conv || conv.deletedAt !== undefined || useUi.getState().view !== startedWith) return;
    useUi.getState().openRoom(conv.id);
  } else if (saved.kind === 'settings') useUi.getState().openSettings(isSettingsSection(saved.section) ? saved.section : undefined);
  else if (saved.kind === 'activity') useUi.getState().openActivity();
  else if (saved.kind === 'leaderboard') useUi.getState().openLeaderboard();
}

/** Stores every change of view; returns the stop function. */
export function rememberViews(): () => void {
  return useUi.subscribe((s, prev) => {
    const next = stored(s.view);
    if (JSON.stringify(next) === JSON.stringify(stored(prev.view))) return;
    void setSetting(VIEW_KEY, next).catch(() => {});
  });
}

/** The saved scroll position of a room, if the user had scrolled away from its end. */
export function savedScroll(conversationId: string): RoomScroll | null {
  const s = scrolls[conversationId];
  return s && !s.atEnd && s.anchorId ? s : null;
}

/** Notes a room's scroll position (written shortly after scrolling stops). */
export function rememberScroll(conversationId: string, pos: Omit<RoomScroll, 'at'>): void {
  const prev = scrolls[conversationId];
  if (prev && prev.atEnd === pos.atEnd && prev.anchorId === pos.anchorId && prev.offset === pos.offset) return;
  scrolls = { ...scrolls, [conversationId]: { ...pos, at: Date.now() } };
  if (scrollTimer) clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    scrollTimer = null;
    const kept = Object.entries(scrolls).sort((a, b) => b[1].at - a[1].at).slice(0, SCROLL_ROOMS_KEPT);
    scrolls = Object.fromEntries(kept);
    void setSetting(SCROLL_KEY, scrolls).catch(() => {});
  }, SCROLL_SAVE_DELAY_MS);
}

/** For tests: forget what was read from storage. */
export function resetLastViewForTests() {
  scrolls = {};
  if (scrollTimer) clearTimeout(scrollTimer);
  scrollTimer = null;
}
