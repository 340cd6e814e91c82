import { updateConversation } from '../../history/db/conversations';
import { setConversationInMemory, useRoom } from './room-store';
import type { ColumnConfig, ColumnSettings } from './types';

// The open room's columns, for the room and for any area that adds a model to it (a suggestion, a model set).

export const newId = () => crypto.randomUUID();

export function newColumn(model: string, settings: ColumnSettings = {}): ColumnConfig {
  return { id: `col_${newId()}`, model, settings };
}

/** The open room's columns, or the draft's when no conversation is open yet. */
export function roomColumns(): ColumnConfig[] {
  const s = useRoom.getState();
  return s.conversation?.columns ?? s.draftColumns;
}

export async function setColumns(columns: ColumnConfig[]) {
  const s = useRoom.getState();
  if (!s.conversation) {
    useRoom.setState({ draftColumns: columns });
    return;
  }
  setConversationInMemory(await updateConversation(s.conversation.id, { columns }));
}

export const addColumn = (model: string, settings: ColumnSettings = {}) => setColumns([...roomColumns(), newColumn(model, settings)]);
