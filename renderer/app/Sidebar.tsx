import { useUi } from '../common/ui-store';
import { ConversationList } from '../history/sidebar/ConversationList';
import { newChat } from '../chat/room/new-chat';
import { SearchBox } from '../history/search/ui/SearchBox';

export function Sidebar() {
  const openSettings = useUi((s) => s.openSettings);
  const openActivity = useUi((s) => s.openActivity);
  const openLeaderboard = useUi((s) => s.openLeaderboard);
  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="primary" onClick={newChat} aria-keyshortcuts="Control+N">
        New chat
      </button>
      <SearchBox />
      <h2 className="sidebar-heading">Conversations</h2>
      <ConversationList />
      <button type="button" className="sidebar-activity" onClick={openActivity}>
        Activity
      </button>
      <button type="button" className="sidebar-leaderboard" onClick={openLeaderboard}>
        Leaderboard
      </button>
      <button type="button" className="sidebar-settings" onClick={openSettings}>
        Settings
      </button>
    </nav>
  );
}
