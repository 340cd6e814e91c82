import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import { buildChatRequest } from './request';
import { activeTurns, contextFor, indexMessages, type Turn } from '../../common/room/turns';
import { useRoom } from '../../common/room/room-store';
import type { ColumnConfig, MessageRow } from '../../common/room/types';

/**
 * The request each column would send if `text` were sent now (for estimates before sending): its own history,
 * or the chosen answer's thread when "Continue with this answer" is pending. Attachments are left out.
 */
export function previewRequests(columns: ColumnConfig[], text: string): Map<string, ChatRequest> {
  const s = useRoom.getState();
  const conv = s.conversation;
  const out = new Map<string, ChatRequest>();
  const turns: Turn[] = conv ? activeTurns(indexMessages(s.messages.values(), conv.id), conv) : [];
  const last = turns[turns.length - 1];
  const now = Date.now();
  const draft: MessageRow = {
    id: '__draft__', conversationId: conv?.id ?? '', seq: Number.MAX_SAFE_INTEGER, parentId: last?.user.active.id ?? null, groupId: '__draft__',
    columnId: null, role: 'user', content: text, status: 'done', createdAt: now, updatedAt: now,
  };
  const pending = conv?.pendingContinueFromId ? s.messages.get(conv.pendingContinueFromId) : undefined;
  const withDraft: Turn[] = [
    ...turns,
    { user: { active: draft, all: [draft], key: '__draft__' }, answers: new Map(), continueFrom: pending && pending.parentId === draft.parentId ? pending : null, fused: null },
  ];
  for (const c of columns) out.set(c.id, buildChatRequest(c, contextFor(withDraft, withDraft.length - 1, c.id)));
  return out;
}
