import { bridge } from '../../bridge';
import * as history from '../../history/db/messages';
import * as conversations from '../../history/db/conversations';
import { branchOnEdit, switchSibling } from '../../history/db/branches';
import { getAttachmentBlob } from '../../history/db/attachments';
import { appendTurn, type WrittenTurn } from '../../history/db/append-turn';
import { isQuotaError } from '../../history/db/errors';
import type { NewAttachment } from '../../history/db/attachments';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import { buildChatRequest } from './request';
import { ContextFullError, fitForSend } from '../context/fit-for-send';
import { askForImages } from '../images/ask-for-images';
import { withAnswerImageData } from '../images/answer-images-in-context';
import { attachmentData, rememberAttachment } from './attachment-data';
import { activeTurns, contextFor, indexMessages, type Turn } from '../../common/room/turns';
import { liveAnswers } from '../../common/room/live-answers';
import { trackStream, failToStart } from './stream-sync';
import { removeInMemory, setConversationInMemory, upsertInMemory, useRoom } from '../../common/room/room-store';
import { deleteMessageTree } from './delete-messages';
import type { ColumnConfig, ColumnSettings, Conversation, MessageRow, PendingAttachment } from '../../common/room/types';
import { assignEstimate } from '../../common/money/sent-estimates';
import type { SendTicket } from '../../common/money/send-holds';
import { pinnedProvider, pinRequest } from './cache-pin';
import { reloadConversation, stopAnswer } from '../../common/room/conversation-actions';
import { newColumn, newId, roomColumns, setColumns } from '../../common/room/column-actions';

export { deleteConversation, reloadConversation, renameConversation, stopAnswer, undoDeleteConversation } from '../../common/room/conversation-actions';
export { addColumn, newColumn, newId, roomColumns, setColumns } from '../../common/room/column-actions';
import { chooseMyBest, isMyBest, loadMyBestRecords, type MyBestChoice } from '../../common/suggest/my-best';
import type { ChatToolsInput } from '../../../shared/tools/tool-steps';
import { offerTools } from '../tools/offer-tools';
import { clearDraftTools, draftToolPick } from '../tools/draft-tools';
import { saveOfferedTools } from '../../history/db/tool-steps';
import { nextTask } from '../../common/next-task';

// Everything a user can do in a room. Each action writes the history store first, mirrors the result in memory,
// then (for prompts) starts one stream per column in main.

function current(): { conv: Conversation; turns: Turn[] } {
  const s = useRoom.getState();
  if (!s.conversation) throw new Error('No conversation is open');
  return { conv: s.conversation, turns: activeTurns(indexMessages(s.messages.values(), s.conversation.id), s.conversation) };
}

export const removeColumn = (columnId: string) => setColumns(roomColumns().filter((c) => c.id !== columnId));

export async function updateColumn(columnId: string, patch: { model?: string; settings?: ColumnSettings }) {
  await setColumns(roomColumns().map((c) => (c.id === columnId ? { ...c, ...(patch.model ? { model: patch.model } : {}), ...(patch.settings ? { settings: patch.settings } : {}) } : c)));
}

/** A new chat with the given columns (fresh ids, so a model set can be applied many times). */
export function startDraft(columns: Pick<ColumnConfig, 'model' | 'settings'>[]) {
  useRoom.setState({ draftColumns: columns.map((c) => newColumn(c.model, { ...c.settings })), draftAssistant: null });
}

/** Blind mode: prompts sent from now on hide who answered (and what it cost) until their turn is voted on. */
export async function setBlind(on: boolean) {
  const s = useRoom.getState();
  if (!s.conversation) {
    useRoom.setState({ draftBlind: on });
    return;
  }
  setConversationInMemory(await conversations.updateConversation(s.conversation.id, { blind: on }));
}



/** Creates the answer row, then asks main to stream into it. */
async function startAnswer(conv: Conversation, column: ColumnConfig, user: MessageRow, turns: Turn[], modelOverride?: string): Promise<MessageRow> {
  const n = turns.findIndex((t) => t.user.active.id === user.id);
  const context = contextFor(turns, n, column.id);
  const col = modelOverride ? { ...column, model: modelOverride } : column;
  let sent: MessageRow[];
  try {
    sent = await fitForSend(conv, col, context);
  } catch (err) {
    if (!(err instanceof ContextFullError)) throw err;
    const failed = await history.createAssistantMessage(conv.id, { parentId: user.id, columnId: column.id, model: { requested: col.model } });
    upsertInMemory([failed]);
    await failToStart(failed.id, err.message);
    return failed;
  }
  const pin = conv.pinProviders ? pinnedProvider(turns, column.id) : null;
  const built = await askForImages(buildChatRequest(col, sent, await withAnswerImageData(sent, await attachmentData(sent))));
  const request = pin ? pinRequest(built, pin) : built;
  const tools = await offerTools(conv, col);
  const row = await history.createAssistantMessage(conv.id, { parentId: user.id, columnId: column.id, model: { requested: col.model, ...(pin ? { pinned: pin } : {}) } });
  streamInto(row, column.id, request, tools);
  return row;
}

