import Dexie from 'dexie';
import type { UrlCitation } from '../../../shared/openrouter/annotations';
import type { LoopStep } from '../../../shared/tools/tool-steps';
import { attachmentRows, prepareAttachments, type NewAttachment, type PreparedAttachment } from './attachments';
import { getParleyDb, type ParleyDb } from './database';
import { answerImageRefs, decodeAnswerImages, imageRows } from './images';
import { makeThumbnailsSoon } from './image-thumbs';
import { InvalidWriteError, NotFoundError } from './errors';
import { groupIdFor } from './group-id';
import { newId } from './ids';
import { addDocs, removeDocs, reserveDocNumbers } from './search-index/writer';
import { searchableText } from './search-index/searchable-text';
import { ensureAllMaterialized, ensureConversationMaterialized, hasPendingPacks } from './staging/materialize';
import type { ConversationRow, MessageCost, MessageError, MessageRow, MessageStatus, MessageTimings, ModelSnapshot } from './types';
import type { TokenCounts } from '../../../shared/openrouter/generation';
import type { FinishReason } from '../../../shared/openrouter/chat-response';

export const searchTables = (db: ParleyDb) => ({ searchPostings: db.searchPostings, meta: db.meta });
/** Every table a prompt's write touches. */
export const writeTables = (db: ParleyDb) => [db.conversations, db.messages, db.attachments, db.searchPostings, db.meta];

const TITLE_CHARS = 80;

function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.trim();
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}

export async function requireConversation(db: ParleyDb, id: string): Promise<ConversationRow> {
  const conv = await db.conversations.get(id);
  if (!conv || conv.deletedAt !== undefined) throw new NotFoundError(`conversation ${id} not found`);
  return conv;
}

/** Marks `messageId` as its group's shown sibling; the newest sibling is the default and needs no entry. */
export function selectInGroup(conv: ConversationRow, groupId: string, messageId: string, isNewest: boolean): void {
  const selection = { ...conv.selection };
  if (isNewest) delete selection[groupId];
  else selection[groupId] = messageId;
  conv.selection = selection;
}

/** Indexes a finished message for search (inside the caller's transaction) and sets its document number. */
export async function indexMessage(db: ParleyDb, row: MessageRow): Promise<void> {
  if (row.dn !== undefined) await removeDocs(searchTables(db), [{ dn: row.dn, text: searchableText(row) }]);
  row.dn = await reserveDocNumbers(searchTables(db), 1);
  await addDocs(searchTables(db), [{ dn: row.dn, text: searchableText(row) }]);
}

export interface NewUserMessage {
  content: string;
  attachments?: NewAttachment[];
  /** the previous prompt on this branch; defaults to the conversation's head (the shown branch's tip) */
  parentId?: string | null;
  /** "Continue with this answer"; defaults to the conversation's pendingContinueFromId, which is then cleared */
  continueFromId?: string | null;
  /** a replay room's prompt: the turn it was first asked in */
  replayOf?: { conversationId: string; promptId: string };
  now?: number;
}

/** Adds a prompt (shared by every column) at the tip of the shown branch, or under `parentId`. */
export async function appendUserMessage(conversationId: string, input: NewUserMessage): Promise<MessageRow> {
  const db = getParleyDb();
  await ensureConversationMaterialized(db, conversationId);
  const files = await prepareAttachments(input.attachments);
  return db.transaction('rw', writeTables(db), async () => {
    const conv = await requireConversation(db, conversationId);
    const row = await addPrompt(db, conv, input, files);
    await db.conversations.put(conv);
    return row;
  });
}

/** Writes a prompt row (inside the caller's transaction) and moves `conv` to it; the caller stores `conv`. */
export async function addPrompt(db: ParleyDb, conv: ConversationRow, input: NewUserMessage, files: PreparedAttachment[]): Promise<MessageRow> {
  const conversationId = conv.id;
  const parentId = input.parentId !== undefined ? input.parentId : conv.headId;
  if (parentId !== null) {
    const parent = await db.messages.get(parentId);
    if (!parent || parent.conversationId !== conversationId || parent.role !== 'user') {
      throw new InvalidWriteError('a prompt must follow a prompt of the same conversation');
    }
  }
  const now = input.now ?? Date.now();
  const id = newId('msg');
  const row: MessageRow = {
    id,
    conversationId,
    seq: conv.lastSeq + 1,
    parentId,
    groupId: groupIdFor(conversationId, parentId, null),
    columnId: null,
    role: 'user',
    content: input.content,
    status: 'done',
    continueFromId: input.continueFromId !== undefined ? input.continueFromId : (conv.pendingContinueFromId ?? null),
    createdAt: now,
    updatedAt: now,
  };
  if (files.length) row.attachments = files.map((f) => f.ref);
  if (conv.blind) row.blind = true;
  if (input.replayOf) row.replayOf = input.replayOf;
  await indexMessage(db, row);
  await db.messages.add(row);
  if (files.length) await db.attachments.bulkAdd(attachmentRows(files, id, conversationId));
  conv.lastSeq = row.seq;
  conv.headId = id;
  conv.updatedAt = now;
  conv.pendingContinueFromId = null;
  if (!conv.title) conv.title = titleFrom(input.content);
  selectInGroup(conv, row.groupId, id, true);
  return row;
}

