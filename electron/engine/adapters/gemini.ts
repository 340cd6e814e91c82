import type { AdapterRequest, ProviderAdapter } from '../types';
import { geminiRequest } from './gemini-request';
import { parseGeminiResponse, parseGeminiStream, type GeminiParseOptions } from './gemini-parse';
import { excludesReasoning } from './reasoning';

// Google AI Studio Gemini: POST {baseUrl}/v1beta/models/{model}:streamGenerateContent?alt=sse
// (or :generateContent), key in the x-goog-api-key header.

function parseOptions(req: AdapterRequest): GeminiParseOptions {
  return { label: req.upstream.label, secrets: [req.upstream.apiKey], excludeReasoning: excludesReasoning(req.body) };
}

export const geminiAdapter: ProviderAdapter = {
  kind: 'gemini',
  buildRequest: geminiRequest,
  parseStream: (body, req) => parseGeminiStream(body, parseOptions(req)),
  parseResponse: (json, req) => parseGeminiResponse(json, parseOptions(req)),
};