/** Shows a just-created answer row and asks main to stream `request` into it (`streamColumn` keeps streams apart). */
export function streamInto(row: MessageRow, streamColumn: string, request: ChatRequest, tools?: ChatToolsInput) {
  upsertInMemory([tools ? { ...row, offeredTools: tools.offered } : row]);
  if (tools) void saveOfferedTools(row.id, tools.offered);
  const streamId = newId();
  trackStream({ streamId, messageId: row.id, conversationId: row.conversationId, columnId: streamColumn, startedAt: row.createdAt });
  bridge()
    .invoke('chat.start', { streamId, meta: { conversationId: row.conversationId, messageId: row.id, columnId: streamColumn }, request, ...(tools ? { tools } : {}) })
    .catch((err: unknown) => failToStart(row.id, err instanceof Error ? err.message : 'Could not start the answer'));
}

async function startColumns(conversationId: string, user: MessageRow) {
  const { conv, turns } = current();
  for (const column of conv.columns) {
    const row = await startAnswer(conv, column, user, turns);
    assignEstimate(column.id, row.id); // the estimate shown in the composer, for "Explain this cost"
  }
  await reloadConversation(conversationId);
}

/** Thrown by send when its turn could not be stored: nothing was written and nothing was started. */
export class NotSentError extends Error {
  override name = 'NotSentError';
}

function notSentText(err: unknown): string {
  if (isQuotaError(err)) return 'Not sent: storage is full. Free disk space (or delete old conversations), then send again.';
  return `Not sent: ${err instanceof Error ? err.message : String(err)}`;
}

/** Starts the stored pending answers of a sent prompt, one per column, each with that column's context. */
async function startPendingAnswers(conv: Conversation, columns: ColumnConfig[], user: MessageRow, answers: MessageRow[], sentFrom: Map<string, MessageRow>, ticket?: SendTicket, choices: Map<string, MyBestChoice> = new Map()) {
  // the rows in memory (those from before the send if another room was opened since)
  const mem = useRoom.getState();
  const rows = mem.openId === conv.id ? mem.messages.values() : [...sentFrom.values(), user];
  const turns = activeTurns(indexMessages(rows, conv.id), conv);
  const n = turns.findIndex((t) => t.user.active.id === user.id);
  for (const [i, column] of columns.entries()) {
    // one task per column (its context counted, its request built and sent), so the page paints between them
    await nextTask();
    const row = answers[i]!;
    const choice = choices.get(column.id);
    if (choice && 'error' in choice) {
      upsertInMemory([row]);
      await failToStart(row.id, choice.error);
      continue;
    }
    const context = contextFor(turns, n, column.id);
    let request: ChatRequest;
    let tools: ChatToolsInput | undefined;
    try {
      const sent = await fitForSend(conv, column, context);
      request = await askForImages(buildChatRequest(column, sent, await withAnswerImageData(sent, await attachmentData(sent))));
      if (row.model?.pinned) request = pinRequest(request, row.model.pinned);
      tools = await offerTools(conv, column);
    } catch (err) {
      // the turn is stored: this answer says why it could not start, the other columns go ahead
      upsertInMemory([row]);
      await failToStart(row.id, err instanceof Error ? err.message : 'Could not prepare the request');
      continue;
    }
    ticket?.bind(column.id, row.id); // the column's budget hold now ends with this answer
    streamInto(row, column.id, request, tools);
  }
}

/** For each "My best" column, the model chosen for this prompt, or why none could be. */
async function myBestChoices(columns: ColumnConfig[], text: string): Promise<Map<string, MyBestChoice>> {
  const out = new Map<string, MyBestChoice>();
  if (!columns.some((c) => isMyBest(c.model))) return out;
  let records: Awaited<ReturnType<typeof loadMyBestRecords>>;
  try {
    records = await loadMyBestRecords();
  } catch (err) {
    for (const c of columns) if (isMyBest(c.model)) out.set(c.id, { error: `My best: could not read your votes (${(err as Error).message})` });
    return out;
  }
  for (const c of columns) if (isMyBest(c.model)) out.set(c.id, chooseMyBest(records, text));
  return out;
}

/**
 * Sends a prompt to every column; from a draft, stores the conversation first. The prompt, every column's pending
 * answer and the conversation are written in one transaction (appendTurn); when that fails, send throws a
 * NotSentError and nothing was stored or started. Returns the conversation id. `ticket` holds the columns' worst
 * cases against the spend limits (the budget check's): each started answer takes its column's hold, the rest are
 * released.
 */
export async function send(text: string, attachments: PendingAttachment[] = [], ticket?: SendTicket): Promise<string> {
  try {
    return await sendTurn(text, attachments, ticket);
  } finally {
    ticket?.releaseUnbound();
  }
}