export interface NewAssistantMessage {
  parentId: string; // the prompt this answers
  columnId: string;
  model: Pick<ModelSnapshot, 'requested'> & Partial<ModelSnapshot>;
  now?: number;
}

/** Creates an empty answer in 'streaming' state; stream into it with createStreamCheckpointer(). */
export async function createAssistantMessage(conversationId: string, input: NewAssistantMessage): Promise<MessageRow> {
  const db = getParleyDb();
  await ensureConversationMaterialized(db, conversationId);
  return db.transaction('rw', [db.conversations, db.messages], async () => {
    const conv = await requireConversation(db, conversationId);
    const row = await addPendingAnswer(db, conv, input);
    await db.conversations.put(conv);
    return row;
  });
}

/** Writes an empty 'streaming' answer row (inside the caller's transaction) into `conv`; the caller stores `conv`. */
export async function addPendingAnswer(db: ParleyDb, conv: ConversationRow, input: NewAssistantMessage): Promise<MessageRow> {
  const conversationId = conv.id;
  if (!conv.columns.some((c) => c.id === input.columnId)) throw new InvalidWriteError(`column ${input.columnId} is not in this conversation`);
  const parent = await db.messages.get(input.parentId);
  if (!parent || parent.conversationId !== conversationId || parent.role !== 'user') {
    throw new InvalidWriteError('an answer must answer a prompt of the same conversation');
  }
  return addStreamingAnswerRow(db, conv, {
    parentId: input.parentId,
    columnId: input.columnId,
    model: { requested: input.model.requested, used: input.model.used ?? null, provider: input.model.provider ?? null, upstream: input.model.upstream ?? null, ...(input.model.chosenBy ? { chosenBy: input.model.chosenBy } : {}), ...(input.model.pinned ? { pinned: input.model.pinned } : {}) },
    now: input.now ?? Date.now(),
  });
}

/** Adds an empty 'streaming' answer row at the end of `conv` and makes it its group's selected sibling (inside the
 * caller's transaction; the caller stores `conv`). The checks of what may be answered are the caller's. */
export async function addStreamingAnswerRow(
  db: ParleyDb,
  conv: ConversationRow,
  a: { parentId: string; columnId: string; model: MessageRow['model']; now: number } & Pick<MessageRow, 'fused'>,
): Promise<MessageRow> {
  const row: MessageRow = {
    id: newId('msg'),
    conversationId: conv.id,
    seq: conv.lastSeq + 1,
    parentId: a.parentId,
    groupId: groupIdFor(conv.id, a.parentId, a.columnId),
    columnId: a.columnId,
    role: 'assistant',
    content: '',
    status: 'streaming',
    streaming: 1,
    model: a.model,
    ...(a.fused ? { fused: a.fused } : {}),
    createdAt: a.now,
    updatedAt: a.now,
  };
  await db.messages.add(row);
  conv.lastSeq = row.seq;
  conv.updatedAt = a.now;
  selectInGroup(conv, row.groupId, row.id, true);
  return row;
}

export interface AnswerOutcome {
  status: Exclude<MessageStatus, 'streaming'>;
  content: string;
  reasoning?: string;
  model?: Partial<ModelSnapshot>;
  tokens?: TokenCounts | null;
  cost?: MessageCost;
  generationId?: string;
  timings?: MessageTimings;
  finishReason?: FinishReason | null;
  nativeFinishReason?: string | null;
  error?: MessageError;
  sources?: UrlCitation[];
  toolSteps?: LoopStep[];
  /** generated images as data: URLs, in order; stored as Blobs, the row keeps their refs */
  images?: string[];
  now?: number;
}

/** An answer's row with its final state applied (what finalizeAssistantMessage stores, minus the search number). */
export function withOutcome(row: MessageRow, outcome: AnswerOutcome): MessageRow {
  const next: MessageRow = { ...row, status: outcome.status, content: outcome.content, updatedAt: outcome.now ?? Date.now() };
  delete next.streaming;
  if (outcome.reasoning !== undefined) next.reasoning = outcome.reasoning;
  if (outcome.model) next.model = { ...(row.model ?? { requested: '', used: null, provider: null, upstream: null }), ...outcome.model };
  if (outcome.tokens !== undefined) next.tokens = outcome.tokens;
  if (outcome.cost !== undefined) next.cost = outcome.cost;
  if (outcome.generationId !== undefined) next.generationId = outcome.generationId;
  if (outcome.timings !== undefined) next.timings = outcome.timings;
  if (outcome.finishReason !== undefined) next.finishReason = outcome.finishReason;
  if (outcome.nativeFinishReason !== undefined) next.nativeFinishReason = outcome.nativeFinishReason;
  if (outcome.error !== undefined) next.error = outcome.error;
  if (outcome.sources !== undefined) next.sources = outcome.sources;
  if (outcome.toolSteps !== undefined) next.toolSteps = outcome.toolSteps;
  if (outcome.images?.length) next.images = answerImageRefs(row.id, outcome.images);
  return next;
}

