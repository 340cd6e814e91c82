import { useUi } from '../state/ui-store';

export function Sidebar() {
  const openSettings = useUi((s) => s.openSettings);
  const openRoom = useUi((s) => s.openRoom);
  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="primary" onClick={() => openRoom(null)}>
        New chat
      </button>
      <div className="conversation-list" aria-label="Conversation list">
        <p className="empty-state">
          No conversations yet. Add a provider key in Settings, then start a new chat to send one prompt to several
          models side by side.
        </p>
      </div>
      <button type="button" className="sidebar-settings" onClick={openSettings}>
        Settings
      </button>
    </nav>
  );
}
