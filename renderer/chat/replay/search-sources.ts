import { getMessage } from '../../history/db/messages';
import { getConversation } from '../../history/db/conversations';
import { promptExcerpt } from '../../history/db/prompt-excerpt';
import type { ReplaySource } from '../../history/db/types';

// The prompts a set of search results points at, to replay: a prompt found is itself, an answer found stands for
// the prompt it answered; each prompt once, in the results' order. The models suggested are the columns of the
// rooms they come from.

export async function replaySourcesOf(hits: readonly { conversationId: string; messageId: string }[]): Promise<{ sources: ReplaySource[]; models: string[] }> {
  const sources: ReplaySource[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    let m = await getMessage(h.messageId);
    if (m?.role === 'assistant') m = m.parentId ? await getMessage(m.parentId) : undefined;
    if (!m || m.role !== 'user' || seen.has(m.id)) continue;
    seen.add(m.id);
    sources.push({ conversationId: m.conversationId, promptId: m.id, excerpt: promptExcerpt(m.content) });
  }
  const models = new Set<string>();
  for (const id of new Set(sources.map((s) => s.conversationId))) for (const c of (await getConversation(id))?.columns ?? []) models.add(c.model);
  return { sources, models: [...models] };
}
