import type { FinishReason } from '../../../../shared/openrouter/chat-response';

// Gemini finishReason → OpenRouter's five (docs/provider-wire-formats.md §4.4).

const GEMINI_FILTERED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION']);

export function geminiFinish(native: string, hasToolCalls: boolean): FinishReason {
  if (native === 'MAX_TOKENS') return 'length';
  if (GEMINI_FILTERED.has(native)) return 'content_filter';
  if (native === 'MALFORMED_FUNCTION_CALL' || native === 'UNEXPECTED_TOOL_CALL') return 'error';
  return hasToolCalls ? 'tool_calls' : 'stop';
}
