import { useEffect } from 'react';
import { BarChart3, PanelLeftClose, PanelLeftOpen, Settings, SquarePen, Trophy, type LucideIcon } from 'lucide-react';
import { useUi, type View } from '../common/ui-store';
import { ConversationList } from '../history/sidebar/ConversationList';
import { newChat } from '../chat/room/new-chat';
import { SearchBox } from '../history/search/ui/SearchBox';
import { OrganiseBar } from '../history/folders/OrganiseBar';
import { restoreSidebar, SIDEBAR_SHORTCUT, useSidebar, useSidebarShortcut } from './sidebar/sidebar-state';
import './sidebar/sidebar.css';

const PLACES: { kind: Exclude<View['kind'], 'room'>; label: string; icon: LucideIcon }[] = [
  { kind: 'activity', label: 'Activity', icon: BarChart3 },
  { kind: 'leaderboard', label: 'Leaderboard', icon: Trophy },
  { kind: 'settings', label: 'Settings', icon: Settings },
];

export function Sidebar() {
  const view = useUi((s) => s.view);
  const collapsed = useSidebar((s) => s.collapsed);
  const toggle = useSidebar((s) => s.toggle);
  useSidebarShortcut();
  useEffect(() => void restoreSidebar(), []);
  const open = (kind: (typeof PLACES)[number]['kind']) => {
    const ui = useUi.getState();
    if (kind === 'activity') ui.openActivity();
    else if (kind === 'leaderboard') ui.openLeaderboard();
    else ui.openSettings();
  };
  const toggleName = collapsed ? 'Expand the sidebar' : 'Collapse the sidebar';
  return (
    <nav className={collapsed ? 'sidebar sidebar-rail' : 'sidebar'} aria-label="Conversations">
      <div className="sidebar-top">
        <button type="button" className="sidebar-toggle" aria-label={toggleName} title={`${toggleName} (Ctrl+B)`} aria-keyshortcuts={SIDEBAR_SHORTCUT} aria-expanded={!collapsed} onClick={toggle}>
          {collapsed ? <PanelLeftOpen size={16} aria-hidden /> : <PanelLeftClose size={16} aria-hidden />}
        </button>
        {collapsed ? (
          <button type="button" className="sidebar-icon" aria-label="New chat" title="New chat (Ctrl+N)" aria-keyshortcuts="Control+N" onClick={newChat}>
            <SquarePen size={16} aria-hidden />
          </button>
        ) : (
          <button type="button" className="primary sidebar-new" onClick={newChat} aria-keyshortcuts="Control+N">
            New chat
          </button>
        )}
      </div>
      {collapsed ? null : (
        <>
          <SearchBox />
          <OrganiseBar />
          <h2 className="sidebar-heading">Conversations</h2>
          <ConversationList />
        </>
      )}
      <div className="sidebar-places">
        {PLACES.map(({ kind, label, icon: Icon }) => (
          <button
            key={kind}
            type="button"
            className={`sidebar-place sidebar-${kind}`}
            aria-current={view.kind === kind ? 'page' : undefined}
            aria-label={collapsed ? label : undefined}
            title={collapsed ? label : undefined}
            onClick={() => open(kind)}
          >
            <Icon size={16} aria-hidden />
            {collapsed ? null : <span>{label}</span>}
          </button>
        ))}
      </div>
    </nav>
  );
}
