import type { FinishReason } from '../../../../shared/openrouter/chat-response';

// Anthropic stop_reason → OpenRouter's five (docs/provider-wire-formats.md §3.4).

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
