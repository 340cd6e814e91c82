import { useEffect } from 'react';
import { create } from 'zustand';
import { getSetting, setSetting } from '../../history/db/settings';

// Whether the sidebar is folded to a rail of icons; kept with the history (IndexedDB) so a restart keeps it.

const KEY = 'ui.sidebarCollapsed';

interface SidebarState {
  collapsed: boolean;
  setCollapsed(collapsed: boolean): void;
  toggle(): void;
}

export const useSidebar = create<SidebarState>((set, get) => ({
  collapsed: false,
  setCollapsed: (collapsed) => {
    set({ collapsed });
    void setSetting(KEY, collapsed).catch(() => {});
  },
  toggle: () => get().setCollapsed(!get().collapsed),
}));

/** Reads the stored state once; a toggle made before it arrives wins. */
export async function restoreSidebar(): Promise<void> {
  const before = useSidebar.getState().collapsed;
  const saved = await getSetting<boolean>(KEY).catch(() => undefined);
  if (typeof saved === 'boolean' && useSidebar.getState().collapsed === before) useSidebar.setState({ collapsed: saved });
}

export const SIDEBAR_SHORTCUT = 'Control+B';

/** Ctrl/Cmd+B folds or unfolds the sidebar. */
export function useSidebarShortcut() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'b') {
        e.preventDefault();
        useSidebar.getState().toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
