import type { DirectModels } from '../provider-module';

// Anthropic's API ids: the slug's tail with dots as dashes (`claude-sonnet-4.5` → `claude-sonnet-4-5`), except
// for a few older models whose bare names are aliases.

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

export const anthropicModels: DirectModels = {
  author: 'anthropic',
  nativeId: (slug) => SLUG_OVERRIDES[slug] ?? slug.slice(slug.indexOf('/') + 1).replace(/\./g, '-'),
  slugFor(nativeId) {
    const override = NATIVE_OVERRIDES[nativeId];
    if (override) return override;
    return /^claude-/.test(nativeId) ? `anthropic/${nativeId.replace(/(\d)-(\d)(?!\d)/g, '$1.$2')}` : undefined;
  },
};
