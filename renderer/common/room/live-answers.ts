import { useSyncExternalStore } from 'react';
import type { StreamDelta, StreamSnapshot } from '../../../shared/contract/chat';
import type { LoopStep } from '../../../shared/tools/tool-steps';

// Text of answers still streaming (or finished but not yet stored: see finish), held outside React. Deltas land in a mutable entry at once; subscribers (one
// streaming cell each) are told at most every BASE_MS × √(streams) so N parallel columns cost about √N, not N,
// and nothing else in the room re-renders.

export interface LiveAnswer {
  streamId: string;
  messageId: string;
  conversationId: string;
  columnId: string;
  status: StreamSnapshot['status'];
  text: string;
  reasoning: string;
  model: string | null;
  provider: string | null;
  startedAt: number;
  firstTokenAt: number | null;
  seq: number;
  finishReason: string | null;
  error: StreamSnapshot['error'];
  /** generated images so far, as data: URLs */
  images?: string[];
  /** finished, but the disk refused to store it: kept here and retried */
  unsaved?: boolean;
  /** a tool loop's steps so far (each delta that carries them replaces them whole) */
  toolSteps?: LoopStep[];
}

const BASE_MS = 50;

const entries = new Map<string, LiveAnswer>(); // messageId → mutable entry
const published = new Map<string, LiveAnswer>(); // messageId → immutable copy React renders
const byStream = new Map<string, string>(); // streamId → messageId
const listeners = new Map<string, Set<() => void>>();
const setListeners = new Set<() => void>();
const dirty = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;
let setVersion = 0;

export function intervalMs(streams: number): number {
  return Math.round(BASE_MS * Math.sqrt(Math.max(1, streams)));
}

function notify(id: string) {
  const e = entries.get(id);
  if (e) published.set(id, { ...e });
  else published.delete(id);
  for (const l of listeners.get(id) ?? []) l();
}

function flush() {
  timer = null;
  const ids = [...dirty];
  dirty.clear();
  for (const id of ids) notify(id);
}

function schedule(id: string) {
  dirty.add(id);
  if (!timer) timer = setTimeout(flush, intervalMs(entries.size));
}

function setChanged() {
  setVersion++;
  for (const l of setListeners) l();
}

export function fromSnapshot(s: StreamSnapshot): LiveAnswer {
  return {
    streamId: s.streamId,
    messageId: s.meta.messageId,
    conversationId: s.meta.conversationId,
    columnId: s.meta.columnId,
    status: s.status,
    text: s.text,
    reasoning: s.reasoning,
    model: s.model,
    provider: s.provider,
    startedAt: s.startedAt,
    firstTokenAt: s.firstTokenAt,
    seq: s.seq,
    finishReason: s.finishReason,
    error: s.error,
    ...(s.toolSteps ? { toolSteps: s.toolSteps } : {}),
    ...(s.images?.length ? { images: s.images } : {}),
  };
}

export const liveAnswers = {
  /** Starts showing a stream (or replaces what is shown with a fresher snapshot). */
  put(a: LiveAnswer) {
    const isNew = !entries.has(a.messageId);
    entries.set(a.messageId, { ...a });
    byStream.set(a.streamId, a.messageId);
    notify(a.messageId);
    if (isNew) setChanged();
  },
  /** Applies a delta: 'unknown' when the stream is not shown here (the caller re-fetches snapshots), 'stale'
   * when a fresher snapshot already holds it. */
  apply(d: StreamDelta): 'applied' | 'stale' | 'unknown' {
    const id = byStream.get(d.streamId);
    const e = id ? entries.get(id) : undefined;
    if (!e) return 'unknown';
    if (d.seq <= e.seq) return 'stale';
    if (d.text) e.text += d.text;
    if (d.reasoning) e.reasoning += d.reasoning;
    if (d.images?.length) e.images = [...(e.images ?? []), ...d.images];
    if (d.model) e.model = d.model;
    if (d.provider) e.provider = d.provider;
    if (d.firstTokenAt !== undefined) e.firstTokenAt = d.firstTokenAt;
    if (d.toolSteps) e.toolSteps = d.toolSteps;
    e.seq = d.seq;
    schedule(e.messageId);
    return 'applied';
  },
  /** The stream ended and its answer is being stored: it stops counting as streaming and is shown from here until
   * it is stored (which takes a while when the disk refuses it: `unsaved`). */
  finish(messageId: string, patch: Partial<Pick<LiveAnswer, 'status' | 'error' | 'text' | 'reasoning' | 'unsaved' | 'toolSteps'>>) {
    const e = entries.get(messageId);
    if (!e) return;
    Object.assign(e, patch);
    dirty.delete(messageId);
    notify(messageId);
    setChanged();
  },
  remove(messageId: string) {
    const e = entries.get(messageId);
    if (!e) return;
    entries.delete(messageId);
    byStream.delete(e.streamId);
    dirty.delete(messageId);
    notify(messageId);
    setChanged();
  },
  get: (messageId: string) => entries.get(messageId),
  byStreamId: (streamId: string) => {
    const id = byStream.get(streamId);
    return id ? entries.get(id) : undefined;
  },
  all: () => [...entries.values()],
  subscribe(messageId: string, l: () => void) {
    let set = listeners.get(messageId);
    if (!set) listeners.set(messageId, (set = new Set()));
    set.add(l);
    return () => set.delete(l);
  },
  subscribeSet(l: () => void) {
    setListeners.add(l);
    return () => setListeners.delete(l);
  },
  version: () => setVersion,
  /** for tests: forget everything */
  reset() {
    for (const id of [...entries.keys()]) this.remove(id);
    if (timer) clearTimeout(timer);
    timer = null;
  },
};

/** The streaming state of one answer, re-rendered at the throttled rate; undefined when it is not streaming. */
export function useLiveAnswer(messageId: string): LiveAnswer | undefined {
  return useSyncExternalStore(
    (l) => liveAnswers.subscribe(messageId, l),
    () => published.get(messageId),
  );
}

/** Message ids of the given conversation's streaming answers (changes only when a stream starts or ends). */
export function useStreamingIds(conversationId: string | null): string {
  return useSyncExternalStore(liveAnswers.subscribeSet, () => {
    if (!conversationId) return '';
    return streamingKeyCache(conversationId);
  });
}

let cacheVersion = -1;
let cacheConv = '';
let cacheValue = '';
function streamingKeyCache(conversationId: string): string {
  if (cacheVersion === setVersion && cacheConv === conversationId) return cacheValue;
  cacheVersion = setVersion;
  cacheConv = conversationId;
  cacheValue = [...entries.values()]
    .filter((e) => e.conversationId === conversationId && e.status === 'streaming')
    .map((e) => e.messageId)
    .join(',');
  return cacheValue;
}
