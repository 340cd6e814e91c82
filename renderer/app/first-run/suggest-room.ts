import type { ModelSummary } from '../../../shared/contract/models';

// The first room a newcomer is offered: three models that answer differently — a cheap one, a strong one and one
// more from a third maker — served by the provider just set up. Well-known models come first (the catalog holds
// hundreds; a newcomer should meet names they may know); a provider without them gets the cheapest, the dearest
// and one in between. A local server's models are all free: its first three.

export type SuggestionRole = 'cheap' | 'strong' | 'another' | 'local';

export interface Suggestion {
  model: ModelSummary;
  role: SuggestionRole;
}

const CHEAP = ['openai/gpt-4o-mini', 'google/gemini-2.5-flash-lite', 'openai/gpt-5-mini', 'openai/gpt-4.1-mini', 'anthropic/claude-3.5-haiku', 'gpt-4o-mini'];
const STRONG = ['anthropic/claude-sonnet-4.5', 'openai/gpt-5', 'google/gemini-2.5-pro', 'anthropic/claude-sonnet-4', 'openai/gpt-4.1', 'openai/gpt-4o', 'claude-sonnet-4-5', 'gpt-5', 'gemini-2.5-pro'];
const ANOTHER = ['google/gemini-2.5-flash', 'deepseek/deepseek-chat-v3.1', 'meta-llama/llama-4-maverick', 'mistralai/mistral-medium-3.1', 'x-ai/grok-4-fast', 'gemini-2.5-flash'];

const price = (m: ModelSummary): number | null =>
  m.promptUsdPerMTok === null || m.completionUsdPerMTok === null ? null : m.promptUsdPerMTok + m.completionUsdPerMTok;
const maker = (m: ModelSummary) => m.provider || m.id.split('/')[0] || m.id;
/** the id without its maker ("openai/gpt-4o" → "gpt-4o"): a direct provider's models may be listed either way */
const bare = (id: string) => id.slice(id.indexOf('/') + 1);

/** Three models for a first room, served by `upstreamId` (any configured provider when null). */
export function suggestRoom(models: readonly ModelSummary[], upstreamId: string | null): Suggestion[] {
  const pool = models.filter((m) => (upstreamId ? m.servedByIds.includes(upstreamId) : m.servedByIds.length > 0) && m.outputModalities.includes('text') && !m.id.includes(':'));
  if (pool.length === 0) return [];
  if (pool.every((m) => price(m) === 0)) {
    return [...pool].sort((a, b) => a.id.localeCompare(b.id)).slice(0, 3).map((model) => ({ model, role: 'local' }));
  }
  const priced = pool.filter((m) => (price(m) ?? 0) > 0).sort((a, b) => price(a)! - price(b)!);
  const chosen: Suggestion[] = [];
  const taken = (m: ModelSummary) => chosen.some((c) => c.model.id === m.id);
  const newMaker = (m: ModelSummary) => !chosen.some((c) => maker(c.model) === maker(m));
  const known = (list: string[], ok: (m: ModelSummary) => boolean) => {
    for (const id of list) {
      const m = pool.find((p) => (p.id === id || bare(p.id) === bare(id)) && !taken(p) && ok(p));
      if (m) return m;
    }
    return undefined;
  };
  const pick = (role: SuggestionRole, m: ModelSummary | undefined) => m && chosen.push({ model: m, role });

  pick('strong', known(STRONG, () => true) ?? priced.at(-1));
  pick('cheap', known(CHEAP, newMaker) ?? priced.find((m) => !taken(m) && newMaker(m)) ?? priced.find((m) => !taken(m)));
  pick('another', known(ANOTHER, newMaker) ?? middle(priced.filter((m) => !taken(m) && newMaker(m))) ?? middle(priced.filter((m) => !taken(m))) ?? pool.find((m) => !taken(m)));
  // cheap first, as the room shows them: cheap, strong, another
  const order: SuggestionRole[] = ['cheap', 'strong', 'another'];
  return chosen.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

function middle(list: ModelSummary[]): ModelSummary | undefined {
  return list[Math.floor(list.length / 2)];
}

export const SAMPLE_PROMPT = 'In three sentences: what is a good first question to ask several AI models at once, and why?';
