import type { ServerResponse } from 'node:http';
import { Canceller } from '../cancel';
import type { ChatOptions, ChatResult } from '../engine';
import type { EngineError } from '../errors';
import type { ApiCaller } from './auth';
import { SSE_HEADERS, sendEngineError, sendJson } from './http-io';
import { ChunkFramer, type ChunkObject } from './openrouter-chunks';
import { SseWriter } from './sse-writer';
import { textCompletionOf } from './text-completion';

// POST /chat/completions and /completions: one engine request, answered as SSE (`stream: true`) or JSON. The app
// key's limits are checked before anything is sent upstream; a client that disconnects cancels the request.

export interface AnswerDeps {
  engine: { chat(req: unknown, opts: ChatOptions): Promise<ChatResult> };
  admit?: (caller: ApiCaller) => EngineError | undefined;
}

export async function answer(
  res: ServerResponse,
  body: unknown,
  caller: ApiCaller,
  deps: AnswerDeps,
  object: ChunkObject,
): Promise<void> {
  const refused = deps.admit?.(caller);
  if (refused) return sendEngineError(res, refused);
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
