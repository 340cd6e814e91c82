import { create } from 'zustand';
import { getConversation, listConversations } from '../../history/db/conversations';
import { listMessages } from '../../history/db/messages';
import type { NewConversation } from '../../history/db/conversations';
import type { ColumnConfig, Conversation, MessageRow } from './types';
import type { RoomLayout } from '../../history/db/types';
import { afterNextPaint } from '../after-paint';
import { nextTask } from '../next-task';

// The open conversation in memory (written through to storage by actions.ts) and the sidebar's list. Streaming
// text is not here: see live-answers.ts.

export interface RoomState {
  conversations: Conversation[];
  conversationsLoaded: boolean;
  openId: string | null;
  conversation: Conversation | null;
  messages: Map<string, MessageRow>;
  /** 'partial' while only the newest rows are in memory (first paint of a long conversation) */
  loaded: 'none' | 'partial' | 'full';
  /** the columns of a new chat not yet sent (it is stored on its first prompt) */
  draftColumns: ColumnConfig[];
  /** blind mode of that new chat */
  draftBlind: boolean;
  /** the assistant that new chat was started from, and its room options (renderer/assistants/) */
  draftAssistant: NewConversation['fromAssistant'] | null;
  /** the layout chosen for that new chat */
  draftLayout?: RoomLayout;
}

export const useRoom = create<RoomState>(() => ({
  conversations: [],
  conversationsLoaded: false,
  openId: null,
  conversation: null,
  messages: new Map(),
  loaded: 'none',
  draftColumns: [],
  draftBlind: false,
  draftAssistant: null,
}));

export async function refreshConversations() {
  const list = await listConversations();
  useRoom.setState({ conversations: list, conversationsLoaded: true });
}

const FIRST_PAINT_ROWS = 120;
const PAGE_ROWS = 1000;
let openToken = 0;

/** Every row of a conversation, read a page per task: 10,000 rows read at once take a 200 ms task to arrive (their
 * values are decoded on the page's thread), and a click on another room would wait for it. Null when `abandoned`. */
async function readInPages(id: string, abandoned: () => boolean): Promise<MessageRow[] | null> {
  const rows: MessageRow[] = [];
  for (let afterSeq = -Infinity; ; ) {
    const page = await listMessages(id, { afterSeq, limit: PAGE_ROWS });
    if (abandoned()) return null;
    rows.push(...page);
    if (page.length < PAGE_ROWS) return rows;
    afterSeq = page[page.length - 1]!.seq;
    await nextTask();
    if (abandoned()) return null;
  }
}

/** Opens a conversation: the newest rows first (so its latest turn paints at once), then all of it. */
export async function openConversation(id: string | null) {
  const token = ++openToken;
  if (!id) {
    useRoom.setState({ openId: null, conversation: null, messages: new Map(), loaded: 'none' });
    return;
  }
  // two read transactions side by side: the conversation and its newest rows arrive in one round trip. They are
  // asked for before the room is marked as opening, so storage works while React takes the old room down.
  const reads = Promise.all([getConversation(id), listMessages(id, { limit: FIRST_PAINT_ROWS })]);
  useRoom.setState({ openId: id, loaded: 'none' });
  const [conv, latest] = await reads;
  if (token !== openToken) return;
  if (!conv) {
    useRoom.setState({ openId: null, conversation: null, messages: new Map(), loaded: 'none' });
    return;
  }
  const complete = latest.length < FIRST_PAINT_ROWS;
  useRoom.setState({ conversation: conv, messages: new Map(latest.map((m) => [m.id, m])), loaded: complete ? 'full' : 'partial' });
  if (complete) return;
  // the latest turns are painted before the rest is read: reading and showing 10,000 rows takes a while
  await afterNextPaint();
  if (token !== openToken) return;
  const all = await readInPages(id, () => token !== openToken);
  if (!all) return;
  // rows written while loading are already in memory and may be newer than what storage returned
  const current = useRoom.getState().messages;
  const merged = new Map(all.map((m) => [m.id, m]));
  for (const [k, v] of current) merged.set(k, v);
  useRoom.setState({ messages: merged, loaded: 'full' });
}

/** Applies rows to memory when they belong to the open conversation. */
export function upsertInMemory(rows: MessageRow[]) {
  const s = useRoom.getState();
  const mine = rows.filter((r) => r.conversationId === s.openId);
  if (mine.length === 0) return;
  const messages = new Map(s.messages);
  for (const r of mine) messages.set(r.id, r);
  useRoom.setState({ messages });
}

export function removeInMemory(ids: string[]) {
  const s = useRoom.getState();
  const messages = new Map(s.messages);
  let changed = false;
  for (const id of ids) changed = messages.delete(id) || changed;
  if (changed) useRoom.setState({ messages });
}

export function removeConversationInMemory(id: string) {
  const s = useRoom.getState();
  useRoom.setState({
    conversations: s.conversations.filter((c) => c.id !== id),
    ...(s.openId === id ? { openId: null, conversation: null, messages: new Map(), loaded: 'none' as const } : {}),
  });
}

export function setConversationInMemory(c: Conversation) {
  const s = useRoom.getState();
  const conversations = [c, ...s.conversations.filter((x) => x.id !== c.id)].sort((a, b) => b.updatedAt - a.updatedAt);
  useRoom.setState({ conversations, ...(s.openId === c.id ? { conversation: c } : {}) });
}
