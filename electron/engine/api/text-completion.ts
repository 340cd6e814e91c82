import type { ChatCompletion, ErrorBody, FinishReason, Usage } from '../../../shared/openrouter/chat-response';
import { engineError, type EngineError } from '../errors';

// The legacy `POST /completions` (docs/openrouter-api.md §11): a prompt in, text out. Parley answers it with the
// chat engine: the prompt becomes one user message, and the answer's text becomes `choices[0].text`.

export interface TextCompletionChoice {
  index: number;
  text: string;
  finish_reason: FinishReason | null;
  native_finish_reason: string | null;
  logprobs: null;
  error?: ErrorBody;
}

export interface TextCompletionChunk {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  provider?: string;
  choices: TextCompletionChoice[];
  usage?: Usage;
  error?: ErrorBody;
}

export type TextCompletion = TextCompletionChunk;

const UNSUPPORTED: Record<string, (v: unknown) => boolean> = {
  suffix: (v) => typeof v === 'string' && v !== '',
  echo: (v) => v === true,
  best_of: (v) => typeof v === 'number' && v > 1,
  n: (v) => typeof v === 'number' && v > 1,
};

/** The chat request a legacy completion request stands for, or a 400 that says what cannot be served. */
export function chatRequestFromPrompt(body: unknown): { ok: true; request: Record<string, unknown> } | { ok: false; error: EngineError } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: engineError(400, 'Invalid request: the body must be a JSON object.', { error_type: 'invalid_request' }) };
  }
  const { prompt, messages, ...rest } = body as Record<string, unknown>;
  const bad = (message: string) => ({ ok: false as const, error: engineError(400, `Invalid request: ${message}`, { error_type: 'invalid_request' }) });
  if (messages !== undefined) return bad('/completions takes "prompt"; send "messages" to /chat/completions.');
  const text = Array.isArray(prompt) && prompt.length === 1 ? prompt[0] : prompt;
  if (typeof text !== 'string') return bad('"prompt" must be a string (Parley answers one text prompt per request).');
  for (const [field, unsupported] of Object.entries(UNSUPPORTED)) {
    if (unsupported(rest[field])) return bad(`"${field}" is not supported by Parley's /completions.`);
    delete rest[field];
  }
  delete rest.logprobs; // legacy integer form; chat's boolean means something else
  return { ok: true, request: { ...rest, messages: [{ role: 'user', content: text }] } };
}

/** A `chat.completion` answer as the legacy `text_completion`. */
export function textCompletionOf(c: ChatCompletion): TextCompletion {
  const choice = c.choices[0];
  const out: TextCompletionChoice = {
    index: 0,
    text: choice?.message.content ?? '',
    finish_reason: choice?.finish_reason ?? null,
    native_finish_reason: choice?.native_finish_reason ?? null,
    logprobs: null,
  };
  if (choice?.error) out.error = choice.error;
  return {
    id: c.id,
    object: 'text_completion',
    created: c.created,
    model: c.model,
    ...(c.provider !== undefined ? { provider: c.provider } : {}),
    choices: [out],
    ...(c.usage ? { usage: c.usage } : {}),
  };
}
