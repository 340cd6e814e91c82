import { appendTurn } from '../../history/db/append-turn';
import { createConversation, getConversation, updateConversation } from '../../history/db/conversations';
import { getMessage } from '../../history/db/messages';
import type { ReplayPlan, ReplaySource } from '../../history/db/types';
import { buildChatRequest } from '../state/request';
import { attachmentData } from '../state/attachment-data';
import { failToStart } from '../state/stream-sync';
import { newColumn, reloadConversation, streamInto } from '../state/actions';
import { setConversationInMemory, upsertInMemory, useRoom } from '../../common/room/room-store';
import { sourceContext } from './source-context';

// A replay: past prompts run again, one blind turn each, in a room of their own whose columns are the chosen
// models. Each turn sends what the original turn sent (its history before the prompt), so the models answer the
// same question in the same context; the room's own earlier turns are not sent. The plan lives on the room, so a
// replay can be paused, resumed, and picked up after a restart (a turn counts as sent once it is stored, so a turn
// cut by a restart is not sent twice: its answers show as interrupted and can be regenerated).

const running = new Set<string>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Whether this window drives the replay now (a stored 'running' plan without a runner was interrupted). */
export const isRunningHere = (conversationId: string): boolean => running.has(conversationId);

export function onReplayChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function startReplay(sources: ReplaySource[], models: string[]): Promise<string> {
  if (!sources.length) throw new Error('Choose at least one prompt to replay');
  if (!models.length) throw new Error('Choose at least one model');
  const conv = await createConversation({ title: `Replay: ${sources.length} prompt${sources.length === 1 ? '' : 's'} on ${models.join(', ')}`, columns: models.map((m) => newColumn(m)), blind: true });
  await updateConversation(conv.id, { replay: { sources, next: 0, state: 'running' } });
  void runReplay(conv.id);
  return conv.id;
}

export async function pauseReplay(conversationId: string): Promise<void> {
  await setState(conversationId, 'paused');
}

export async function resumeReplay(conversationId: string): Promise<void> {
  await setState(conversationId, 'running');
  void runReplay(conversationId);
}

async function setState(conversationId: string, state: ReplayPlan['state']) {
  const conv = await getConversation(conversationId);
  if (!conv?.replay) return;
  const next = await updateConversation(conversationId, { replay: { ...conv.replay, state } });
  refreshOpen(next);
  notify();
}

function refreshOpen(conv: Awaited<ReturnType<typeof getConversation>>) {
  if (conv && useRoom.getState().openId === conv.id) setConversationInMemory(conv);
}

/** Sends the plan's remaining prompts one turn at a time, each once the previous turn's answers have ended. */
async function runReplay(conversationId: string): Promise<void> {
  if (running.has(conversationId)) return;
  running.add(conversationId);
  notify();
  try {
    for (;;) {
      const conv = await getConversation(conversationId);
      const plan = conv?.replay;
      if (!conv || !plan || plan.state !== 'running') return;
      if (plan.next >= plan.sources.length) {
        refreshOpen(await updateConversation(conversationId, { replay: { ...plan, state: 'done' } }));
        return;
      }
      const source = plan.sources[plan.next]!;
      const answerIds = await sendReplayTurn(conversationId, source, plan.next + 1);
      await waitForAnswers(answerIds);
    }
  } finally {
    running.delete(conversationId);
    notify();
  }
}

async function sendReplayTurn(conversationId: string, source: ReplaySource, next: number): Promise<string[]> {
  const conv = (await getConversation(conversationId))!;
  let context: Awaited<ReturnType<typeof sourceContext>> | null = null;
  let problem: string | null = null;
  try {
    context = await sourceContext(source);
  } catch (err) {
    problem = `Could not replay this prompt: ${(err as Error).message}`;
  }
  const prompt = context?.[context.length - 1];
  const turn = await appendTurn(
    conversationId,
    { content: prompt?.content ?? source.excerpt, parentId: conv.headId, continueFromId: null, replayOf: { conversationId: source.conversationId, promptId: source.promptId } },
    conv.columns.map((c) => ({ columnId: c.id, model: { requested: c.model } })),
  );
  // the turn is stored: it counts as sent, whatever happens to its answers
  const plan = turn.conversation.replay!;
  const stored = await updateConversation(conversationId, { replay: { ...plan, next } });
  if (useRoom.getState().openId === conversationId) {
    setConversationInMemory(stored);
    upsertInMemory([turn.prompt]);
  }
  const data = context ? await attachmentData(context) : new Map<string, string>();
  for (const [i, column] of conv.columns.entries()) {
    const row = turn.answers[i]!;
    if (!context) {
      upsertInMemory([row]);
      await failToStart(row.id, problem!);
      continue;
    }
    streamInto(row, column.id, buildChatRequest(column, context, data));
  }
  if (useRoom.getState().openId === conversationId) await reloadConversation(conversationId);
  notify();
  return turn.answers.map((a) => a.id);
}

/** Until every answer of the turn has ended (done, stopped, failed or interrupted). */
async function waitForAnswers(ids: string[]): Promise<void> {
  for (;;) {
    const rows = await Promise.all(ids.map((id) => getMessage(id)));
    if (rows.every((r) => !r || r.status !== 'streaming')) return;
    await new Promise((r) => setTimeout(r, 300));
  }
}
