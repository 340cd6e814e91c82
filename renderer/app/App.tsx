import { useEffect } from 'react';
import { bridge, getBridgeState } from '../bridge';
import { startAutoTitles } from '../history/folders/titles/auto-title';
import { holdForAutomaticRequest } from '../money/budgets/budget-check';
import { useUi, type View } from '../common/ui-store';
import { Sidebar } from './Sidebar';
import { useSidebar } from './sidebar/sidebar-state';
import { Header } from './Header';
import { Room } from '../chat/room/Room';
import { ModelPicker } from '../chat/models/ModelPicker';
import { useRoomShortcuts } from '../chat/room/use-shortcuts';
import { startStreamSync } from '../chat/state/stream-sync';
import { warmUpMarkdown } from '../chat/markdown/Markdown';
import { SettingsView } from './settings/SettingsView';
import { NoTokenScreen } from './NoTokenScreen';
import { useRouteValue } from '../bridge/use-route-value';
import { ActivityView } from '../money/activity/ActivityView';
import { LeaderboardView } from '../money/leaderboard/LeaderboardView';
import { BudgetBanner } from '../money/budgets/BudgetBanner';
import { startLedger } from '../common/ledger';
import { StorageProblemBanner } from '../history/storage/StorageProblemBanner';
import { RestoreOfferBanner } from '../history/storage/RestoreOfferBanner';
import { NewerDatabaseBanner } from '../history/storage/NewerDatabaseBanner';
import { startBackupScheduler } from '../history/storage/backup-scheduler';
import { purgeDeletedConversations, requestPersistentStorage } from '../history/db';
import { startHistorySync } from '../chat/state/history-sync';
import { rememberViews, restoreLastView } from '../common/last-view';
import { rememberDraft, restoreDraft } from './draft-memory';
import { useFocusComposerOnRoomOpen } from './focus-composer';
import './feature-slots';
import { AssistantEditor } from '../assistants/ui/AssistantEditor';
import { CommandPalette } from './palette/CommandPalette';

const VIEW_NAMES: Record<View['kind'], string> = { settings: 'Settings', activity: 'Activity', leaderboard: 'Leaderboard', room: 'Room' };

export function App() {
  const state = getBridgeState();
  if (state.kind === 'no-token') return <NoTokenScreen />;
  return <Shell />;
}

function Shell() {
  const view = useUi((s) => s.view);
  const openMessage = useUi((s) => s.openMessage);
  const openRoom = useUi((s) => s.openRoom);
  const sidebarFolded = useSidebar((s) => s.collapsed);
  const { value: settings } = useRouteValue('settings.get', {}, 'settings.changed');
  useRoomShortcuts();
  useFocusComposerOnRoomOpen();
  useEffect(() => {
    void startStreamSync();
    startLedger();
    warmUpMarkdown();
    // The user's only copy: ask the browser not to evict it, finish deletions whose undo window passed, and keep
    // a daily backup in main's data folder.
    void requestPersistentStorage();
    void purgeDeletedConversations().catch(() => {});
    // Land where the user left (the room, Settings or Activity), and follow other windows' writes live.
    // ...and a new chat's models chosen but not sent yet
    void restoreLastView().then(restoreDraft);
    const stopViews = rememberViews();
    const stopDraft = rememberDraft();
    const stopSync = startHistorySync();
    const stopBackups = startBackupScheduler();
    const stopTitles = startAutoTitles(bridge(), holdForAutomaticRequest);
    return () => {
      stopTitles();
      stopViews();
      stopDraft();
      stopSync();
      stopBackups();
    };
  }, []);
  useEffect(() => {
    const theme = settings?.theme ?? 'system';
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [settings?.theme]);

  return (
    <div className={sidebarFolded ? 'shell sidebar-folded' : 'shell'}>
      <Sidebar />
      <div className="main">
        <Header />
        <StorageProblemBanner />
        <NewerDatabaseBanner />
        <RestoreOfferBanner />
        <BudgetBanner />
        <main className="content" aria-label={VIEW_NAMES[view.kind]}>
          {view.kind === 'settings' ? (
            <SettingsView />
          ) : view.kind === 'activity' ? (
            <ActivityView onOpenMessage={openMessage} />
          ) : view.kind === 'leaderboard' ? (
            <LeaderboardView onOpenTurn={openMessage} onOpenRoom={openRoom} />
          ) : (
            <Room conversationId={view.conversationId} />
          )}
        </main>
        <ModelPicker />
        <AssistantEditor />
        <CommandPalette />
      </div>
    </div>
  );
}