async function sendTurn(text: string, attachments: PendingAttachment[], ticket: SendTicket | undefined): Promise<string> {
  const s = useRoom.getState();
  const open = s.conversation;
  const roomColumns = open ? open.columns : s.draftColumns;
  // "My best" columns become, for this prompt, the model the user's votes prefer (or say why none can be)
  const choices = await myBestChoices(roomColumns, text);
  const columns = roomColumns.map((c) => {
    const choice = choices.get(c.id);
    return choice && 'model' in choice ? { ...c, model: choice.model } : c;
  });
  const before = open ? current().turns : [];
  const last = before[before.length - 1];
  const parentId = last ? last.user.active.id : null;
  const pending = open?.pendingContinueFromId ? s.messages.get(open.pendingContinueFromId) : undefined;
  const continueFromId = pending && pending.parentId === parentId ? pending.id : null;
  const files: NewAttachment[] = attachments.map((a) => ({ name: a.name, mime: a.mime, data: a.blob }));
  const draftTools = open ? undefined : draftToolPick();
  let turn: WrittenTurn;
  try {
    turn = await appendTurn(
      open ? open.id : { columns: roomColumns, blind: s.draftBlind, ...(s.draftAssistant ? { fromAssistant: s.draftAssistant } : {}), ...(draftTools ? { tools: draftTools } : {}), ...(s.draftLayout ? { layout: s.draftLayout } : {}) },
      { content: text, parentId, continueFromId, ...(files.length ? { attachments: files } : {}) },
      columns.map((c) => {
        const choice = choices.get(c.id);
        const pin = open?.pinProviders ? pinnedProvider(before, c.id) : null;
        return { columnId: c.id, model: { requested: c.model, ...(choice && 'model' in choice ? { chosenBy: choice.chosenBy } : {}), ...(pin ? { pinned: pin } : {}) } };
      }),
    );
  } catch (err) {
    throw new NotSentError(notSentText(err));
  }
  const { conversation: conv, prompt: user, answers } = turn;
  setConversationInMemory(conv);
  if (!open) useRoom.setState({ openId: conv.id, conversation: conv, messages: new Map(), loaded: 'full', draftColumns: [], draftAssistant: null });
  if (!open) clearDraftTools();
  (user.attachments ?? []).forEach((ref, i) => rememberAttachment(ref.id, attachments[i]!.data));
  upsertInMemory([user]);
  await startPendingAnswers(conv, columns, user, answers, open ? s.messages : new Map(), ticket, choices);
  return conv.id;
}

/** A new answer beside the old one (kept, reachable with the switcher), optionally from another model. */
export async function regenerate(answerId: string, modelOverride?: string): Promise<void> {
  const { conv, turns } = current();
  const old = useRoom.getState().messages.get(answerId);
  if (!old || old.role !== 'assistant' || !old.parentId || !old.columnId) return;
  const column = conv.columns.find((c) => c.id === old.columnId);
  const user = useRoom.getState().messages.get(old.parentId);
  if (!column || !user) return;
  await startAnswer(conv, column, user, turns, modelOverride);
  await reloadConversation(conv.id);
}

/** Editing a prompt makes a new branch from that point; the old one stays behind the switcher. */
export async function editUserMessage(userId: string, text: string): Promise<void> {
  const old = useRoom.getState().messages.get(userId);
  if (!old || old.role !== 'user') return;
  const files: NewAttachment[] = [];
  for (const a of old.attachments ?? []) {
    const blob = await getAttachmentBlob(a.id);
    if (blob) files.push({ name: a.name, mime: a.mime, data: blob });
  }
  const user = await branchOnEdit(userId, { content: text, ...(files.length ? { attachments: files } : {}) });
  upsertInMemory([user]);
  await reloadConversation(old.conversationId);
  await startColumns(old.conversationId, user);
}

export async function selectSibling(_key: string, messageId: string) {
  setConversationInMemory(await switchSibling(messageId));
}

/** "Continue with this answer": the next prompt's history, in every column, is this answer's thread. */
export async function continueWith(answerId: string | null) {
  const { conv } = current();
  setConversationInMemory(await conversations.updateConversation(conv.id, { pendingContinueFromId: answerId }));
}


/** Stops every answer streaming in the open room (other rooms keep going). */
export async function stopRoom() {
  const id = useRoom.getState().openId;
  await Promise.all(liveAnswers.all().filter((e) => e.conversationId === id && e.status === 'streaming').map((e) => stopAnswer(e.messageId)));
}

/** Deletes a message; deleting a prompt also deletes everything that followed it on that branch. */
export async function deleteMessage(messageId: string) {
  const { conv } = current();
  const messages = useRoom.getState().messages;
  const target = messages.get(messageId);
  if (!target) return;
  const doomed = new Set([messageId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of messages.values()) {
      if (!doomed.has(m.id) && m.parentId && doomed.has(m.parentId)) {
        doomed.add(m.id);
        grew = true;
      }
    }
  }
  for (const id of doomed) if (liveAnswers.get(id)?.status === 'streaming') await stopAnswer(id);
  const removed = await deleteMessageTree(conv.id, messageId);
  removeInMemory(removed);
  for (const id of removed) liveAnswers.remove(id);
  await reloadConversation(conv.id);
}
