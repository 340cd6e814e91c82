import { TITLE_COLUMN, titleStreams } from '../../common/title-streams';
import { bridge, onConnectionStatus } from '../../bridge';
import type { StreamSnapshot } from '../../../shared/contract/chat';
import { recordCostOf, type GenerationRecord } from '../../../shared/openrouter/generation';
import type { MessageRow } from '../../common/room/types';
import type { FinishReason } from '../../../shared/openrouter/chat-response';
import { createStreamCheckpointer, type StreamCheckpointer } from '../../history/db/checkpointer';
import { getMessage, withOutcome, type AnswerOutcome } from '../../history/db/messages';
import { recoverInterrupted } from '../../history/db/recovery';
import { guardUnsavedAnswers } from '../../history/db/unsaved-guard';
import { liveAnswers, fromSnapshot } from '../../common/room/live-answers';
import { rememberRecord } from './answer-records';
import { upsertInMemory, useRoom } from '../../common/room/room-store';
import { takeAnswerEstimate } from '../../common/money/sent-estimates';
import { settleHold } from '../../common/money/send-holds';
import { withLoopTotals } from '../tools/loop-outcome';

// One per page, independent of which conversation is open: streams live in main, so switching rooms never stops
// them, and a reloaded page re-attaches with chat.active. Streamed text is checkpointed to the history store about
// once a second; a finished answer is written there first and only then acknowledged, so main keeps it until it
// is safe. When the disk refuses the write, the answer stops streaming on screen at once but stays in memory (its
// checkpointer retries until the write lands); until then closing the page asks first.

let started = false;
let offs: (() => void)[] = [];
const checkpointers = new Map<string, StreamCheckpointer>(); // messageId → its checkpointer
const finalizing = new Set<string>();

function checkpointerFor(messageId: string, text = '', reasoning = ''): StreamCheckpointer {
  let cp = checkpointers.get(messageId);
  if (!cp) {
    cp = createStreamCheckpointer(messageId);
    if (text) cp.appendText(text);
    if (reasoning) cp.appendReasoning(reasoning);
    checkpointers.set(messageId, cp);
  }
  return cp;
}

function dropCheckpointer(messageId: string) {
  checkpointers.get(messageId)?.dispose();
  checkpointers.delete(messageId);
}

/**
 * Stores an answer's final state through its checkpointer, which keeps it and retries while the disk refuses it.
 * The room shows the final state from memory at once; resolves with the stored row once it is on disk (null when
 * the answer was deleted meanwhile).
 */
async function storeFinal(messageId: string, outcome: AnswerOutcome): Promise<MessageRow | null> {
  const cp = checkpointerFor(messageId);
  const shown = useRoom.getState().messages.get(messageId);
  if (shown) upsertInMemory([withOutcome(shown, outcome)]);
  const saved = await cp.complete(outcome);
  if (!saved.saved) {
    liveAnswers.finish(messageId, { unsaved: true });
    await cp.whenSaved();
  }
  if (checkpointers.get(messageId) === cp) checkpointers.delete(messageId);
  cp.dispose();
  const row = (await getMessage(messageId)) ?? null;
  if (row) upsertInMemory([row]);
  return row;
}

/** Starts showing (and checkpointing) an answer this page asked main to stream. */
export function trackStream(s: { streamId: string; messageId: string; conversationId: string; columnId: string; startedAt: number }) {
  liveAnswers.put({
    ...s, status: 'streaming', text: '', reasoning: '', model: null, provider: null, firstTokenAt: null, seq: 0, finishReason: null, error: null,
  });
  checkpointerFor(s.messageId);
}

/** chat.start was refused (no engine, column busy…): the answer becomes an error. */
export async function failToStart(messageId: string, message: string) {
  liveAnswers.remove(messageId);
  settleHold(messageId, null);
  // Nothing reached a provider: it cost nothing, and says so.
  const outcome: AnswerOutcome = { status: 'error', content: '', error: { message }, cost: { costSource: 'none', costReason: 'not-sent' } };
  await storeFinal(messageId, outcome).catch((err: Error) => console.error('could not store a failed start:', err.message));
}

function cost(r: GenerationRecord, messageId: string): AnswerOutcome['cost'] {
  const out: NonNullable<AnswerOutcome['cost']> = recordCostOf(r);
  if (r.isByok) out.isByok = true;
  const estimate = takeAnswerEstimate(messageId);
  if (estimate) out.estimate = estimate;
  return out;
}

