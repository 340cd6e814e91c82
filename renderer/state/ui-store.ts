import { create } from 'zustand';

export type View = { kind: 'room'; conversationId: string | null } | { kind: 'settings' };

interface UiState {
  view: View;
  openSettings(): void;
  openRoom(conversationId: string | null): void;
}

export const useUi = create<UiState>((set) => ({
  view: { kind: 'room', conversationId: null },
  openSettings: () => set({ view: { kind: 'settings' } }),
  openRoom: (conversationId) => set({ view: { kind: 'room', conversationId } }),
}));
