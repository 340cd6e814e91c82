import type { AdapterRequest, ProviderAdapter } from '../types';
import { anthropicRequest } from './anthropic-request';
import { parseAnthropicMessage, parseAnthropicStream, type AnthropicParseOptions } from './anthropic-parse';
import { excludesReasoning } from './reasoning';

// Anthropic Messages API: POST {baseUrl}/v1/messages with x-api-key and anthropic-version.

function parseOptions(req: AdapterRequest): AnthropicParseOptions {
  return { label: req.upstream.label, secrets: [req.upstream.apiKey], excludeReasoning: excludesReasoning(req.body) };
}

export const anthropicAdapter: ProviderAdapter = {
  kind: 'anthropic',
  buildRequest: anthropicRequest,
  parseStream: (body, req) => parseAnthropicStream(body, parseOptions(req)),
  parseResponse: (json, req) => parseAnthropicMessage(json, parseOptions(req)),
};
