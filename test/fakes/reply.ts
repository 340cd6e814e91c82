import type { FakeErrorSpec, FakeReply, FakeUsage } from './types';

// Shared pieces of rendering a scripted reply.

export interface RenderCtx {
  model: string;
  omitTerminal: boolean;
  seq: number; // request number, for ids
}

export interface Rendered {
  prelude: string; // written right after the headers (OpenRouter's processing comment)
  frames: string[];
  terminal: number; // how many trailing frames are the terminal event(s)
}

export interface WireRenderer {
  stream(reply: FakeReply, ctx: RenderCtx): Rendered;
  json(reply: FakeReply, ctx: RenderCtx): unknown;
  errorBody(status: number, spec: FakeErrorSpec): unknown;
  midStreamError(status: number, spec: FakeErrorSpec, ctx: RenderCtx): string;
  malformed: string;
  keepAlive: string;
  /** Frames for a recorded *.chunks.txt file. */
  fixtureFrames(lines: string[], omitTerminal: boolean): Rendered;
}

export function tokens(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  return v.match(/\s*\S+\s*|\s+/g) ?? [];
}

export function argsText(a: string | Record<string, unknown>): string {
  return typeof a === 'string' ? a : JSON.stringify(a);
}

/** Up to three pieces, so streamed tool arguments arrive in fragments. */
export function argPieces(args: string): string[] {
  if (args.length < 3) return [args];
  const a = Math.floor(args.length / 3);
  return [args.slice(0, a), args.slice(a, 2 * a), args.slice(2 * a)];
}

export interface Counts {
  prompt: number;
  completion: number;
  cacheRead: number;
  cacheWrite: number;
  reasoning: number;
  cost?: number;
  isByok?: boolean;
  upstreamCost?: number;
  cacheWrite1h?: number;
  webSearchRequests?: number;
  imageOut?: number;
}

export function counts(reply: FakeReply): Counts | null {
  if (reply.usage === null) return null;
  const u: FakeUsage = reply.usage ?? {};
  const reasoning = u.reasoning ?? tokens(reply.reasoning).length;
  const completion = u.completion ?? Math.max(1, tokens(reply.text).length + reasoning + (reply.toolCalls?.length ?? 0) * 10);
  const out: Counts = {
    prompt: u.prompt ?? 10,
    completion,
    cacheRead: u.cacheRead ?? 0,
    cacheWrite: u.cacheWrite ?? 0,
    reasoning,
  };
  if (u.cost !== undefined) out.cost = u.cost;
  if (u.isByok !== undefined) out.isByok = u.isByok;
  if (u.upstreamCost !== undefined) out.upstreamCost = u.upstreamCost;
  if (u.cacheWrite1h !== undefined) out.cacheWrite1h = u.cacheWrite1h;
  if (u.webSearchRequests !== undefined) out.webSearchRequests = u.webSearchRequests;
  if (u.imageOut !== undefined) out.imageOut = u.imageOut;
  return out;
}

export function fullText(v: string | string[] | undefined): string {
  return tokens(v).join('');
}

export const DEFAULT_ERROR_MESSAGES: Record<number, string> = {
  400: 'Invalid request', 401: 'Invalid API key', 402: 'Insufficient credits', 403: 'Forbidden', 404: 'Model not found',
  408: 'Request timed out', 413: 'Request too large', 429: 'Rate limit exceeded', 500: 'Internal server error',
  502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout', 529: 'Overloaded',
};

export function errorMessage(status: number, spec: FakeErrorSpec): string {
  return spec.message ?? DEFAULT_ERROR_MESSAGES[status] ?? `HTTP ${status}`;
}

/** A data: URL split into its MIME type and base64 payload (the fakes' Gemini inline parts). */
export function dataUrlParts(url: string): { mimeType: string; data: string } {
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!m) throw new Error('a fake image must be a base64 data: URL');
  return { mimeType: m[1]!, data: m[2]! };
}
