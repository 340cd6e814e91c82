import { getParleyDb } from './database';
import { NotFoundError } from './errors';
import type { ContextDropMark, ConversationRow } from './types';

// The room's overflow choice and, per column, what its last request left out (one read-modify-write per change,
// so columns started one after another never overwrite each other's mark).

async function change(id: string, edit: (row: ConversationRow) => ConversationRow | null): Promise<ConversationRow> {
  const db = getParleyDb();
  return db.transaction('rw', db.conversations, async () => {
    const row = await db.conversations.get(id);
    if (!row || row.deletedAt !== undefined) throw new NotFoundError(`conversation ${id} not found`);
    const next = edit(row);
    if (next) await db.conversations.put(next);
    return next ?? row;
  });
}

export function setContextOverflow(id: string, choice: 'drop-oldest' | 'stop'): Promise<ConversationRow> {
  return change(id, (row) => ({ ...row, contextOverflow: choice }));
}

/** Records (mark) or clears (null) what column `columnId`'s last request left out. */
export function setContextDropMark(id: string, columnId: string, mark: ContextDropMark | null): Promise<ConversationRow> {
  return change(id, (row) => {
    const had = row.contextDropped?.[columnId];
    if (!mark && !had) return null;
    const marks = { ...row.contextDropped };
    if (mark) marks[columnId] = mark;
    else delete marks[columnId];
    return { ...row, contextDropped: marks };
  });
}
