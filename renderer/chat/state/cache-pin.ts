import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { Turn } from '../../common/room/turns';

// Cache-aware pinning: a prompt cache lives at one provider, so a room that keeps each column on the provider that
// served its first answer keeps the cache warm. The pin is a provider preference OpenRouter reads (that provider
// first, others allowed as fallbacks): when a fallback serves instead, the answer says its cache was lost.

/** The provider of the column's first answered turn, if any. */
export function pinnedProvider(turns: readonly Turn[], columnId: string): string | null {
  for (const t of turns) {
    const a = t.answers.get(columnId)?.active;
    if (a && a.status === 'done' && a.model?.provider) return a.model.provider;
  }
  return null;
}

export function pinRequest(request: ChatRequest, provider: string): ChatRequest {
  return { ...request, provider: { ...request.provider, order: [provider], allow_fallbacks: true } };
}
