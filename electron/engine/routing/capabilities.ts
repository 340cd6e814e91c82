import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { UpstreamConfig } from '../types';
import { isLoopbackUrl, providerSlugOf } from './providers';

// Which request parameters each kind of upstream honours, for `provider.require_parameters` and for the soft
// restriction OpenRouter applies by default to `tools` / `response_format`.

export type Parameter =
  | 'tools' | 'tool_choice' | 'parallel_tool_calls' | 'response_format' | 'reasoning' | 'seed' | 'stop'
  | 'temperature' | 'top_p' | 'top_k' | 'frequency_penalty' | 'presence_penalty' | 'repetition_penalty'
  | 'max_tokens' | 'logprobs' | 'top_logprobs' | 'logit_bias';

type Profile = 'openrouter' | 'openai' | 'anthropic' | 'gemini' | 'local' | 'openai-compatible';

const COMMON: Parameter[] = ['temperature', 'top_p', 'stop', 'max_tokens'];

const TABLE: Record<Profile, ReadonlySet<Parameter> | 'all'> = {
  openrouter: 'all',
  openai: new Set<Parameter>([
    ...COMMON, 'tools', 'tool_choice', 'parallel_tool_calls', 'response_format', 'reasoning', 'seed',
    'frequency_penalty', 'presence_penalty', 'logprobs', 'top_logprobs', 'logit_bias',
  ]),
  anthropic: new Set<Parameter>([...COMMON, 'tools', 'tool_choice', 'parallel_tool_calls', 'reasoning', 'top_k']),
  gemini: new Set<Parameter>([
    ...COMMON, 'tools', 'tool_choice', 'response_format', 'reasoning', 'seed', 'top_k', 'frequency_penalty',
    'presence_penalty', 'logprobs', 'top_logprobs',
  ]),
  local: new Set<Parameter>([...COMMON, 'tools', 'tool_choice', 'response_format', 'seed', 'top_k', 'frequency_penalty', 'presence_penalty', 'repetition_penalty']),
  'openai-compatible': new Set<Parameter>([...COMMON, 'tools', 'tool_choice', 'response_format', 'seed', 'frequency_penalty', 'presence_penalty']),
};

function profileOf(u: UpstreamConfig): Profile {
  if (u.kind === 'openrouter') return 'openrouter';
  if (u.kind === 'anthropic') return 'anthropic';
  if (u.kind === 'gemini') return 'gemini';
  if (providerSlugOf(u) === 'openai') return 'openai';
  return isLoopbackUrl(u.baseUrl) ? 'local' : 'openai-compatible';
}

export function supportsParameter(u: UpstreamConfig, p: Parameter): boolean {
  const caps = TABLE[profileOf(u)];
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
