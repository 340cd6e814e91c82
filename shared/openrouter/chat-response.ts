import type { z } from 'zod';
import type { UrlCitationAnnotation } from './annotations';
import type { ToolCall } from './chat-request';
import type { finishReasonSchema } from './generation';

// OpenRouter response shapes (docs/openrouter-api.md §2, §3). These are what Parley's engine emits,
// whatever upstream served the request.

export type FinishReason = z.infer<typeof finishReasonSchema>;

export interface Usage {
  prompt_tokens: number; // includes cached (read and write) tokens
  completion_tokens: number; // includes reasoning tokens
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number; audio_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number; audio_tokens?: number; image_tokens?: number };
  cost?: number; // USD as reported by OpenRouter; Parley adds its computed cost elsewhere
  is_byok?: boolean;
  /** Present when the provider's charge is known (docs/openrouter-api.md §3); null when it is not. */
  cost_details?: CostDetails | null;
  server_tool_use?: { web_search_requests?: number };
}

/** What the provider charged, and that charge split into input and output (they add up to the whole). */
export interface CostDetails {
  upstream_inference_cost: number;
  upstream_inference_prompt_cost: number;
  upstream_inference_completions_cost: number;
}

export interface ErrorBody {
  code: number;
  message: string;
  metadata?: Record<string, unknown>;
  availability?: { code: string; retryable: boolean; requested_models?: string[]; excluded_by?: string[]; retry_after?: number };
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface ChunkChoice {
  index: number;
  delta: {
    role?: 'assistant';
    content?: string | null;
    reasoning?: string | null;
    reasoning_details?: Record<string, unknown>[];
    tool_calls?: ToolCallDelta[];
    annotations?: UrlCitationAnnotation[];
  };
  finish_reason: FinishReason | null;
  native_finish_reason?: string | null;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  provider?: string;
  choices: ChunkChoice[];
  usage?: Usage;
  error?: ErrorBody;
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  provider?: string;
  system_fingerprint: string | null; // required by OpenRouter's schema; Parley does not know the backend's, so null
  choices: {
    index: number;
    finish_reason: FinishReason | null;
    native_finish_reason?: string | null;
    message: {
      role: 'assistant';
      content: string | null;
      reasoning?: string | null;
      tool_calls?: ToolCall[];
      annotations?: UrlCitationAnnotation[];
      refusal?: string | null;
    };
    error?: ErrorBody;
  }[];
  usage?: Usage;
}

export interface ErrorEnvelope {
  error: ErrorBody;
}
