import type { AdapterRequest, ProviderAdapter } from '../../types';
import { COMMON_PARAMETERS, keyHeader, trimBase, type Parameter, type ProviderModule } from '../provider-module';
import { excludesReasoning } from '../common/reasoning';
import { googleModels } from './native-ids';
import { parseGeminiResponse, parseGeminiStream, type GeminiParseOptions } from './parse';
import { geminiRequest } from './request';

// Google AI Studio Gemini: POST {baseUrl}/v1beta/models/{model}:streamGenerateContent?alt=sse
// (or :generateContent), key in the x-goog-api-key header (docs/provider-wire-formats.md §4).

function parseOptions(req: AdapterRequest): GeminiParseOptions {
  return { label: req.upstream.label, secrets: req.secrets ?? [req.upstream.apiKey], excludeReasoning: excludesReasoning(req.body) };
}

export const geminiAdapter: ProviderAdapter = {
  kind: 'gemini',
  buildRequest: geminiRequest,
  parseStream: (body, req) => parseGeminiStream(body, parseOptions(req)),
  parseResponse: (json, req) => parseGeminiResponse(json, parseOptions(req)),
};

const PARAMETERS = new Set<Parameter>([
  ...COMMON_PARAMETERS, 'tools', 'tool_choice', 'response_format', 'reasoning', 'seed', 'top_k', 'frequency_penalty',
  'presence_penalty', 'logprobs', 'top_logprobs',
]);

export const geminiProvider: ProviderModule = {
  kind: 'gemini',
  adapter: geminiAdapter,
  slug: () => 'google',
  aliases: ['google-ai-studio'],
  direct: googleModels,
  parameters: () => PARAMETERS,
  listModels: (u) => ({
    url: `${trimBase(u.baseUrl)}/v1beta/models?pageSize=1000`,
    headers: keyHeader('x-goog-api-key', u.apiKey),
    pick: (json) => ((json as { models?: { name?: unknown }[] })?.models ?? [])
      .flatMap((m) => (typeof m.name === 'string' ? [m.name.replace(/^models\//, '')] : [])),
  }),
  priceTable: () => 'google',
  webSearch: (_u, model) => /^(models\/)?gemini-/.test(model), // Google Search grounding
};
