import { createHash } from 'node:crypto';
import type { ChatRequest } from '../../../../../shared/openrouter/chat-request';
import type { UpstreamKind } from '../../../../../shared/openrouter/generation';
import { adapterFor } from '../../../../../electron/engine/providers/registry';
import type { AdapterRequest, NormalizedEvent, RawUsage, UpstreamConfig } from '../../../../../electron/engine/types';

// Helpers for replaying wire bytes through an adapter: seeded random re-chunking, keep-alive injection and an
// aggregate view of the events that tests can compare.

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split bytes at random offsets; pieces are 1..maxPiece bytes long (maxPiece 1 = every byte alone). */
export function splitBytes(bytes: Uint8Array, rand: () => number, maxPiece: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < bytes.length) {
    const n = maxPiece <= 1 ? 1 : 1 + Math.floor(rand() * maxPiece);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

export async function* fromPieces(pieces: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const p of pieces) yield p;
}

export async function* fromText(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

export interface InjectOptions {
  rand: () => number;
  comment?: string; // e.g. ': keep-alive' — inserted between events and sometimes inside an event block
  ping?: boolean; // Anthropic `event: ping` events between events
  crlf?: boolean; // re-frame with CRLF line endings
}

/** Re-frames SSE text (events separated by a blank line) with injected comments / pings / CRLF. */
export function inject(wire: string, o: InjectOptions): string {
  const eol = /\r\n\r\n/.test(wire) ? '\r\n' : '\n';
  const events = wire.split(eol + eol).filter((e) => e !== '');
  const nl = o.crlf ? '\r\n' : eol;
  let out = '';
  for (const ev of events) {
    if (o.comment && o.rand() < 0.3) out += `${o.comment}${nl}${nl}`;
    if (o.ping && o.rand() < 0.3) out += `event: ping${nl}data: {"type": "ping"}${nl}${nl}`;
    const lines = ev.split(eol);
    if (o.comment && lines.length > 1 && o.rand() < 0.2) lines.splice(1, 0, o.comment); // comment inside the block
    out += lines.join(nl) + nl + nl;
  }
  return out;
}

export function upstreamFor(kind: UpstreamKind, over: Partial<UpstreamConfig> = {}): UpstreamConfig {
  return { id: `test:${kind}`, kind, label: `Test ${kind}`, baseUrl: 'http://127.0.0.1:9/v1', isByok: kind !== 'openrouter', ...over };
}

export function adapterRequest(kind: UpstreamKind, body: Partial<ChatRequest> = {}, over: Partial<AdapterRequest> = {}): AdapterRequest {
  return {
    upstream: upstreamFor(kind),
    model: 'test-model',
    body: { messages: [{ role: 'user', content: 'hi' }], ...body } as ChatRequest,
    stream: true,
    ...over,
  };
}

export async function collect(events: AsyncIterable<NormalizedEvent>): Promise<NormalizedEvent[]> {
  const out: NormalizedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

export interface ToolCallSummary {
  index: number;
  id?: string;
  name: string;
  arguments: string;
}

export interface Summary {
  start?: Extract<NormalizedEvent, { type: 'start' }>;
  text: string;
  reasoning: string;
  details: Record<string, unknown>[];
  toolCalls: ToolCallSummary[];
  finish?: { reason: string; native: string | null };
  usage?: RawUsage;
  errors: { code: number; message: string; errorType?: string }[];
  /** Anything out of contract: events after finish/error (other than usage), several starts or finishes. */
  violations: string[];
}

export function summarize(events: NormalizedEvent[]): Summary {
  const s: Summary = { text: '', reasoning: '', details: [], toolCalls: [], errors: [], violations: [] };
  const text: string[] = [];
  const reasoning: string[] = [];
  let ended = false;
  for (const e of events) {
    if (ended && e.type !== 'usage' && !(e.type === 'finish' && s.errors.length > 0)) s.violations.push(`${e.type} after the end`);
    switch (e.type) {
      case 'start':
        if (s.start) s.violations.push('second start');
        s.start = e;
        break;
      case 'text':
        if (e.text === '') s.violations.push('empty text event');
        text.push(e.text);
        break;
      case 'reasoning':
        reasoning.push(e.text);
        break;
      case 'reasoning_details':
        s.details.push(...e.details);
        break;
      case 'tool_call': {
        let call = s.toolCalls[e.index];
        if (!call) {
          call = { index: e.index, name: '', arguments: '' };
          s.toolCalls[e.index] = call;
        }
        if (e.id) call.id = e.id;
        if (e.name) call.name += e.name;
        if (e.argumentsDelta) call.arguments += e.argumentsDelta;
        break;
      }
      case 'usage':
        s.usage = e.usage;
        break;
      case 'finish':
        if (s.finish) s.violations.push('second finish');
        s.finish = { reason: e.reason, native: e.native };
        ended = true;
        break;
      case 'error':
        s.errors.push({ code: e.code, message: e.message, ...(e.errorType ? { errorType: e.errorType } : {}) });
        ended = true;
        break;
    }
  }
  s.text = text.join('');
  s.reasoning = reasoning.join('');
  return s;
}

export function sha16(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export async function parseWire(kind: UpstreamKind, pieces: Uint8Array[], req?: AdapterRequest): Promise<NormalizedEvent[]> {
  return collect(adapterFor(kind).parseStream(fromPieces(pieces), req ?? adapterRequest(kind)));
}

export function usage(p: number, c: number, cacheRead = 0, cacheWrite = 0, reasoningTokens = 0): RawUsage {
  return { promptTokens: p, completionTokens: c, cacheReadTokens: cacheRead, cacheWriteTokens: cacheWrite, reasoningTokens };
}
