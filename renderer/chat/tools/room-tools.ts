import { EMPTY_SELECTION, type ToolSelection } from '../../../shared/tools/tool-selection';
import { updateConversation } from '../../history/db/conversations';
import { setConversationInMemory, useRoom } from '../../common/room/room-store';
import { useDraftTools } from './draft-tools';

// Where a room's tool pick lives: on the conversation row, or (a new chat not sent yet) here until its first prompt
// stores the conversation with it. A column's own pick lives in its settings
// (ColumnToolsFields).

/** The open room's pick (or the draft's). */
export function useRoomToolSelection(): ToolSelection {
  const stored = useRoom((s) => s.conversation?.tools);
  const hasConversation = useRoom((s) => s.conversation !== null);
  const draft = useDraftTools((s) => s.selection);
  return hasConversation ? (stored ?? EMPTY_SELECTION) : draft;
}

export async function setRoomTools(selection: ToolSelection): Promise<void> {
  const conv = useRoom.getState().conversation;
  if (!conv) {
    useDraftTools.setState({ selection });
    return;
  }
  setConversationInMemory(await updateConversation(conv.id, { tools: selection }));
}
