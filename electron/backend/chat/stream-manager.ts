import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { EngineEvent } from '../../engine';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { StreamMeta, StreamSnapshot, StreamDelta } from '../../../shared/contract/chat';
import type { ChatEngine } from './chat-engine';
import { BridgeError } from '../../../shared/contract/bridge';
import { MAX_SOURCES } from '../../../shared/openrouter/annotations';

export interface StreamEvents {
  delta(delta: StreamDelta): void;
  finished(snapshot: StreamSnapshot): void;
}

interface LiveStream {
  snapshot: StreamSnapshot;
  controller: AbortController;
  pending: { text: string; reasoning: string; extra: Partial<StreamDelta> } | null;
}

/** Runs generations in main, independent of any window. Deltas are coalesced and flushed every `flushMs` so a
 * fast model does not flood the bridge; finished streams are kept until the renderer acknowledges it stored them
 * (or `retainMs` passes), so a reload never loses an answer. */
export function createStreamManager(
  engine: ChatEngine,
  events: StreamEvents,
  opts: { flushMs?: number; retainMs?: number; now?: () => number } = {},
) {
  const flushMs = opts.flushMs ?? 50;
  const retainMs = opts.retainMs ?? 24 * 60 * 60 * 1000;
  const now = opts.now ?? Date.now;
  const streams = new Map<string, LiveStream>();
  let timer: ReturnType<typeof setInterval> | null = null;

  function flush(live: LiveStream) {
    const p = live.pending;
    if (!p) return;
    live.pending = null;
    events.delta({
      streamId: live.snapshot.streamId,
      seq: live.snapshot.seq,
      ...(p.text ? { text: p.text } : {}),
      ...(p.reasoning ? { reasoning: p.reasoning } : {}),
      ...p.extra,
    });
  }

  function flushAll() {
    let active = false;
    for (const live of streams.values()) {
      flush(live);
      if (live.snapshot.status === 'streaming') active = true;
    }
    if (!active && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  function ensureTimer() {
    if (!timer) timer = setInterval(flushAll, flushMs);
  }

  function onEvent(live: LiveStream, ev: EngineEvent) {
    const s = live.snapshot;
    const p = (live.pending ??= { text: '', reasoning: '', extra: {} });
    const firstToken = () => {
      if (s.firstTokenAt !== null) return;
      s.firstTokenAt = now();
      p.extra.firstTokenAt = s.firstTokenAt;
    };
    switch (ev.type) {
      case 'start':
        s.model = ev.model;
        s.provider = ev.provider;
        p.extra.model = ev.model;
        p.extra.provider = ev.provider;
        return;
      case 'text':
        s.text += ev.text;
        p.text += ev.text;
        firstToken();
        break;
      case 'reasoning':
        s.reasoning += ev.text;
        p.reasoning += ev.text;
        firstToken();
        break;
      case 'tool_call': {
        const existing = s.toolCalls[ev.index] ?? { id: '', name: '', arguments: '' };
        if (ev.id) existing.id = ev.id;
        if (ev.name) existing.name += ev.name;
        if (ev.argumentsDelta) existing.arguments += ev.argumentsDelta;
        s.toolCalls[ev.index] = existing;
        firstToken();
        break;
      }
      case 'finish':
        s.finishReason = ev.reason;
        break;
      case 'error':
        s.error = { code: ev.error.code, message: ev.error.message };
        s.finishReason = 'error';
        break;
      case 'annotations': {
        // Sources are stored with the finished answer; they need no delta of their own.
        const room = MAX_SOURCES - (s.sources?.length ?? 0);
        if (room > 0) (s.sources ??= []).push(...ev.annotations.slice(0, room).map((a) => a.url_citation));
        return;
      }
      case 'reasoning_details':
      case 'usage':
        return; // the record carries usage; reasoning details are not shown
    }
    s.seq++;
  }

  function finish(live: LiveStream, record: GenerationRecord | null, error: { code: number; message: string } | null) {
    const s = live.snapshot;
    flush(live);
    s.record = record;
    if (error && !s.error) s.error = error;
    if (live.controller.signal.aborted) s.status = 'stopped';
    else if (s.error || s.finishReason === 'error') s.status = 'error';
    else s.status = 'done';
    s.finishReason ??= record?.finishReason ?? (s.status === 'stopped' ? null : s.finishReason);
    events.finished(structuredClone(s));
    const expire = setTimeout(() => streams.delete(s.streamId), retainMs);
    expire.unref?.();
  }

  return {
    start(streamId: string, meta: StreamMeta, request: ChatRequest): StreamSnapshot {
      const existing = streams.get(streamId);
      if (existing) return structuredClone(existing.snapshot); // a retried start after a reload is not a second run
      for (const other of streams.values()) {
        const o = other.snapshot;
        if (o.status === 'streaming' && o.meta.conversationId === meta.conversationId && o.meta.columnId === meta.columnId) {
          throw new BridgeError({ code: 'bad-request', message: 'This column is still answering; stop it before sending again' });
        }
      }
      const live: LiveStream = {
        controller: new AbortController(),
        pending: null,
        snapshot: {
          streamId, meta, status: 'streaming', text: '', reasoning: '', toolCalls: [], model: null, provider: null,
          startedAt: now(), firstTokenAt: null, seq: 0, finishReason: null, error: null, record: null,
        },
      };
      streams.set(streamId, live);
      ensureTimer();
      engine
        .chat({ ...request, stream: true }, { signal: live.controller.signal, onEvent: (ev) => onEvent(live, ev), source: 'app' })
        .then(
          (result) => finish(live, result.record, result.error ? { code: result.error.error.code, message: result.error.error.message } : null),
          (err: unknown) => finish(live, null, { code: 500, message: `Generation failed: ${(err as Error)?.message ?? 'unknown error'}` }),
        );
      return structuredClone(live.snapshot);
    },
    stop(streamId?: string): number {
      let stopped = 0;
      for (const live of streams.values()) {
        if ((streamId === undefined || live.snapshot.streamId === streamId) && live.snapshot.status === 'streaming') {
          live.controller.abort();
          stopped++;
        }
      }
      return stopped;
    },
    /** Streams still running, and finished ones not yet acknowledged: what a renderer re-attaches to. */
    active(): StreamSnapshot[] {
      return [...streams.values()].map((l) => structuredClone(l.snapshot));
    },
    get(streamId: string): StreamSnapshot | null {
      const live = streams.get(streamId);
      return live ? structuredClone(live.snapshot) : null;
    },
    ack(streamId: string): boolean {
      const live = streams.get(streamId);
      if (!live || live.snapshot.status === 'streaming') return false;
      streams.delete(streamId);
      return true;
    },
    close() {
      for (const live of streams.values()) live.controller.abort();
      if (timer) clearInterval(timer);
    },
  };
}

export type StreamManager = ReturnType<typeof createStreamManager>;
