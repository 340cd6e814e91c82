import type { ChatMessage, ChatRequest } from '../../../../shared/openrouter/chat-request';
import type { AdapterRequest, HttpRequestSpec } from '../../types';
import { isOpenAiOrAzureUrl } from '../common/urls';
import { webSearchWish } from '../common/web-search';

// Request bodies for the OpenAI chat-completions wire (OpenAI, DeepSeek, Groq, xAI, Ollama, LM Studio, …) and
// for OpenRouter, which speaks the same wire plus its routing fields.

/** Fields only OpenRouter understands; strict OpenAI-compatible servers reject unknown parameters. */
const OPENROUTER_ONLY = [
  'models', 'provider', 'plugins', 'transforms', 'route', 'usage', 'session_id', 'debug', 'trace', 'reasoning',
  'include_reasoning', 'stop_server_tools_when', 'image_config', 'prompt_cache_options', 'top_a',
] as const;

/** Sampling parameters OpenAI itself rejects but most other compatible servers (vLLM, llama.cpp, …) accept. */
const NOT_OPENAI = ['top_k', 'min_p', 'repetition_penalty'] as const;

function withoutReasoningFields(m: ChatMessage): ChatMessage {
  if (m.role !== 'assistant' || (m.reasoning === undefined && m.reasoning_details === undefined)) return m;
  const { reasoning: _r, reasoning_details: _d, ...rest } = m;
  return rest;
}

export function openAiCompatibleBody(req: AdapterRequest): Record<string, unknown> {
  const src: ChatRequest = req.body;
  const body: Record<string, unknown> = { ...src, model: req.model, stream: req.stream };
  for (const k of OPENROUTER_ONLY) delete body[k];
  // OpenAI's search models take `web_search_options` (docs/provider-wire-formats.md §8); routing sends the web
  // plugin only to models that search.
  if (webSearchWish(src) && body.web_search_options === undefined) body.web_search_options = {};
  if (isOpenAiOrAzureUrl(req.upstream.baseUrl)) {
    for (const k of NOT_OPENAI) delete body[k];
    // Reasoning models (o-series, gpt-5) reject max_tokens; max_completion_tokens works for every OpenAI model.
    if (body.max_tokens !== undefined && body.max_completion_tokens === undefined) body.max_completion_tokens = body.max_tokens;
    delete body.max_tokens;
  }
  const effort = src.reasoning_effort ?? src.reasoning?.effort ?? (src.reasoning?.enabled === false ? 'none' : undefined);
  if (effort) body.reasoning_effort = effort === 'max' ? 'xhigh' : effort;
  body.messages = src.messages.map(withoutReasoningFields);
  if (req.stream) body.stream_options = { ...(src as { stream_options?: object }).stream_options, include_usage: true };
  else delete body.stream_options;
  return body;
}

export function openRouterBody(req: AdapterRequest): Record<string, unknown> {
  const body: Record<string, unknown> = { ...req.body, model: req.model, stream: req.stream };
  if (!req.stream) delete body.stream_options;
  return body;
}

export function chatCompletionsRequest(req: AdapterRequest, body: Record<string, unknown>, extraHeaders: Record<string, string> = {}): HttpRequestSpec {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: req.stream ? 'text/event-stream' : 'application/json',
    ...extraHeaders,
  };
  if (req.upstream.apiKey) headers.authorization = `Bearer ${req.upstream.apiKey}`;
  return {
    url: `${req.upstream.baseUrl.replace(/\/+$/, '')}/chat/completions`,
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  };
}
