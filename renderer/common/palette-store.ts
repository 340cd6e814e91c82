import { create } from 'zustand';

/** Whether the command palette is open (Ctrl/Cmd+K or Ctrl+Shift+P). */
export const usePalette = create<{ open: boolean; show(): void; hide(): void; toggle(): void }>((set, get) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
  toggle: () => set({ open: !get().open }),
}));
