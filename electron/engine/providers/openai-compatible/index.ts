import type { AdapterRequest, ProviderAdapter, UpstreamConfig } from '../../types';
import { COMMON_PARAMETERS, keyHeader, modelIdsFromData, slugify, trimBase, type Parameter, type ProviderModule } from '../provider-module';
import { excludesReasoning } from '../common/reasoning';
import { webSearchWish } from '../common/web-search';
import { isLoopbackUrl, isOpenAiUrl } from '../common/urls';
import { isOllama, ollamaModelNames } from './local-servers';
import { openAiModels } from './native-ids';
import { parseChatCompletion, parseChatCompletionsBatches, parseChatCompletionsStream, type ChatCompletionsParseOptions } from './parse';
import { chatCompletionsRequest, openAiCompatibleBody } from './request';

// OpenAI chat completions: POST {baseUrl}/chat/completions, where baseUrl already ends in /v1 (OpenAI, DeepSeek,
// Groq, xAI, Mistral, Ollama, LM Studio, vLLM, …). The key is optional (local servers). An upstream of this kind
// is OpenAI itself when it points at api.openai.com or is named "OpenAI"; otherwise it is named by its label.

function parseOptions(req: AdapterRequest): ChatCompletionsParseOptions {
  const opts: ChatCompletionsParseOptions = { label: req.upstream.label, secrets: req.secrets ?? [req.upstream.apiKey], excludeReasoning: excludesReasoning(req.body) };
  // A search model runs one web search per request and bills it, without counting it in its usage.
  if (webSearchWish(req.body)) opts.searchesPerRequest = 1;
  return opts;
}

/** OpenAI's chat-completions search models (gpt-4o-search-preview, gpt-5-search-api, …): the only ones of this
 * kind that search the web. */
export function isOpenAiSearchModel(nativeModel: string): boolean {
  return /(^|[-/])search([-_]|$)/.test(nativeModel.toLowerCase());
}

export const openAiCompatibleAdapter: ProviderAdapter = {
  kind: 'openai-compatible',
  buildRequest: (req) => chatCompletionsRequest(req, openAiCompatibleBody(req)),
  parseStream: (body, req) => parseChatCompletionsStream(body, parseOptions(req)),
  parseStreamBatches: (body, req) => parseChatCompletionsBatches(body, parseOptions(req)),
  parseResponse: (json, req) => parseChatCompletion(json, parseOptions(req)),
};

const OPENAI = new Set<Parameter>([
  ...COMMON_PARAMETERS, 'tools', 'tool_choice', 'parallel_tool_calls', 'response_format', 'reasoning', 'seed',
  'frequency_penalty', 'presence_penalty', 'logprobs', 'top_logprobs', 'logit_bias',
]);
const LOCAL = new Set<Parameter>([
  ...COMMON_PARAMETERS, 'tools', 'tool_choice', 'response_format', 'seed', 'top_k', 'frequency_penalty', 'presence_penalty', 'repetition_penalty',
]);
const OTHER = new Set<Parameter>([...COMMON_PARAMETERS, 'tools', 'tool_choice', 'response_format', 'seed', 'frequency_penalty', 'presence_penalty']);

function slug(u: UpstreamConfig): string {
  if (isOpenAiUrl(u.baseUrl) || slugify(u.label) === 'openai') return 'openai';
  return slugify(u.label) || slugify(u.id.replace(/^[a-z-]+:/, ''));
}

export const openAiCompatibleProvider: ProviderModule = {
  kind: 'openai-compatible',
  adapter: openAiCompatibleAdapter,
  slug,
  aliases: [],
  direct: openAiModels,
  parameters: (u) => (slug(u) === 'openai' ? OPENAI : isLoopbackUrl(u.baseUrl) ? LOCAL : OTHER),
  listModels: (u) => {
    const base = trimBase(u.baseUrl);
    if (isOllama(u)) return { url: `${base.replace(/\/v1$/, '')}/api/tags`, headers: {}, pick: ollamaModelNames };
    return { url: `${base}/models`, headers: keyHeader('authorization', u.apiKey && `Bearer ${u.apiKey}`), pick: modelIdsFromData };
  },
  priceTable: (u) => slug(u) || undefined,
  webSearch: (u, model) => slug(u) === 'openai' && isOpenAiSearchModel(model),
};
