import type { AdapterRequest, ProviderAdapter } from '../../types';
import { keyHeader, modelIdsFromData, trimBase, type ProviderModule } from '../provider-module';
import { chatCompletionsRequest, openRouterBody } from '../openai-compatible/request';
import { parseChatCompletion, parseChatCompletionsBatches, parseChatCompletionsStream, type ChatCompletionsParseOptions } from '../openai-compatible/parse';
import type { HeaderSource } from '../common/upstream-errors';

// OpenRouter: the chat-completions wire plus its routing fields (models, provider, reasoning, plugins) passed
// through, usage with `cost` / `is_byok`, `reasoning_details`, `: OPENROUTER PROCESSING` keep-alive comments
// (skipped by the SSE reader) and mid-stream `error` chunks (docs/openrouter-api.md §2.2, §2.3).

/** App attribution (§1.6). The referer identifies the app on OpenRouter's rankings; change it if Parley gets a
 * public home page. */
export const PARLEY_APP_URL = 'https://github.com/parley-app/parley';
export const PARLEY_APP_TITLE = 'Parley';

function parseOptions(req: AdapterRequest): ChatCompletionsParseOptions {
  // OpenRouter applies `reasoning.exclude` itself.
  return { label: req.upstream.label, secrets: req.secrets ?? [req.upstream.apiKey], excludeReasoning: false };
}

export const openRouterAdapter: ProviderAdapter = {
  kind: 'openrouter',
  buildRequest: (req) =>
    chatCompletionsRequest(req, openRouterBody(req), { 'HTTP-Referer': PARLEY_APP_URL, 'X-OpenRouter-Title': PARLEY_APP_TITLE }),
  parseStream: (body, req) => parseChatCompletionsStream(body, parseOptions(req)),
  parseStreamBatches: (body, req) => parseChatCompletionsBatches(body, parseOptions(req)),
  parseResponse: (json, req) => parseChatCompletion(json, parseOptions(req)),
};

export const openRouterProvider: ProviderModule = {
  kind: 'openrouter',
  adapter: openRouterAdapter,
  router: { webSearch: true },
  slug: () => 'openrouter',
  aliases: [],
  // OpenRouter routes every parameter on to providers that honour it.
  parameters: () => 'all',
  listModels: (u) => ({
    url: `${trimBase(u.baseUrl)}/models`,
    headers: keyHeader('authorization', u.apiKey && `Bearer ${u.apiKey}`),
    pick: modelIdsFromData,
  }),
  // OpenRouter traffic is priced at OpenRouter's list price (the catalog's models), not a direct table.
  priceTable: () => undefined,
  webSearch: () => true, // the web plugin, for any model
};

/** OpenRouter's generation id (`X-Generation-Id`), for reconciling with GET /generation. */
export function generationIdFromHeaders(headers: HeaderSource): string | undefined {
  let v: string | string[] | undefined | null;
  if (typeof (headers as Headers).get === 'function') v = (headers as Headers).get('x-generation-id');
  else {
    const rec = headers as Record<string, string | string[] | undefined>;
    const key = Object.keys(rec).find((k) => k.toLowerCase() === 'x-generation-id');
    v = key === undefined ? undefined : rec[key];
  }
  const id = (Array.isArray(v) ? v[0] : v)?.trim();
  return id ? id : undefined;
}
