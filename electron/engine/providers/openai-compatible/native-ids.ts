import type { DirectModels } from '../provider-module';

// OpenAI names models by the slug's tail (`openai/gpt-4o` → `gpt-4o`).

export const openAiModels: DirectModels = {
  author: 'openai',
  nativeId: (slug) => slug.slice(slug.indexOf('/') + 1),
  slugFor: (nativeId) => (/^(gpt-|o\d|chatgpt-|codex-)/.test(nativeId) ? `openai/${nativeId}` : undefined),
};
