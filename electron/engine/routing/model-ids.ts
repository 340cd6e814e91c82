import { DIRECT_MODELS } from '../providers/registry';

// OpenRouter model slugs ↔ the ids the providers' own APIs use. Each provider module states its rule
// (providers/<kind>/native-ids.ts); the native id is accepted as input too.

export function isDirectProvider(author: string): boolean {
  return DIRECT_MODELS.some((d) => d.author === author);
}

/** `anthropic/claude-sonnet-4.5` → `claude-sonnet-4-5`; `openai/gpt-4o` → `gpt-4o`; `google/gemini-2.5-pro` → `gemini-2.5-pro`. */
export function nativeIdForSlug(slug: string): string {
  const slash = slug.indexOf('/');
  const direct = DIRECT_MODELS.find((d) => d.author === slug.slice(0, slash));
  return direct ? direct.nativeId(slug) : slug.slice(slash + 1);
}

/** The provider a bare native id belongs to and its OpenRouter slug, when the id is recognisable. */
export function slugForNativeId(nativeId: string): { provider: string; slug: string } | undefined {
  for (const d of DIRECT_MODELS) {
    const slug = d.slugFor(nativeId);
    if (slug) return { provider: d.author, slug };
  }
  return undefined;
}
