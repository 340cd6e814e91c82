import { FUSED_COLUMN_ID, groupIdFor } from '../../db/group-id';
import { importedFused, importedVote } from './plan-votes';
import { newId } from '../../db/ids';
import type { AttachmentRow, ColumnConfig, ConversationRow, GenerationRow, MessageRow } from '../../db/types';
import { base64ToBytes } from '../../db/base64';
import type { ImportLimits, ValidatedExport } from './export-format';
import { ImportError } from './guard';
import { importMessageExtras, importRoomExtras } from './room-extras';
import { importedImageRefs, planImages } from './plan-images';
import type { ImageRow } from '../../db/migrations/v7';

// Turns a schema-valid export into rows: checks the tree (parents exist, come earlier, prompts chain to prompts,
// answers answer prompts), repairs what can be repaired without guessing (with a warning), and maps ids that
// already exist in this database to fresh ones so nothing is overwritten or duplicated.

export type ImportMode = 'skip-existing' | 'copy';

export interface PlannedConversation {
  conversation: ConversationRow;
  messages: MessageRow[]; // seq order, groupId set, dn not yet assigned
  attachments: AttachmentRow[];
  images: ImageRow[];
  generations: GenerationRow[];
  /** the folder it goes in, by name (history/folders/transfer-folders.ts) */
  folder?: string;
}

export interface ImportPlan {
  conversations: PlannedConversation[];
  skippedConversationIds: string[];
  skippedGenerations: number;
  remappedIds: number;
  warnings: string[];
}

export interface ExistingIds {
  conversations: Set<string>;
  messages: Set<string>;
  attachments: Set<string>;
  generations: Set<string>;
  images?: Set<string>;
}

type Conv = ValidatedExport['conversations'][number];

function fail(message: string): never {
  throw new ImportError('invalid', `This file is not a valid Parley export: ${message}. Nothing was imported.`, [message]);
}

export function planImport(data: ValidatedExport, existing: ExistingIds, mode: ImportMode, limits: ImportLimits, forceCopy: Set<string> = new Set()): ImportPlan {
  const plan: ImportPlan = { conversations: [], skippedConversationIds: [], skippedGenerations: 0, remappedIds: 0, warnings: [] };
  const fileMessageIds = new Set<string>();
  const fileConvIds = new Set<string>();
  const fileAttachmentIds = new Set<string>();
  for (const [ci, c] of data.conversations.entries()) {
    if (fileConvIds.has(c.id)) fail(`conversation id ${c.id} appears twice`);
    fileConvIds.add(c.id);
    for (const m of c.messages) {
      if (fileMessageIds.has(m.id)) fail(`message id ${m.id} appears twice (conversations[${ci}])`);
      fileMessageIds.add(m.id);
    }
    for (const a of c.attachments ?? []) {
      if (fileAttachmentIds.has(a.id)) fail(`attachment id ${a.id} appears twice`);
      fileAttachmentIds.add(a.id);
    }
  }
  const seenGenerations = new Set<string>();
  for (const [ci, c] of data.conversations.entries()) {
    const exists = existing.conversations.has(c.id);
    if (exists && mode === 'skip-existing' && !forceCopy.has(c.id)) {
      plan.skippedConversationIds.push(c.id);
      continue;
    }
    plan.conversations.push(planConversation(c, ci, exists, existing, seenGenerations, plan, limits));
  }
  return plan;
}

