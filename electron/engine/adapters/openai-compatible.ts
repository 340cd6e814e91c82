import type { AdapterRequest, ProviderAdapter } from '../types';
import { chatCompletionsRequest, openAiCompatibleBody } from './chat-completions-request';
import { parseChatCompletion, parseChatCompletionsStream, type ChatCompletionsParseOptions } from './chat-completions-parse';
import { excludesReasoning } from './reasoning';

// OpenAI chat completions: POST {baseUrl}/chat/completions, where baseUrl already ends in /v1 (OpenAI, DeepSeek,
// Groq, xAI, Mistral, Ollama, LM Studio, vLLM, …). The key is optional (local servers).

function parseOptions(req: AdapterRequest): ChatCompletionsParseOptions {
  return { label: req.upstream.label, secrets: [req.upstream.apiKey], excludeReasoning: excludesReasoning(req.body) };
}

export const openAiCompatibleAdapter: ProviderAdapter = {
  kind: 'openai-compatible',
  buildRequest: (req) => chatCompletionsRequest(req, openAiCompatibleBody(req)),
  parseStream: (body, req) => parseChatCompletionsStream(body, parseOptions(req)),
  parseResponse: (json, req) => parseChatCompletion(json, parseOptions(req)),
};
