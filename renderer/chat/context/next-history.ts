import { contextFor, type Turn } from '../../common/room/turns';
import type { MessageRow } from '../../common/room/types';

/** The history column `columnId` sends with the next prompt (the prompt itself not yet written), oldest first. */
export function nextHistory(turns: Turn[], columnId: string, pendingContinue: MessageRow | null): MessageRow[] {
  if (turns.length === 0) return [];
  const last = turns[turns.length - 1]!;
  const continueFrom = pendingContinue && pendingContinue.parentId === last.user.active.id ? pendingContinue : null;
  const next: Turn = { user: { active: last.user.active, all: [], key: '' }, answers: new Map(), continueFrom, fused: null };
  return contextFor([...turns, next], turns.length, columnId).slice(0, -1);
}