/** Writes an answer's final state (text, status, usage, cost) and indexes it for search, in one transaction. */
export async function finalizeAssistantMessage(id: string, outcome: AnswerOutcome): Promise<MessageRow> {
  const db = getParleyDb();
  const images = outcome.images?.length ? decodeAnswerImages(id, outcome.images) : [];
  const stored = db.transaction('rw', [db.messages, db.images, db.searchPostings, db.meta], async () => {
    const row = await db.messages.get(id);
    if (!row) throw new NotFoundError(`message ${id} not found`);
    const next = withOutcome(row, outcome);
    if (images.length) await db.images.bulkPut(imageRows(images, id, row.conversationId));
    // re-index from the text that was indexed before (row), then the new text
    if (row.dn !== undefined) await removeDocs(searchTables(db), [{ dn: row.dn, text: searchableText(row) }]);
    delete next.dn;
    await indexMessage(db, next);
    await db.messages.put(next);
    return next;
  });
  if (images.length) void stored.then(() => makeThumbnailsSoon(images.map((i) => i.ref.id)), () => {});
  return stored;
}

/** Saves streamed-so-far text of an answer that is still streaming (no search indexing, no other fields). */
export async function checkpointAnswer(id: string, content: string, reasoning: string | undefined, now = Date.now()): Promise<boolean> {
  const db = getParleyDb();
  return db.transaction('rw', db.messages, async () => {
    const row = await db.messages.get(id);
    if (!row || row.status !== 'streaming') return false;
    const next: MessageRow = { ...row, content, updatedAt: now };
    if (reasoning !== undefined) next.reasoning = reasoning;
    await db.messages.put(next);
    return true;
  });
}

/** Non-text fields of an answer that may arrive after it finished (reconciled cost, late usage). */
export async function updateAnswerMeta(id: string, patch: Partial<Pick<MessageRow, 'cost' | 'tokens' | 'timings' | 'generationId' | 'model'>>): Promise<void> {
  const db = getParleyDb();
  await db.transaction('rw', db.messages, async () => {
    const row = await db.messages.get(id);
    if (!row) throw new NotFoundError(`message ${id} not found`);
    await db.messages.put({ ...row, ...patch, updatedAt: Date.now() });
  });
}

export async function getMessage(id: string): Promise<MessageRow | undefined> {
  const db = getParleyDb();
  const row = await db.messages.get(id);
  if (row || !(await hasPendingPacks(db))) return row;
  await ensureAllMaterialized(db);
  return db.messages.get(id);
}

export interface MessageWindow {
  /** at most this many rows (default 50) */
  limit?: number;
  /** rows with seq < beforeSeq (the page above), newest of them */
  beforeSeq?: number;
  /** rows with seq > afterSeq (the page below), oldest of them */
  afterSeq?: number;
}

/**
 * A window of a conversation's rows in seq order (oldest first), read by index range: the latest `limit` rows
 * by default, or the page before/after a seq. Never loads the whole conversation.
 */
export async function listMessages(conversationId: string, win: MessageWindow = {}): Promise<MessageRow[]> {
  const db = getParleyDb();
  await ensureConversationMaterialized(db, conversationId);
  const limit = win.limit ?? 50;
  const idx = db.messages.where('[conversationId+seq]');
  if (win.afterSeq !== undefined) {
    return idx.between([conversationId, win.afterSeq], [conversationId, Dexie.maxKey], false, true).limit(limit).toArray();
  }
  const upper = win.beforeSeq !== undefined ? [conversationId, win.beforeSeq] : [conversationId, Dexie.maxKey];
  const rows = await idx.between([conversationId, Dexie.minKey], upper, true, false).reverse().limit(limit).toArray();
  return rows.reverse();
}

/** Every row of a conversation in seq order (export, full tree views). Prefer listMessages for display. */
export async function listAllMessages(conversationId: string): Promise<MessageRow[]> {
  const db = getParleyDb();
  await ensureConversationMaterialized(db, conversationId);
  return db.messages.where('[conversationId+seq]').between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey]).toArray();
}

export async function countMessages(conversationId: string): Promise<number> {
  const db = getParleyDb();
  await ensureConversationMaterialized(db, conversationId);
  return db.messages.where('[conversationId+seq]').between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey]).count();
}
