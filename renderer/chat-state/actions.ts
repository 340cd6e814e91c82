import { bridge } from '../bridge';
import { BridgeError } from '../../shared/contract/bridge';
import { buildChatRequest, modelSlug } from './request';
import { activeTurns, answerKey, contextFor, indexMessages, siblingKeyOf, userKey, type Turn } from './tree';
import { liveAnswers, fromSnapshot } from './live-answers';
import { chatRepo, removeInMemory, setConversationInMemory, upsertInMemory, useRoom } from './room-store';
import { DEFAULT_SETTINGS, type AttachmentRef, type ColumnConfig, type ColumnSettings, type Conversation, type MessageRow } from './types';

// Everything a user can do in a room. Each action writes storage and memory, then (for prompts) starts one stream
// per column in main.

export const newId = () => crypto.randomUUID();

export function newColumn(model: string, settings: Partial<ColumnSettings> = {}): ColumnConfig {
  return { id: newId(), model, settings: { ...DEFAULT_SETTINGS, ...settings } };
}

function current(): { conv: Conversation; turns: Turn[] } {
  const s = useRoom.getState();
  if (!s.conversation) throw new Error('No conversation is open');
  return { conv: s.conversation, turns: activeTurns(indexMessages(s.messages.values()), s.conversation) };
}

async function saveConversation(c: Conversation) {
  setConversationInMemory(c);
  await chatRepo().putConversation(c);
}

export async function createConversation(columns: ColumnConfig[]): Promise<Conversation> {
  const now = Date.now();
  const c: Conversation = { id: newId(), title: 'New chat', createdAt: now, updatedAt: now, columns, selection: {}, pendingContinueFromId: null, lastSeq: 0 };
  await saveConversation(c);
  return c;
}

export async function updateConversation(id: string, patch: Partial<Omit<Conversation, 'id'>>) {
  const s = useRoom.getState();
  const base = s.conversation?.id === id ? s.conversation : ((await chatRepo().getConversation(id)) ?? null);
  if (!base) return;
  await saveConversation({ ...base, ...patch });
}

export async function deleteConversation(id: string) {
  for (const e of liveAnswers.all()) if (e.conversationId === id) await stopAnswer(e.messageId);
  await chatRepo().deleteConversation(id);
  const s = useRoom.getState();
  useRoom.setState({
    conversations: s.conversations.filter((c) => c.id !== id),
    ...(s.openId === id ? { openId: null, conversation: null, messages: new Map(), loaded: 'none' as const } : {}),
  });
}

/** The open room's columns, or the draft's when no conversation is open yet. */
export function roomColumns(): ColumnConfig[] {
  const s = useRoom.getState();
  return s.conversation?.columns ?? s.draftColumns;
}

export async function setColumns(columns: ColumnConfig[]) {
  const s = useRoom.getState();
  if (!s.conversation) {
    useRoom.setState({ draftColumns: columns });
    return;
  }
  await saveConversation({ ...s.conversation, columns });
}

export const addColumn = (model: string, settings: Partial<ColumnSettings> = {}) => setColumns([...roomColumns(), newColumn(model, settings)]);
export const removeColumn = (columnId: string) => setColumns(roomColumns().filter((c) => c.id !== columnId));

export async function updateColumn(columnId: string, patch: { model?: string; settings?: Partial<ColumnSettings> }) {
  await setColumns(
    roomColumns().map((c) => (c.id === columnId ? { ...c, ...(patch.model ? { model: patch.model } : {}), settings: { ...c.settings, ...patch.settings } } : c)),
  );
}

/** A new chat with the given columns (fresh ids, so a model set can be applied many times). */
export function startDraft(columns: ColumnConfig[]) {
  useRoom.setState({ draftColumns: columns.map((c) => ({ ...c, id: newId(), settings: { ...c.settings } })) });
}

function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || 'New chat';
}

/** Writes the placeholder row, then asks main to stream into it. */
async function startAnswer(conv: Conversation, column: ColumnConfig, user: MessageRow, turns: Turn[], modelOverride?: string): Promise<MessageRow> {
  const n = turns.findIndex((t) => t.user.active.id === user.id);
  const history = contextFor(turns, n, column.id);
  const col = modelOverride ? { ...column, model: modelOverride } : column;
  const request = buildChatRequest(col, history);
  const now = Date.now();
  const row: MessageRow = {
    id: newId(),
    conversationId: conv.id,
    parentId: user.id,
    role: 'assistant',
    columnId: column.id,
    seq: ++conv.lastSeq,
    createdAt: now,
    content: '',
    reasoning: '',
    status: 'streaming',
    streamId: newId(),
    requestedModel: modelSlug(col),
    startedAt: now,
    firstTokenAt: null,
  };
  await chatRepo().putMessages([row]);
  upsertInMemory([row]);
  liveAnswers.put({
    streamId: row.streamId!, messageId: row.id, conversationId: conv.id, columnId: column.id, status: 'streaming', text: '', reasoning: '',
    model: null, provider: null, startedAt: now, firstTokenAt: null, seq: 0, finishReason: null, error: null,
  });
  const meta = { conversationId: conv.id, messageId: row.id, columnId: column.id };
  bridge()
    .invoke('chat.start', { streamId: row.streamId!, meta, request })
    .then((snap) => {
      const known = liveAnswers.get(row.id);
      if (known && snap.seq > known.seq) liveAnswers.put(fromSnapshot(snap));
    })
    .catch(async (err: unknown) => {
      const message = err instanceof BridgeError || err instanceof Error ? err.message : 'Could not start the answer';
      liveAnswers.remove(row.id);
      const patch: Partial<MessageRow> = { status: 'error', error: { code: 0, message } };
      await chatRepo().patchMessage(row.id, patch);
      upsertInMemory([{ ...row, ...patch }]);
    });
  return row;
}

