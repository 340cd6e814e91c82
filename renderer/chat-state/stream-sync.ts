import { bridge, onConnectionStatus } from '../bridge';
import type { StreamSnapshot } from '../../shared/contract/chat';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import { liveAnswers, fromSnapshot } from './live-answers';
import { chatRepo, upsertInMemory, useRoom } from './room-store';
import type { MessageRow, MessageStatus } from './types';

// One per page, independent of which conversation is open: streams live in main, so switching rooms never stops
// them, and a reloaded page re-attaches with chat.active. A finished answer is written to storage first and only
// then acknowledged, so main keeps it until it is safe.

const CHECKPOINT_MS = 2000;
let started = false;
let checkpointTimer: ReturnType<typeof setInterval> | null = null;
let offs: (() => void)[] = [];
const checkpointed = new Map<string, number>(); // messageId → text length last written
const finalizing = new Set<string>();

export function snapshotPatch(s: StreamSnapshot): Partial<MessageRow> {
  const status: MessageStatus = s.status === 'streaming' ? 'streaming' : s.status;
  return {
    content: s.text,
    reasoning: s.reasoning,
    status,
    model: s.model,
    provider: s.provider,
    finishReason: s.finishReason,
    error: s.error,
    record: (s.record as GenerationRecord | null) ?? null,
    startedAt: s.startedAt,
    firstTokenAt: s.firstTokenAt,
  };
}

/** Stores a finished stream's answer, then tells main it may forget it. */
export async function finalizeSnapshot(s: StreamSnapshot): Promise<void> {
  if (s.status === 'streaming' || finalizing.has(s.streamId)) return;
  finalizing.add(s.streamId);
  try {
    const id = s.meta.messageId;
    const row = await chatRepo().getMessage(id);
    if (row) {
      const patch = snapshotPatch(s);
      await chatRepo().patchMessage(id, patch);
      const inMemory = useRoom.getState().messages.get(id);
      upsertInMemory([{ ...(inMemory ?? row), ...patch }]);
    }
    liveAnswers.remove(id);
    checkpointed.delete(id);
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
      const active = new Set<string>();
      for (const s of snaps) {
        active.add(s.meta.messageId);
        if (s.status === 'streaming') {
          const known = liveAnswers.get(s.meta.messageId);
          if (!known || known.seq < s.seq) liveAnswers.put(fromSnapshot(s));
        } else {
          await finalizeSnapshot(s);
        }
      }
      // answers a previous session left 'streaming' that main no longer knows: keep what was checkpointed
      for (const row of await chatRepo().streamingMessages()) {
        if (active.has(row.id) || liveAnswers.get(row.id)) continue;
        const patch: Partial<MessageRow> = { status: 'interrupted' };
        await chatRepo().patchMessage(row.id, patch);
        upsertInMemory([{ ...(useRoom.getState().messages.get(row.id) ?? row), ...patch }]);
      }
    } catch (err) {
      console.error('could not re-attach to running answers:', (err as Error).message);
    } finally {
      resyncing = null;
    }
  })());
}

async function checkpoint() {
  const pending = liveAnswers.all().filter((e) => e.status === 'streaming' && e.text.length !== (checkpointed.get(e.messageId) ?? 0));
  for (const e of pending) {
    checkpointed.set(e.messageId, e.text.length);
    await chatRepo().patchMessage(e.messageId, { content: e.text, reasoning: e.reasoning, model: e.model, provider: e.provider }).catch(() => undefined);
  }
}

/** Idempotent; returns when the first re-attach is done. */
export function startStreamSync(): Promise<void> {
  if (started) return resyncing ?? Promise.resolve();
  started = true;
  const b = bridge();
  let wasClosed = false;
  offs = [
    b.on('chat.delta', (d) => {
      if (!liveAnswers.apply(d)) void resync();
    }),
    b.on('chat.finished', (s) => void finalizeSnapshot(s)),
  ];
  offs.push(
    onConnectionStatus((status) => {
      if (status === 'closed') wasClosed = true;
      if (status === 'open' && wasClosed) {
        wasClosed = false;
        void resync();
      }
    }),
  );
  checkpointTimer = setInterval(() => void checkpoint(), CHECKPOINT_MS);
  return resync();
}

/** For tests: lets the next startStreamSync attach again. */
export function stopStreamSyncForTests() {
  if (checkpointTimer) clearInterval(checkpointTimer);
  checkpointTimer = null;
  for (const off of offs) off();
  offs = [];
  started = false;
}
