import type { ColumnConfig, ConversationRow } from '../history/db/types';
import { startDraft } from '../chat/state/actions';
import { useRoom } from '../common/room/room-store';
import { roomOptionsFromAssistant } from '../common/room/room-origin';
import { newAssistantId } from './store';
import type { Assistant, AssistantColumn } from './types';

// An assistant from a room, and a room from an assistant. A system prompt every column shares becomes the
// assistant's; a column with its own keeps it.

interface RoomSetup {
  columns: ColumnConfig[];
  blind: boolean;
  conversation: Pick<ConversationRow, 'pinProviders' | 'contextOverflow'> | null;
}

/** A new (unsaved) assistant holding the room's models, their settings and the room's options. */
export function assistantFromRoom(name: string, room: RoomSetup, now = Date.now()): Assistant {
  const prompts = new Set(room.columns.map((c) => c.settings.systemPrompt ?? ''));
  const shared = prompts.size === 1 ? [...prompts][0]! : '';
  const columns: AssistantColumn[] = room.columns.map((c) => {
    const settings = structuredClone(c.settings);
    if (shared) delete settings.systemPrompt;
    return { model: c.model, ...(c.label ? { label: c.label } : {}), settings };
  });
  return {
    id: newAssistantId(),
    name,
    ...(shared ? { systemPrompt: shared } : {}),
    columns,
    ...(room.blind ? { blind: true } : {}),
    ...(room.conversation?.pinProviders ? { pinProviders: true } : {}),
    ...(room.conversation?.contextOverflow ? { contextOverflow: room.conversation.contextOverflow } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** The columns an assistant sets up: each with its settings, the assistant's system prompt where it has none. */
export function assistantColumns(a: Assistant): AssistantColumn[] {
  return a.columns.map((c) => ({
    model: c.model,
    ...(c.label ? { label: c.label } : {}),
    settings: { ...structuredClone(c.settings), ...(a.systemPrompt && !c.settings.systemPrompt ? { systemPrompt: a.systemPrompt } : {}) },
  }));
}

/** Opens a new chat set up as the assistant says (stored, and remembering the assistant, on its first prompt). */
export function startFromAssistant(a: Assistant): void {
  const cols = assistantColumns(a);
  startDraft(cols);
  const draft = useRoom.getState().draftColumns.map((c, i) => (cols[i]?.label ? { ...c, label: cols[i].label } : c));
  useRoom.setState({ draftColumns: draft, draftBlind: !!a.blind, draftAssistant: roomOptionsFromAssistant(a) });
}
