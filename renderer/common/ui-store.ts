import { create } from 'zustand';
import { DEFAULT_SETTINGS_SECTION, type SettingsSectionId } from './settings-sections';

export type View =
  | { kind: 'room'; conversationId: string | null; /** an answer to bring into view (from Activity) */ focusMessageId?: string }
  | { kind: 'settings'; section: SettingsSectionId }
  | { kind: 'activity' }
  | { kind: 'leaderboard' };

interface UiState {
  view: View;
  openSettings(section?: SettingsSectionId): void;
  openRoom(conversationId: string | null): void;
  openActivity(): void;
  openLeaderboard(): void;
  openMessage(conversationId: string, messageId: string): void;
}

export const useUi = create<UiState>((set) => ({
  view: { kind: 'room', conversationId: null },
  openSettings: (section) => set({ view: { kind: 'settings', section: section ?? DEFAULT_SETTINGS_SECTION } }),
  openRoom: (conversationId) => set({ view: { kind: 'room', conversationId } }),
  openActivity: () => set({ view: { kind: 'activity' } }),
  openLeaderboard: () => set({ view: { kind: 'leaderboard' } }),
  openMessage: (conversationId, messageId) => set({ view: { kind: 'room', conversationId, focusMessageId: messageId } }),
}));
