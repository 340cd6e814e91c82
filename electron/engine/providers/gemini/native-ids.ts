import type { DirectModels } from '../provider-module';

// Google AI Studio names models by the slug's tail (`google/gemini-2.5-pro` → `gemini-2.5-pro`).

export const googleModels: DirectModels = {
  author: 'google',
  nativeId: (slug) => slug.slice(slug.indexOf('/') + 1),
  slugFor: (nativeId) => (/^(gemini-|gemma-)/.test(nativeId) ? `google/${nativeId}` : undefined),
};
