import type { ParleyBridge } from '../../../../shared/contract/bridge';
import type { StreamSnapshot } from '../../../../shared/contract/chat';
import { getConversation } from '../../db/conversations';
import { listAllMessages } from '../../db/messages';
import { getTitleModel } from './title-model';
import { renameConversation } from '../../../common/room/conversation-actions';
import { TITLE_COLUMN, titleLinkId, titleStreams } from '../../../common/title-streams';
import { settleHold, type SendTicket } from '../../../common/money/send-holds';

// Automatic titles: when a conversation's first turn has an answer and the user chose a title model, that model
// writes a short title through the same chat path as answers (so it is priced and recorded in the ledger, shown in
// Activity as "title"). It sees only the prompt: a title must never tell who answered a blind turn. A title the
// user wrote, or one already written, is left alone: the title is replaced only while it is still the prompt's words.
// A title is paid for like an answer, so the spend limits have their say first (app/ passes their check in): past a
// limit no title is asked for, and the title stays the prompt's words.

const MAX_TITLE = 60;
const INSTRUCTION =
  'Write a short title (at most six words) for a conversation that starts with the message below. Reply with the title only, without quotes.';


const asked = new Set<string>();

/** "Plan a trip", from what the model said: its first line, without quotes or a trailing full stop. */
export function cleanTitle(text: string): string {
  const line = text.trim().split('\n')[0]!.trim().replace(/^title:\s*/i, '');
  const bare = line.replace(/^["'“”‘’*#\s]+|["'“”‘’*\s]+$/g, '').replace(/\.$/, '').trim();
  return bare.length > MAX_TITLE ? `${bare.slice(0, MAX_TITLE - 1)}…` : bare;
}

function promptWords(content: string): string {
  const line = content.trim().split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** The first prompt's text; with `onlyTurn`, null once there is a second prompt. */
async function firstPrompt(conversationId: string, onlyTurn: boolean): Promise<string | null> {
  const users = (await listAllMessages(conversationId)).filter((m) => m.role === 'user');
  return users.length === 0 || (onlyTurn && users.length > 1) ? null : users[0]!.content;
}

type TitleRequest = { model: string; messages: { role: 'system' | 'user'; content: string }[]; max_tokens: number };

/** The spend limits' word on a title: its hold (bound to the title until it ends), or null when a limit says no. */
export type TitleHold = (column: { columnId: string; model: string; request: TitleRequest }) => Promise<SendTicket | null>;

async function maybeAskForTitle(b: ParleyBridge, s: StreamSnapshot, hold: TitleHold) {
  if (s.status !== 'done' || s.meta.columnId === TITLE_COLUMN || asked.has(s.meta.conversationId)) return;
  const model = await getTitleModel();
  if (!model) return;
  const conv = await getConversation(s.meta.conversationId);
  const prompt = conv ? await firstPrompt(conv.id, true) : null;
  if (!conv || !prompt || conv.title !== promptWords(prompt)) return;
  asked.add(conv.id);
  const request: TitleRequest = { model, messages: [{ role: 'system', content: INSTRUCTION }, { role: 'user', content: prompt }], max_tokens: 40 };
  const messageId = titleLinkId(conv.id);
  const ticket = await hold({ columnId: TITLE_COLUMN, model, request });
  if (!ticket) return; // past a spend limit: no title is bought
  ticket.bind(TITLE_COLUMN, messageId); // settled when the title's stream finishes, as an answer's is
  const streamId = crypto.randomUUID();
  titleStreams.add(streamId);
  try {
    await b.invoke('chat.start', { streamId, meta: { conversationId: conv.id, messageId, columnId: TITLE_COLUMN }, request });
  } catch (err) {
    titleStreams.delete(streamId);
    settleHold(messageId, null);
    throw err;
  }
}

async function takeTitle(s: StreamSnapshot) {
  titleStreams.delete(s.streamId);
  if (s.status !== 'done') return;
  const title = cleanTitle(s.text);
  const conv = await getConversation(s.meta.conversationId);
  const prompt = conv ? await firstPrompt(conv.id, false) : null;
  if (!title || !conv || !prompt || conv.title !== promptWords(prompt)) return;
  await renameConversation(conv.id, title);
}

/** Listens for finished answers and titles; returns the way to stop listening. */
export function startAutoTitles(b: ParleyBridge, hold: TitleHold): () => void {
  return b.on('chat.finished', (s) => {
    const work = titleStreams.has(s.streamId) || s.meta.columnId === TITLE_COLUMN ? takeTitle(s) : maybeAskForTitle(b, s, hold);
    work.catch((err: unknown) => console.error('automatic title failed:', err instanceof Error ? err.message : String(err)));
  });
}
