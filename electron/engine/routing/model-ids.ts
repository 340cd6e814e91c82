// OpenRouter model slugs ↔ the ids the providers' own APIs use. A generic rule per provider plus a short table of
// exceptions; the native id is accepted as input too.

export type DirectProvider = 'anthropic' | 'openai' | 'google';

export const DIRECT_PROVIDERS: readonly DirectProvider[] = ['anthropic', 'openai', 'google'];

/** slug → native id where the generic rule gives the wrong answer. */
const SLUG_OVERRIDES: Record<string, string> = {
  'anthropic/claude-3.5-sonnet': 'claude-3-5-sonnet-latest',
  'anthropic/claude-3.5-haiku': 'claude-3-5-haiku-latest',
  'anthropic/claude-3.7-sonnet': 'claude-3-7-sonnet-latest',
  'anthropic/claude-3-opus': 'claude-3-opus-latest',
  'anthropic/claude-sonnet-4': 'claude-sonnet-4-0',
  'anthropic/claude-opus-4': 'claude-opus-4-0',
};

const NATIVE_OVERRIDES: Record<string, string> = Object.fromEntries(
  Object.entries(SLUG_OVERRIDES).map(([slug, native]) => [native, slug]),
);

export function isDirectProvider(author: string): author is DirectProvider {
  return (DIRECT_PROVIDERS as readonly string[]).includes(author);
}

/** `anthropic/claude-sonnet-4.5` → `claude-sonnet-4-5`; `openai/gpt-4o` → `gpt-4o`; `google/gemini-2.5-pro` → `gemini-2.5-pro`. */
export function nativeIdForSlug(slug: string): string {
  const override = SLUG_OVERRIDES[slug];
  if (override) return override;
  const slash = slug.indexOf('/');
  const author = slug.slice(0, slash);
  const rest = slug.slice(slash + 1);
  if (author === 'anthropic') return rest.replace(/\./g, '-');
  return rest;
}

/** The provider a bare native id belongs to and its OpenRouter slug, when the id is recognisable. */
export function slugForNativeId(nativeId: string): { provider: DirectProvider; slug: string } | undefined {
  const override = NATIVE_OVERRIDES[nativeId];
  if (override) return { provider: 'anthropic', slug: override };
  if (/^claude-/.test(nativeId)) {
    return { provider: 'anthropic', slug: `anthropic/${nativeId.replace(/(\d)-(\d)(?!\d)/g, '$1.$2')}` };
  }
  if (/^(gpt-|o\d|chatgpt-|codex-)/.test(nativeId)) return { provider: 'openai', slug: `openai/${nativeId}` };
  if (/^(gemini-|gemma-)/.test(nativeId)) return { provider: 'google', slug: `google/${nativeId}` };
  return undefined;
}
