import { bridge } from '../../bridge';
import { newChat } from '../../chat/room/new-chat';
import { usePicker } from '../../chat/models/picker-store';
import { setBlind, startDraft, stopRoom } from '../../chat/state/actions';
import { useRoom } from '../../common/room/room-store';
import { downloadAllJson, downloadConversationJson, downloadConversationMarkdown } from '../../history/transfer/ui/exports';
import { assistantFromRoom, startFromAssistant } from '../../assistants/setup';
import { useAssistantEditor } from '../../assistants/use-assistants';
import { blankAssistant } from '../../assistants/ui/AssistantsPanel';
import type { Assistant } from '../../assistants/types';
import { SETTINGS_SECTIONS } from '../../common/settings-sections';
import { useSidebar } from '../sidebar/sidebar-state';
import { useUi } from '../../common/ui-store';

// Every action the command palette offers, built when it opens from the state of the app at that moment.

export interface Command {
  id: string;
  title: string;
  group: string;
  /** shown beside the title */
  shortcut?: string;
  /** other words that find it */
  keywords?: string;
  run(): void | Promise<unknown>;
}

export interface CommandContext {
  assistants: readonly Assistant[];
  starters: readonly Assistant[];
}

/** Waits for an element the last action is about to render (the sidebar's search box once unfolded). */
function focusWhenThere(selector: string, tries = 20) {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) el.focus();
  else if (tries > 0) setTimeout(() => focusWhenThere(selector, tries - 1), 50);
}

function inRoom(): boolean {
  return useUi.getState().view.kind === 'room';
}

export function buildCommands(ctx: CommandContext): Command[] {
  const ui = useUi.getState();
  const room = useRoom.getState();
  const conv = inRoom() && room.conversation && room.conversation.id === room.openId ? room.conversation : null;
  const columns = conv ? conv.columns : room.draftColumns;
  const blind = conv ? !!conv.blind : room.draftBlind;
  const startFrom = (a: Assistant) => () => {
    startFromAssistant(a);
    ui.openRoom(null);
  };
  const out: Command[] = [
    {
      id: 'add-model',
      title: 'Add a model',
      group: 'Chat',
      keywords: 'column picker compare',
      run: () => {
        if (!inRoom()) ui.openRoom(room.openId);
        usePicker.getState().open({ kind: 'add-column' });
      },
    },
    { id: 'new-chat', title: 'New chat', group: 'Chat', shortcut: 'Ctrl+N', keywords: 'conversation room start', run: newChat },
    { id: 'toggle-blind', title: blind ? 'Turn blind mode off' : 'Turn blind mode on', group: 'Chat', keywords: 'blind anonymous hide names vote toggle', run: () => setBlind(!blind) },
    { id: 'stop', title: 'Stop the answers', group: 'Chat', shortcut: 'Esc', keywords: 'cancel abort streaming', run: stopRoom },
  ];
  for (const a of ctx.assistants) out.push({ id: `assistant:${a.id}`, title: `New chat with ${a.name}`, group: 'Assistants', keywords: `assistant ${a.columns.map((c) => c.model).join(' ')}`, run: startFrom(a) });
  for (const a of ctx.starters) out.push({ id: `starter:${a.id}`, title: `New chat with ${a.name}`, group: 'Assistants', keywords: 'assistant starter', run: startFrom(a) });
  out.push({
    id: 'show-assistants',
    title: 'Show assistants',
    group: 'Assistants',
    keywords: 'list manage edit export import starters',
    run: () => {
      // the new-chat page lists them; it shows while a new chat has no model yet
      startDraft([]);
      useRoom.setState({ draftBlind: false });
      ui.openRoom(null);
    },
  });
  out.push({ id: 'new-assistant', title: 'New assistant', group: 'Assistants', keywords: 'create setup', run: () => useAssistantEditor.getState().open(blankAssistant(), true) });
  if (columns.length) {
    out.push({
      id: 'save-assistant',
      title: 'Save this room as an assistant',
      group: 'Assistants',
      keywords: 'save as assistant setup',
      run: () => useAssistantEditor.getState().open(assistantFromRoom(conv?.title ?? '', { columns, blind, conversation: conv }), true),
    });
  }
  out.push(
    { id: 'search', title: 'Search conversations', group: 'History', keywords: 'find history', run: () => {
      if (useSidebar.getState().collapsed) useSidebar.getState().setCollapsed(false);
      focusWhenThere('input[aria-label="Search conversations"]');
    } },
    { id: 'toggle-sidebar', title: useSidebar.getState().collapsed ? 'Expand the sidebar' : 'Collapse the sidebar', group: 'View', shortcut: 'Ctrl+B', keywords: 'sidebar toggle fold', run: () => useSidebar.getState().toggle() },
    { id: 'activity', title: 'Open Activity', group: 'Go to', keywords: 'spending costs ledger', run: ui.openActivity },
    { id: 'leaderboard', title: 'Open Leaderboard', group: 'Go to', keywords: 'votes ranking wins', run: ui.openLeaderboard },
  );
  for (const s of SETTINGS_SECTIONS) out.push({ id: `settings:${s.id}`, title: `Settings: ${s.label}`, group: 'Go to', keywords: `settings preferences ${s.fields.join(' ')}`, run: () => ui.openSettings(s.id) });
  for (const theme of ['light', 'dark', 'system'] as const) {
    out.push({ id: `theme:${theme}`, title: `Theme: ${theme === 'system' ? 'as the system' : theme}`, group: 'View', keywords: 'appearance colour color mode', run: () => bridge().invoke('settings.update', { theme }) });
  }
  if (conv) {
    out.push(
      { id: 'export-json', title: 'Export this conversation as JSON', group: 'History', keywords: 'download save file', run: () => downloadConversationJson(conv.id, conv.title) },
      { id: 'export-md', title: 'Export this conversation as Markdown', group: 'History', keywords: 'download save file', run: () => downloadConversationMarkdown(conv.id, conv.title) },
    );
  }
  out.push({ id: 'export-all', title: 'Export all conversations', group: 'History', keywords: 'download backup json', run: downloadAllJson });
  return out;
}
