import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import { providerFor } from '../providers/registry';
import type { Parameter } from '../providers/provider-module';
import type { UpstreamConfig } from '../types';

export type { Parameter };

// Which request parameters an upstream honours (each provider module says), for `provider.require_parameters` and
// for the soft restriction OpenRouter applies by default to `tools` / `response_format`.

export function supportsParameter(u: UpstreamConfig, p: Parameter): boolean {
  const caps = providerFor(u.kind).parameters(u);
  return caps === 'all' || caps.has(p);
}

/** The routing-relevant parameters a request actually uses. */
export function requestedParameters(req: ChatRequest): Parameter[] {
  const r = req as ChatRequest & Record<string, unknown>;
  const out: Parameter[] = [];
  const has = (k: string) => r[k] !== undefined && r[k] !== null;
  if (req.tools && req.tools.length > 0) out.push('tools');
  if (has('tool_choice')) out.push('tool_choice');
  if (has('parallel_tool_calls')) out.push('parallel_tool_calls');
  if (has('response_format')) out.push('response_format');
  if (wantsReasoning(req)) out.push('reasoning');
  if (has('max_tokens') || has('max_completion_tokens')) out.push('max_tokens');
  for (const k of ['seed', 'stop', 'temperature', 'top_p', 'top_k', 'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'logprobs', 'top_logprobs', 'logit_bias'] as const) {
    if (has(k)) out.push(k);
  }
  return out;
}

export function wantsReasoning(req: ChatRequest): boolean {
  if (req.reasoning) return req.reasoning.enabled !== false && req.reasoning.effort !== 'none';
  if (req.reasoning_effort) return req.reasoning_effort !== 'none';
  return req.include_reasoning === true;
}
