import { appendUserMessage, selectInGroup, type NewUserMessage } from './messages';
import { getParleyDb, type ParleyDb } from './database';
import { InvalidWriteError, NotFoundError } from './errors';
import { groupIdFor, userChildGroup } from './group-id';
import { ensureConversationMaterialized } from './staging/materialize';
import type { ConversationRow, MessageRow } from './types';

// The conversation tree: prompts chain through parentId (a prompt's parent is the previous prompt on its branch);
// answers hang off their prompt, one sibling group per column. The shown branch is conv.headId (its newest
// prompt) walked up through parents, with conv.selection choosing among siblings (newest by default).

export interface SiblingInfo {
  groupId: string;
  ids: string[]; // oldest first
  index: number; // position of the shown sibling in ids
}

export interface ColumnAnswer {
  columnId: string;
  message: MessageRow;
  siblings: SiblingInfo;
}

export interface ActiveTurn {
  user: MessageRow;
  userSiblings: SiblingInfo;
  /** the shown answer of each column that answered, in the conversation's column order (unknown columns last) */
  answers: ColumnAnswer[];
}

export interface ActivePath {
  conversation: ConversationRow;
  turns: ActiveTurn[]; // oldest first
  /** true when maxTurns cut off earlier turns; ask again with a larger maxTurns to see them */
  hasEarlier: boolean;
}

const bySeq = (a: MessageRow, b: MessageRow) => a.seq - b.seq;

function pick(siblings: MessageRow[], groupId: string, conv: ConversationRow): { shown: MessageRow; info: SiblingInfo } {
  const chosen = conv.selection[groupId];
  let index = chosen ? siblings.findIndex((m) => m.id === chosen) : -1;
  if (index < 0) index = siblings.length - 1;
  return { shown: siblings[index]!, info: { groupId, ids: siblings.map((m) => m.id), index } };
}

async function children(db: ParleyDb, parentId: string): Promise<MessageRow[]> {
  return (await db.messages.where('parentId').equals(parentId).toArray()).sort(bySeq);
}

/** Walks down from `start` (a prompt) following the shown sibling of each next-prompt group; returns the tip. */
async function descendToTip(db: ParleyDb, conv: ConversationRow, start: MessageRow): Promise<string> {
  let cur = start;
  const seen = new Set<string>();
  while (!seen.has(cur.id)) {
    seen.add(cur.id);
    const next = (await db.messages.where('groupId').equals(userChildGroup(cur.id)).toArray()).sort(bySeq);
    if (next.length === 0) break;
    cur = pick(next, userChildGroup(cur.id), conv).shown;
  }
  return cur.id;
}

async function rootTip(db: ParleyDb, conv: ConversationRow): Promise<string | null> {
  const group = groupIdFor(conv.id, null, null);
  const roots = (await db.messages.where('groupId').equals(group).toArray()).sort(bySeq);
  if (roots.length === 0) return null;
  return descendToTip(db, conv, pick(roots, group, conv).shown);
}

/**
 * The shown branch, newest `maxTurns` turns (all by default), each prompt with its sibling info and every
 * column's shown answer. Reads only the rows on the path and their siblings, never the whole conversation.
 */
export async function getActivePath(conversationId: string, opts: { maxTurns?: number } = {}): Promise<ActivePath> {
  const db = getParleyDb();
  await ensureConversationMaterialized(db, conversationId);
  return db.transaction('r', [db.conversations, db.messages], async () => {
    const conv = await db.conversations.get(conversationId);
    if (!conv || conv.deletedAt !== undefined) throw new NotFoundError(`conversation ${conversationId} not found`);
    let headId = conv.headId;
    let head = headId ? await db.messages.get(headId) : undefined;
    if (!head) {
      headId = await rootTip(db, conv);
      head = headId ? await db.messages.get(headId) : undefined;
    }
    const max = opts.maxTurns ?? Infinity;
    const turns: ActiveTurn[] = [];
    const order = new Map(conv.columns.map((c, i) => [c.id, i]));
    let user = head;
    const seen = new Set<string>();
    while (user && turns.length < max && !seen.has(user.id)) {
      seen.add(user.id);
      const kids = await children(db, user.id);
      const groups = new Map<string, MessageRow[]>();
      for (const m of kids) {
        if (m.role !== 'assistant' || !m.columnId) continue;
        const list = groups.get(m.columnId);
        if (list) list.push(m);
        else groups.set(m.columnId, [m]);
      }
      const answers: ColumnAnswer[] = [...groups.entries()]
        .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1))
        .map(([columnId, list]) => {
          const { shown, info } = pick(list, list[0]!.groupId, conv);
          return { columnId, message: shown, siblings: info };
        });
      const siblingRows = (await db.messages.where('groupId').equals(user.groupId).toArray()).sort(bySeq);
      const index = siblingRows.findIndex((m) => m.id === user!.id);
      turns.push({ user, answers, userSiblings: { groupId: user.groupId, ids: siblingRows.map((m) => m.id), index } });
      user = user.parentId ? await db.messages.get(user.parentId) : undefined;
    }
    turns.reverse();
    return { conversation: conv, turns, hasEarlier: !!user && turns.length >= max };
  });
}

/** Shows `messageId` instead of its siblings. Switching a prompt moves the branch tip into that prompt's subtree. */
export async function switchSibling(messageId: string): Promise<ConversationRow> {
  const db = getParleyDb();
  const probe = await db.messages.get(messageId);
  if (!probe) throw new NotFoundError(`message ${messageId} not found`);
  return db.transaction('rw', [db.conversations, db.messages], async () => {
    const msg = await db.messages.get(messageId);
    const conv = msg && (await db.conversations.get(msg.conversationId));
    if (!msg || !conv) throw new NotFoundError(`message ${messageId} not found`);
    const siblings = (await db.messages.where('groupId').equals(msg.groupId).toArray()).sort(bySeq);
    selectInGroup(conv, msg.groupId, msg.id, siblings[siblings.length - 1]!.id === msg.id);
    if (msg.role === 'user') conv.headId = await descendToTip(db, conv, msg);
    await db.conversations.put(conv);
    return conv;
  });
}

/** The message and its siblings (same groupId), oldest first. */
export async function listSiblings(messageId: string): Promise<MessageRow[]> {
  const db = getParleyDb();
  const msg = await db.messages.get(messageId);
  if (!msg) throw new NotFoundError(`message ${messageId} not found`);
  return (await db.messages.where('groupId').equals(msg.groupId).toArray()).sort(bySeq);
}

/**
 * Editing a prompt never overwrites it: the edit becomes a new sibling prompt (same parent), shown and made the
 * branch tip. The old prompt and everything under it stay, reachable with switchSibling.
 */
export async function branchOnEdit(userMessageId: string, edit: Omit<NewUserMessage, 'parentId'>): Promise<MessageRow> {
  const db = getParleyDb();
  const original = await db.messages.get(userMessageId);
  if (!original) throw new NotFoundError(`message ${userMessageId} not found`);
  if (original.role !== 'user') throw new InvalidWriteError('only prompts can be edited into a new branch');
  await ensureConversationMaterialized(db, original.conversationId);
  return appendUserMessage(original.conversationId, {
    ...edit,
    parentId: original.parentId,
    continueFromId: edit.continueFromId !== undefined ? edit.continueFromId : (original.continueFromId ?? null),
  });
}