function planConversation(
  c: Conv,
  ci: number,
  copy: boolean,
  existing: ExistingIds,
  seenGenerations: Set<string>,
  plan: ImportPlan,
  limits: ImportLimits,
): PlannedConversation {
  const where = `conversations[${ci}]`;
  // ids: everything is remapped for a copy; otherwise only ids that collide with rows already stored
  const idMap = new Map<string, string>();
  const mapId = (old: string, kind: 'msg' | 'att', taken: Set<string>) => {
    if (copy || taken.has(old)) {
      const fresh = newId(kind);
      idMap.set(old, fresh);
      plan.remappedIds++;
      return fresh;
    }
    return old;
  };
  const convId = copy ? newId('conv') : c.id;
  const msgId = (old: string) => idMap.get(old) ?? old;

  const bySeq = [...c.messages].sort((a, b) => a.seq - b.seq);
  const byId = new Map(bySeq.map((m) => [m.id, m]));
  const seqs = new Set<number>();
  for (const m of bySeq) {
    if (seqs.has(m.seq)) fail(`${where}: seq ${m.seq} is used twice`);
    seqs.add(m.seq);
    if (m.parentId !== null) {
      const p = byId.get(m.parentId);
      if (!p) fail(`${where}: message ${m.id} has a parent (${m.parentId}) that is not in this conversation`);
      if (p.seq >= m.seq) fail(`${where}: message ${m.id} comes before its parent`);
      if (p.role !== 'user') fail(`${where}: message ${m.id} follows an answer; prompts and answers both hang off prompts`);
    }
    if (m.role === 'assistant' && (m.parentId === null || m.columnId === null)) fail(`${where}: answer ${m.id} has no prompt or no column`);
    if (m.role === 'user' && m.columnId !== null) fail(`${where}: prompt ${m.id} belongs to a column; prompts are shared by all columns`);
    if ((m.columnId === FUSED_COLUMN_ID) !== (m.fused !== undefined)) {
      fail(`${where}: answer ${m.id} ${m.fused ? 'is fused but not in the "fused" column' : 'uses the column id "fused", which is reserved for fused answers'}`);
    }
  }
  if (c.columns.some((col) => col.id === FUSED_COLUMN_ID)) fail(`${where}: a model column uses the id "fused", which is reserved for fused answers`);
  for (const m of bySeq) mapId(m.id, 'msg', existing.messages);

  const columns: ColumnConfig[] = c.columns.map((col) => ({ ...col, settings: { ...col.settings } }));
  const columnIds = new Set(columns.map((col) => col.id));
  for (const m of bySeq) {
    // answers of a blind turn exported before its vote belong to no column: which model wrote them is not known
    if (m.columnId && m.columnId !== FUSED_COLUMN_ID && !columnIds.has(m.columnId) && m.blindLetter === undefined) {
      columns.push({ id: m.columnId, model: m.model?.requested || 'unknown', settings: {} });
      columnIds.add(m.columnId);
      plan.warnings.push(`${where}: column ${m.columnId} was missing from the column list and was added back`);
    }
  }

  // attachments: bytes decoded and checked; ids remapped on collision
  const attIdMap = new Map<string, string>();
  const attachments: AttachmentRow[] = [];
  for (const a of c.attachments ?? []) {
    if (!byId.has(a.messageId)) {
      plan.warnings.push(`${where}: attachment ${a.name} belongs to no message in the file and was left out`);
      continue;
    }
    const bytes = base64ToBytes(a.data);
    if (!bytes) fail(`${where}: attachment ${a.name} is not valid base64`);
    if (bytes.byteLength > limits.maxAttachmentBytes) fail(`${where}: attachment ${a.name} is larger than the import limit`);
    const newAttId = copy || existing.attachments.has(a.id) ? newId('att') : a.id;
    if (newAttId !== a.id) {
      attIdMap.set(a.id, newAttId);
      plan.remappedIds++;
    }
    attachments.push({ id: newAttId, messageId: msgId(a.messageId), conversationId: convId, name: a.name, mime: a.mime, size: bytes.byteLength, blob: bytes });
  }
  const storedAttachments = new Set(attachments.map((a) => a.id));
  const images = planImages(c.images ?? [], where, {
    conversationId: convId, msgId, hasMessage: (id) => byId.has(id), taken: (existing.images ??= new Set()), copy, maxBytes: limits.maxAttachmentBytes, warnings: plan.warnings, now: Date.now(),
  });

  let streamingFixed = 0;
  // rows are built field by field (no spread, no delete) so they all share one shape: cheaper to clone and store
  const messages: MessageRow[] = bySeq.map((m) => {
    const parentId = m.parentId === null ? null : msgId(m.parentId);
    let status = m.status;
    if (status === 'streaming') {
      status = 'interrupted';
      streamingFixed++;
    }
    const row: MessageRow = {
      id: msgId(m.id),
      conversationId: convId,
      seq: m.seq,
      parentId,
      groupId: groupIdFor(convId, parentId, m.columnId),
      columnId: m.columnId,
      role: m.role,
      content: m.content,
      status,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    };
    if (m.reasoning !== undefined) row.reasoning = m.reasoning;
    if (m.continueFromId !== undefined) row.continueFromId = m.continueFromId === null ? null : byId.has(m.continueFromId) ? msgId(m.continueFromId) : null;
    if (m.model !== undefined) row.model = m.model;
    if (m.tokens !== undefined) row.tokens = m.tokens;
    if (m.cost !== undefined) row.cost = m.cost;
    if (m.generationId !== undefined) row.generationId = m.generationId;
    if (m.timings !== undefined) row.timings = m.timings;
    if (m.finishReason !== undefined) row.finishReason = m.finishReason;
    if (m.nativeFinishReason !== undefined) row.nativeFinishReason = m.nativeFinishReason;
    if (m.error !== undefined) row.error = m.error;
    if (m.blind !== undefined) row.blind = m.blind;
    if (m.blindLetter !== undefined) row.blindLetter = m.blindLetter;
    if (m.sources !== undefined) row.sources = m.sources;
    if (m.offeredTools !== undefined) row.offeredTools = m.offeredTools;
    if (m.toolSteps !== undefined) row.toolSteps = m.toolSteps;
    const { vote, problem: voteProblem } = importedVote(m, byId, msgId);
    if (vote) row.vote = vote;
    const { fused, problem: fusedProblem } = importedFused(m, byId, msgId);
    if (fused) row.fused = fused;
    importMessageExtras(m, row);
    for (const p of [voteProblem, fusedProblem]) if (p) plan.warnings.push(`${where}: ${p}`);
    if (m.images) {
      const refs = importedImageRefs(m.images, images);
      if (refs.length) row.images = refs;
    }
    if (m.attachments) {
      row.attachments = m.attachments.map((r) => ({ ...r, id: attIdMap.get(r.id) ?? r.id }));
      const missing = row.attachments.filter((r) => !storedAttachments.has(r.id));
      if (missing.length) plan.warnings.push(`${where}: ${missing.length} attachment(s) of message ${m.id} have no data in the file`);
    }
    return row;
  });
  if (streamingFixed) plan.warnings.push(`${where}: ${streamingFixed} answer(s) were still streaming when exported; imported as interrupted`);

  // view state: head and selection are kept when they point at real rows, else recomputed / dropped
  const rowsById = new Map(messages.map((m) => [m.id, m]));
  const selection: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(c.selection ?? {})) {
    const chosen = rowsById.get(msgId(value));
    const slash = key.lastIndexOf('/');
    const parent = key.slice(0, slash);
    const mappedKey = `${parent.startsWith('root:') ? `root:${convId}` : msgId(parent)}/${key.slice(slash + 1)}`;
    if (chosen && chosen.groupId === mappedKey) selection[mappedKey] = chosen.id;
  }
  let headId = c.headId ? msgId(c.headId) : null;
  const head = headId ? rowsById.get(headId) : undefined;
  if (!head || head.role !== 'user') headId = newestTip(messages);

  const generations: GenerationRow[] = [];
  for (const g of c.generations ?? []) {
    if (existing.generations.has(g.id) || seenGenerations.has(g.id)) {
      plan.skippedGenerations++; // already in the ledger: importing it again would count the spend twice
      continue;
    }
    seenGenerations.add(g.id);
    const row: GenerationRow = { ...g, conversationId: convId };
    if (g.messageId) {
      if (rowsById.has(msgId(g.messageId))) row.messageId = msgId(g.messageId);
      else delete row.messageId;
    }
    generations.push(row);
  }

  const conversation: ConversationRow = {
    id: convId,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    columns,
    lastSeq: messages.length ? messages[messages.length - 1]!.seq : 0,
    headId,
    selection: { ...selection },
    pendingContinueFromId: c.pendingContinueFromId && rowsById.has(msgId(c.pendingContinueFromId)) ? msgId(c.pendingContinueFromId) : null,
  };
  if (c.pinned !== undefined) conversation.pinned = c.pinned;
  if (c.blind !== undefined) conversation.blind = c.blind;
  if (c.tools !== undefined) conversation.tools = c.tools;
  importRoomExtras(c, conversation, msgId, (old) => byId.has(old));
  if (c.archived) conversation.archived = 1;
  return { conversation, messages, attachments, images: images.rows, generations, ...(c.folder ? { folder: c.folder } : {}) };
}

/** Newest prompt sibling at each level, from the root down (the default shown branch). */
function newestTip(messages: MessageRow[]): string | null {
  const users = new Map<string | null, MessageRow>();
  for (const m of messages) if (m.role === 'user') users.set(m.parentId, m);
  let cur = users.get(null) ?? null;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    const next = users.get(cur.id);
    if (!next) break;
    cur = next;
  }
  return cur?.id ?? null;
}
