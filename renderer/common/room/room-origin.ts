import type { NewConversation } from '../../history/db/conversations';
import type { ConversationRow } from '../../history/db/types';

export type RoomOptions = NonNullable<NewConversation['fromAssistant']>;

/** What a room started from an assistant keeps of it: its name and the room-wide options. */
export function roomOptionsFromAssistant(a: { id: string; name: string; pinProviders?: boolean; contextOverflow?: RoomOptions['contextOverflow'] }): RoomOptions {
  return {
    assistant: { id: a.id, name: a.name },
    ...(a.pinProviders ? { pinProviders: true } : {}),
    ...(a.contextOverflow ? { contextOverflow: a.contextOverflow } : {}),
  };
}

/** A new chat made from this room (Ctrl+N) keeps the assistant it came from, if any. */
export function roomOptionsOf(conv: ConversationRow): RoomOptions | null {
  return conv.assistant ? roomOptionsFromAssistant({ ...conv.assistant, pinProviders: conv.pinProviders, contextOverflow: conv.contextOverflow }) : null;
}
