import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { ErrorEnvelope } from '../../../shared/openrouter/chat-response';
import type { EngineEventSink } from '../../engine';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

/** The slice of the routing engine the stream manager needs. */
export interface ChatEngine {
  chat(
    request: ChatRequest,
    opts: { signal: AbortSignal; onEvent: EngineEventSink; source: 'app' | 'local-api' },
  ): Promise<{ record: GenerationRecord; error?: ErrorEnvelope & { status?: number } }>;
}