export function snapshotOutcome(s: StreamSnapshot): AnswerOutcome {
  const r = (s.record as GenerationRecord | null) ?? null;
  const out: AnswerOutcome = {
    status: s.status === 'streaming' ? 'interrupted' : s.status,
    content: s.text,
    model: { used: r?.model ?? s.model, provider: r?.provider ?? s.provider, upstream: r?.upstreamId ?? null },
    tokens: r?.tokens ?? null,
    timings: {
      ttftMs: r?.ttftMs ?? (s.firstTokenAt !== null ? s.firstTokenAt - s.startedAt : null),
      durationMs: r?.durationMs ?? null,
      tokensPerSecond: r?.tokensPerSecond ?? null,
    },
    finishReason: (r?.finishReason ?? s.finishReason ?? null) as FinishReason | null,
    nativeFinishReason: r?.nativeFinishReason ?? null,
  };
  if (s.reasoning) out.reasoning = s.reasoning;
  if (r) {
    out.cost = cost(r, s.meta.messageId);
    out.generationId = r.id;
  }
  if (s.error) out.error = { code: s.error.code, message: s.error.message };
  if (s.sources?.length) out.sources = s.sources;
  if (s.images?.length) out.images = s.images;
  return s.toolSteps?.length ? withLoopTotals(out, s.toolSteps) : out;
}

/** Stores a finished stream's answer, then tells main it may forget it. */
export async function finalizeSnapshot(s: StreamSnapshot): Promise<void> {
  if (s.status === 'streaming' || finalizing.has(s.streamId)) return;
  finalizing.add(s.streamId);
  const id = s.meta.messageId;
  try {
    const record = (s.record as GenerationRecord | null) ?? null;
    settleHold(id, record); // its budget hold becomes what it cost, until the ledger has its record
    if (record) rememberRecord(id, record);
    if (await getMessage(id)) {
      const outcome = snapshotOutcome(s);
      // the stream is over whether or not the disk takes the answer now: the column and Send stop saying so
      liveAnswers.finish(id, { status: s.status, error: s.error, text: s.text, reasoning: s.reasoning, ...(s.toolSteps ? { toolSteps: s.toolSteps } : {}) });
      await storeFinal(id, outcome);
    } else dropCheckpointer(id);
    liveAnswers.remove(id);
    await bridge().invoke('chat.ack', { streamId: s.streamId });
  } catch (err) {
    console.error('could not store a finished answer:', (err as Error).message);
  } finally {
    finalizing.delete(s.streamId);
  }
}

let resyncing: Promise<void> | null = null;
/** Re-reads every stream from main: after a reload, a reconnect, or a delta for a stream this page does not know. */
export function resync(): Promise<void> {
  return (resyncing ??= (async () => {
    try {
      const snaps = await bridge().invoke('chat.active', {});
      for (const s of snaps) {
        if (s.status !== 'streaming' || s.meta.columnId === TITLE_COLUMN) continue;
        const known = liveAnswers.get(s.meta.messageId);
        if (!known || known.seq < s.seq) liveAnswers.put(fromSnapshot(s));
        if (!checkpointers.has(s.meta.messageId)) checkpointerFor(s.meta.messageId, s.text, s.reasoning);
      }
      for (const s of snaps) if (s.status !== 'streaming') await finalizeSnapshot(s);
      // answers a previous session left 'streaming' that no stream feeds any more: keep what was checkpointed
      upsertInMemory(await recoverInterrupted());
    } catch (err) {
      console.error('could not re-attach to running answers:', (err as Error).message);
    } finally {
      resyncing = null;
    }
  })());
}

/** Idempotent; returns when the first re-attach is done. */
export function startStreamSync(): Promise<void> {
  if (started) return resyncing ?? Promise.resolve();
  started = true;
  const b = bridge();
  let wasClosed = false;
  offs = [
    b.on('chat.delta', (d) => {
      if (titleStreams.has(d.streamId)) return; // a title being written, not an answer
      const applied = liveAnswers.apply(d);
      if (applied === 'unknown') return void resync();
      if (applied === 'stale') return;
      const e = liveAnswers.byStreamId(d.streamId);
      const cp = e && checkpointers.get(e.messageId);
      if (cp) {
        if (d.text) cp.appendText(d.text);
        if (d.reasoning) cp.appendReasoning(d.reasoning);
      }
    }),
    b.on('chat.finished', (s) => void finalizeSnapshot(s)),
    guardUnsavedAnswers(),
    onConnectionStatus((status) => {
      if (status === 'closed') wasClosed = true;
      if (status === 'open' && wasClosed) {
        wasClosed = false;
        void resync();
      }
    }),
  ];
  return resync();
}

/** For tests: lets the next startStreamSync attach again. */
export function stopStreamSyncForTests() {
  for (const off of offs) off();
  offs = [];
  for (const id of [...checkpointers.keys()]) dropCheckpointer(id);
  started = false;
}
