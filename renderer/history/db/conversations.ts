import { getParleyDb } from './database';
import { InvalidWriteError, NotFoundError } from './errors';
import { ID_PATTERN, newId } from './ids';
import { FUSED_COLUMN_ID } from './group-id';
import type { ColumnConfig, ConversationRow, RoomLayout } from './types';

export interface NewConversation {
  title?: string;
  columns: ColumnConfig[];
  id?: string;
  /** blind mode (see ConversationRow.blind) */
  blind?: boolean;
  /** room options of the assistant a draft was started from (renderer/assistants/) */
  fromAssistant?: Pick<ConversationRow, 'assistant' | 'pinProviders' | 'contextOverflow'>;
  /** MCP tools the room offers (see ConversationRow.tools) */
  tools?: ConversationRow['tools'];
  layout?: RoomLayout;
  now?: number;
}

export type ConversationPatch = Partial<Pick<ConversationRow, 'title' | 'columns' | 'pinned' | 'pendingContinueFromId' | 'blind' | 'replay' | 'pinProviders' | 'tools' | 'layout'>>;

function checkColumns(columns: ColumnConfig[]) {
  const seen = new Set<string>();
  for (const c of columns) {
    if (!ID_PATTERN.test(c.id)) throw new InvalidWriteError(`column id "${c.id}" is not a valid id`);
    if (seen.has(c.id)) throw new InvalidWriteError(`column id "${c.id}" is used twice`);
    if (c.id === FUSED_COLUMN_ID) throw new InvalidWriteError(`column id "${c.id}" is reserved for fused answers`);
    if (!c.model) throw new InvalidWriteError(`column "${c.id}" has no model`);
    seen.add(c.id);
  }
}

export async function createConversation(input: NewConversation): Promise<ConversationRow> {
  checkColumns(input.columns);
  const now = input.now ?? Date.now();
  const row: ConversationRow = {
    id: input.id ?? newId('conv'),
    title: input.title ?? '',
    createdAt: now,
    updatedAt: now,
    columns: input.columns,
    lastSeq: 0,
    headId: null,
    selection: {},
    pendingContinueFromId: null,
  };
  if (input.blind) row.blind = true;
  for (const [k, v] of Object.entries(input.fromAssistant ?? {})) if (v !== undefined) Object.assign(row, { [k]: v });
  if (input.tools) row.tools = input.tools;
  if (input.layout && input.layout !== 'side') row.layout = input.layout;
  await getParleyDb().conversations.add(row);
  return row;
}

/** The conversation, or undefined if it does not exist or is deleted (pending undo). */
export async function getConversation(id: string, opts: { includeDeleted?: boolean } = {}): Promise<ConversationRow | undefined> {
  const row = await getParleyDb().conversations.get(id);
  if (!row || (row.deletedAt !== undefined && !opts.includeDeleted)) return undefined;
  return row;
}

/** Most recently updated first; deleted conversations (pending undo) are left out. */
export async function listConversations(opts: { limit?: number; offset?: number } = {}): Promise<ConversationRow[]> {
  let q = getParleyDb().conversations.orderBy('updatedAt').reverse().filter((c) => c.deletedAt === undefined);
  if (opts.offset) q = q.offset(opts.offset);
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  return q.toArray();
}

export async function updateConversation(id: string, patch: ConversationPatch, now = Date.now()): Promise<ConversationRow> {
  if (patch.columns) checkColumns(patch.columns);
  const db = getParleyDb();
  return db.transaction('rw', db.conversations, async () => {
    const row = await db.conversations.get(id);
    if (!row || row.deletedAt !== undefined) throw new NotFoundError(`conversation ${id} not found`);
    const next: ConversationRow = { ...row, updatedAt: now };
    if (patch.title !== undefined) next.title = patch.title;
    if (patch.columns !== undefined) next.columns = patch.columns;
    if (patch.pinned !== undefined) next.pinned = patch.pinned;
    if (patch.pendingContinueFromId !== undefined) next.pendingContinueFromId = patch.pendingContinueFromId;
    if (patch.blind !== undefined) next.blind = patch.blind;
    if (patch.replay !== undefined) next.replay = patch.replay;
    if (patch.pinProviders !== undefined) next.pinProviders = patch.pinProviders;
    if (patch.tools !== undefined) next.tools = patch.tools;
    if (patch.layout !== undefined) next.layout = patch.layout;
    await db.conversations.put(next);
    return next;
  });
}

export async function renameConversation(id: string, title: string): Promise<ConversationRow> {
  return updateConversation(id, { title });
}
