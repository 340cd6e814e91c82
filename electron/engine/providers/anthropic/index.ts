import type { AdapterRequest, ProviderAdapter } from '../../types';
import { COMMON_PARAMETERS, keyHeader, modelIdsFromData, trimBase, type Parameter, type ProviderModule } from '../provider-module';
import { excludesReasoning } from '../common/reasoning';
import { anthropicModels } from './native-ids';
import { parseAnthropicMessage, parseAnthropicStream, type AnthropicParseOptions } from './parse';
import { ANTHROPIC_VERSION, anthropicRequest } from './request';

// Anthropic Messages API: POST {baseUrl}/v1/messages with x-api-key and anthropic-version
// (docs/provider-wire-formats.md §3).

function parseOptions(req: AdapterRequest): AnthropicParseOptions {
  return { label: req.upstream.label, secrets: req.secrets ?? [req.upstream.apiKey], excludeReasoning: excludesReasoning(req.body) };
}

export const anthropicAdapter: ProviderAdapter = {
  kind: 'anthropic',
  buildRequest: anthropicRequest,
  parseStream: (body, req) => parseAnthropicStream(body, parseOptions(req)),
  parseResponse: (json, req) => parseAnthropicMessage(json, parseOptions(req)),
};

const PARAMETERS = new Set<Parameter>([...COMMON_PARAMETERS, 'tools', 'tool_choice', 'parallel_tool_calls', 'reasoning', 'top_k']);

export const anthropicProvider: ProviderModule = {
  kind: 'anthropic',
  adapter: anthropicAdapter,
  slug: () => 'anthropic',
  aliases: [],
  direct: anthropicModels,
  parameters: () => PARAMETERS,
  listModels: (u) => ({
    url: `${trimBase(u.baseUrl)}/v1/models?limit=1000`,
    headers: { 'anthropic-version': ANTHROPIC_VERSION, ...keyHeader('x-api-key', u.apiKey) },
    pick: modelIdsFromData,
  }),
  priceTable: () => 'anthropic',
  webSearch: () => true, // the server tool web_search_20250305
};
