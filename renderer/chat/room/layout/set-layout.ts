import { updateConversation } from '../../../history/db/conversations';
import { setConversationInMemory, useRoom } from '../../../common/room/room-store';
import type { RoomLayout } from './room-layout';

/** Stores the layout with the open room (or with the new chat, which stores it on its first prompt). */
export async function setRoomLayout(layout: RoomLayout): Promise<void> {
  const s = useRoom.getState();
  if (!s.conversation) {
    useRoom.setState({ draftLayout: layout });
    return;
  }
  setConversationInMemory(await updateConversation(s.conversation.id, { layout }));
}
