import type { UpstreamKind } from '../../../shared/openrouter/generation';
import type { ProviderAdapter } from '../types';
import { anthropicAdapter } from './anthropic';
import { geminiAdapter } from './gemini';
import { openAiCompatibleAdapter } from './openai-compatible';
import { openRouterAdapter } from './openrouter';

// One adapter per wire format. Adapters are stateless: the same object serves every request.

const ADAPTERS: Record<UpstreamKind, ProviderAdapter> = {
  openrouter: openRouterAdapter,
  'openai-compatible': openAiCompatibleAdapter,
  anthropic: anthropicAdapter,
  gemini: geminiAdapter,
};

export function adapterFor(kind: UpstreamKind): ProviderAdapter {
  const adapter = ADAPTERS[kind];
  if (!adapter) throw new Error(`no adapter for upstream kind "${String(kind)}"`);
  return adapter;
}

export { anthropicAdapter, geminiAdapter, openAiCompatibleAdapter, openRouterAdapter };
export { generationIdFromHeaders, PARLEY_APP_TITLE, PARLEY_APP_URL } from './openrouter';
export {
  parseErrorResponse, streamErrorEvent, retryAfterFromHeaders, clientCode, errorTypeForCode,
  type UpstreamError, type HeaderSource,
} from './errors';
export { scrubSecrets } from './scrub';
export { ANTHROPIC_VERSION, DEFAULT_MAX_TOKENS, thinkingConfig as anthropicThinkingConfig } from './anthropic-request';