/** Sends a prompt to every column; from a draft, stores the conversation first and returns its id. */
export async function send(text: string, attachments: AttachmentRef[] = []): Promise<string> {
  if (!useRoom.getState().conversation) {
    const c = await createConversation(useRoom.getState().draftColumns);
    useRoom.setState({ openId: c.id, conversation: c, messages: new Map(), loaded: 'full', draftColumns: [] });
  }
  const { conv: base, turns } = current();
  const conv = { ...base, selection: { ...base.selection } };
  const last = turns[turns.length - 1];
  const parentId = last ? last.user.active.id : null;
  const continueFromId = conv.pendingContinueFromId && last && useRoom.getState().messages.get(conv.pendingContinueFromId)?.parentId === parentId ? conv.pendingContinueFromId : null;
  const now = Date.now();
  const user: MessageRow = {
    id: newId(), conversationId: conv.id, parentId, role: 'user', columnId: null, seq: ++conv.lastSeq, createdAt: now, content: text,
    ...(attachments.length ? { attachments } : {}), continueFromId,
  };
  conv.selection[userKey(parentId)] = user.id;
  conv.pendingContinueFromId = null;
  conv.updatedAt = now;
  if (turns.length === 0) conv.title = titleFrom(text);
  await chatRepo().putMessages([user]);
  upsertInMemory([user]);
  await startColumns(conv, user);
  return conv.id;
}

async function startColumns(conv: Conversation, user: MessageRow) {
  await saveConversation(conv);
  const { turns } = current();
  for (const column of conv.columns) await startAnswer(conv, column, user, turns);
  await saveConversation({ ...conv });
}

/** A new answer beside the old one (kept, reachable with the switcher), optionally from another model. */
export async function regenerate(answerId: string, modelOverride?: string): Promise<void> {
  const { conv: base } = current();
  const old = useRoom.getState().messages.get(answerId);
  if (!old || old.role !== 'assistant' || !old.parentId || !old.columnId) return;
  const column = base.columns.find((c) => c.id === old.columnId);
  const user = useRoom.getState().messages.get(old.parentId);
  if (!column || !user) return;
  const conv = { ...base, selection: { ...base.selection } };
  const { turns } = current();
  const row = await startAnswer(conv, column, user, turns, modelOverride);
  conv.selection[answerKey(user.id, column.id)] = row.id;
  await saveConversation(conv);
}

/** Editing a prompt makes a new branch from that point; the old one stays behind the switcher. */
export async function editUserMessage(userId: string, text: string): Promise<void> {
  const { conv: base } = current();
  const old = useRoom.getState().messages.get(userId);
  if (!old || old.role !== 'user') return;
  const conv = { ...base, selection: { ...base.selection }, updatedAt: Date.now() };
  const user: MessageRow = {
    id: newId(), conversationId: conv.id, parentId: old.parentId, role: 'user', columnId: null, seq: ++conv.lastSeq, createdAt: Date.now(), content: text,
    ...(old.attachments ? { attachments: old.attachments } : {}), continueFromId: old.continueFromId ?? null,
  };
  conv.selection[userKey(old.parentId)] = user.id;
  await chatRepo().putMessages([user]);
  upsertInMemory([user]);
  await startColumns(conv, user);
}

export async function selectSibling(key: string, messageId: string) {
  const { conv } = current();
  await saveConversation({ ...conv, selection: { ...conv.selection, [key]: messageId } });
}

/** "Continue with this answer": the next prompt's history, in every column, is this answer's thread. */
export async function continueWith(answerId: string | null) {
  const { conv } = current();
  await saveConversation({ ...conv, pendingContinueFromId: answerId });
}

export async function stopAnswer(messageId: string) {
  const live = liveAnswers.get(messageId);
  if (live) await bridge().invoke('chat.stop', { streamId: live.streamId });
}

/** Stops every answer streaming in the open room (other rooms keep going). */
export async function stopRoom() {
  const id = useRoom.getState().openId;
  await Promise.all(liveAnswers.all().filter((e) => e.conversationId === id).map((e) => stopAnswer(e.messageId)));
}

/** Deletes a message; deleting a prompt also deletes everything that followed it on that branch. */
export async function deleteMessage(messageId: string) {
  const { conv } = current();
  const messages = useRoom.getState().messages;
  const target = messages.get(messageId);
  if (!target) return;
  const doomed = new Set<string>([messageId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const m of messages.values()) {
      if (!doomed.has(m.id) && m.parentId && doomed.has(m.parentId)) {
        doomed.add(m.id);
        grew = true;
      }
    }
  }
  for (const id of doomed) if (liveAnswers.get(id)) await stopAnswer(id);
  const selection = { ...conv.selection };
  for (const [k, v] of Object.entries(selection)) if (doomed.has(v)) delete selection[k];
  delete selection[siblingKeyOf(target)];
  await chatRepo().deleteMessages([...doomed]);
  removeInMemory([...doomed]);
  for (const id of doomed) liveAnswers.remove(id);
  await saveConversation({ ...conv, selection, pendingContinueFromId: doomed.has(conv.pendingContinueFromId ?? '') ? null : conv.pendingContinueFromId });
}
