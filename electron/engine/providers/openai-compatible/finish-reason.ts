import type { FinishReason } from '../../../../shared/openrouter/chat-response';

// Chat-completions finish reasons → OpenRouter's five (docs/provider-wire-formats.md §2.5).

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
