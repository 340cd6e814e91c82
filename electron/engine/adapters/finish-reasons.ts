import type { FinishReason } from '../../../shared/openrouter/chat-response';

// Provider stop reasons → OpenRouter's five (docs/provider-wire-formats.md §2.5, §3.4, §4.4).

export function openAiFinish(native: string): FinishReason {
  switch (native) {
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
    case 'error':
      return native;
    case 'function_call':
      return 'tool_calls';
    default:
      return 'stop'; // "eos", "end_turn", … from local servers
  }
}

export function anthropicFinish(native: string | null): FinishReason {
  switch (native) {
    case 'tool_use':
      return 'tool_calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content_filter';
    default:
      return 'stop'; // end_turn, stop_sequence, pause_turn, unknown
  }
}

const GEMINI_FILTERED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION']);

export function geminiFinish(native: string, hasToolCalls: boolean): FinishReason {
  if (native === 'MAX_TOKENS') return 'length';
  if (GEMINI_FILTERED.has(native)) return 'content_filter';
  if (native === 'MALFORMED_FUNCTION_CALL' || native === 'UNEXPECTED_TOOL_CALL') return 'error';
  return hasToolCalls ? 'tool_calls' : 'stop';
}
