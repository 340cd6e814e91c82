import type { ErrorBody, ErrorEnvelope } from '../../shared/openrouter/chat-response';
import { scrubSecrets } from './providers/common/scrub';

// OpenRouter's error envelope (docs/openrouter-api.md §5.1) with the HTTP status beside it.

export interface EngineError extends ErrorEnvelope {
  status: number;
}

export function engineError(status: number, message: string, metadata?: Record<string, unknown>, availability?: ErrorBody['availability']): EngineError {
  const error: ErrorBody = { code: status, message };
  if (metadata && Object.keys(metadata).length > 0) error.metadata = metadata;
  if (availability) error.availability = availability;
  return { status, error };
}

/** Remove every known secret and anything key-shaped from text that came from an upstream. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  return scrubSecrets(text, secrets);
}

export function truncate(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
