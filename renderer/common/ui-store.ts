import { create } from 'zustand';

export type View =
  | { kind: 'room'; conversationId: string | null; /** an answer to bring into view (from Activity) */ focusMessageId?: string }
  | { kind: 'settings' }
  | { kind: 'activity' }
  | { kind: 'leaderboard' };

interface UiState {
  view: View;
  openSettings(): void;
  openRoom(conversationId: string | null): void;
  openActivity(): void;
  openLeaderboard(): void;
  openMessage(conversationId: string, messageId: string): void;
}

export const useUi = create<UiState>((set) => ({
  view: { kind: 'room', conversationId: null },
  openSettings: () => set({ view: { kind: 'settings' } }),
  openRoom: (conversationId) => set({ view: { kind: 'room', conversationId } }),
  openActivity: () => set({ view: { kind: 'activity' } }),
  openLeaderboard: () => set({ view: { kind: 'leaderboard' } }),
  openMessage: (conversationId, messageId) => set({ view: { kind: 'room', conversationId, focusMessageId: messageId } }),
}));
