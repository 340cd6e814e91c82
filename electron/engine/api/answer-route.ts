import type { ServerResponse } from 'node:http';
import { Canceller } from '../cancel';
import type { ChatOptions, ChatResult } from '../engine';
import type { WorstCase } from '../record/worst-case-cost';
import type { Admission, ApiCaller } from './auth';
import { SSE_HEADERS, sendEngineError, sendJson } from './http-io';
import { ChunkFramer, type ChunkObject } from './openrouter-chunks';
import { SseWriter } from './sse-writer';
import { textCompletionOf } from './text-completion';

// POST /chat/completions and /completions: one engine request, answered as SSE (`stream: true`) or JSON. The app
// key's limits hold the request's worst-case cost before anything is sent upstream, until it has ended (however it
// ends); a client that disconnects cancels the request.

export interface AnswerDeps {
  engine: { chat(req: unknown, opts: ChatOptions): Promise<ChatResult>; worstCase?(req: unknown): WorstCase };
  admit?: (caller: ApiCaller, worstCase: () => WorstCase) => Admission;
}

/** Worked out only for keys with limits: counting a long prompt's tokens is not free. */
function worstCaseOf(deps: AnswerDeps, body: unknown): () => WorstCase {
  return () => {
    try {
      return deps.engine.worstCase?.(body) ?? { known: false, atLeastMicros: 0 };
    } catch {
      return { known: false, atLeastMicros: 0 }; // the key's cap for unknown costs applies
    }
  };
}

export async function answer(
  res: ServerResponse,
  body: unknown,
  caller: ApiCaller,
  deps: AnswerDeps,
  object: ChunkObject,
): Promise<void> {
  // No await between the worst case, the check and the hold: concurrent requests see each other's holds.
  const admission = deps.admit?.(caller, worstCaseOf(deps, body));
  if (admission && !admission.ok) return sendEngineError(res, admission.error);
  try {
    await relay(res, body, caller, deps, object);
  } finally {
    admission?.release(); // the engine has counted the real cost (onGeneration) before chat resolves
  }
}

async function relay(res: ServerResponse, body: unknown, caller: ApiCaller, deps: AnswerDeps, object: ChunkObject): Promise<void> {
  const ctl = new Canceller();
  res.on('close', () => {
    if (!res.writableFinished) ctl.abort();
  });
  const streaming = (body as { stream?: unknown } | null)?.stream === true;
  const framer = new ChunkFramer(object);
  const sse = new SseWriter(res);
  let started = false;
  const onEvent: ChatOptions['onEvent'] = (ev) => {
    if (res.destroyed) return;
    const text = framer.sse(ev);
    if (text === undefined) return;
    if (!started) {
      started = true;
      res.writeHead(200, { ...SSE_HEADERS, 'X-Generation-Id': framer.id ?? '' });
    }
    return sse.write(text);
  };
  const result = await deps.engine.chat(body, { signal: ctl, onEvent, source: 'local-api', appKeyId: caller.keyId });
  if (res.destroyed || ctl.aborted) return;
  const idHeader = { 'X-Generation-Id': result.record.id };
  if (result.error) {
    if (started) return sse.end(); // the error chunk already went out
    return sendEngineError(res, result.error, idHeader);
  }
  if (!streaming) {
    const completion = result.completion!;
    return sendJson(res, 200, object === 'text_completion' ? textCompletionOf(completion) : completion, idHeader);
  }
  if (!started) res.writeHead(200, { ...SSE_HEADERS, ...idHeader });
  sse.end(result.record.error ? undefined : 'data: [DONE]\n\n');
}
