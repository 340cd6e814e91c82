import type { UpstreamKind } from '../../../shared/providers/upstream-kinds';
import type { ProviderAdapter, UpstreamConfig } from '../types';
import { anthropicProvider } from './anthropic';
import { geminiProvider } from './gemini';
import { openAiCompatibleProvider } from './openai-compatible';
import { openRouterProvider } from './openrouter';
import type { DirectModels, ProviderModule } from './provider-module';

// Every provider module by kind. The Record type makes a kind without a module a compile error.

export const PROVIDERS: Record<UpstreamKind, ProviderModule> = {
  openrouter: openRouterProvider,
  'openai-compatible': openAiCompatibleProvider,
  anthropic: anthropicProvider,
  gemini: geminiProvider,
};

export function providerFor(kind: UpstreamKind): ProviderModule {
  const p = PROVIDERS[kind];
  if (!p) throw new Error(`no provider module for upstream kind "${String(kind)}"`);
  return p;
}

/** Whether an upstream is a router (its module has the router capability): OpenRouter or another gateway. */
export function isRouter(u: Pick<UpstreamConfig, 'kind'>): boolean {
  return providerFor(u.kind).router !== undefined;
}

/** Adapters are stateless: the same object serves every request. */
export function adapterFor(kind: UpstreamKind): ProviderAdapter {
  return providerFor(kind).adapter;
}

/** The provider slug of an upstream: `openrouter`, `anthropic`, `google`, `openai`, or its slugified label. */
export function providerSlugOf(u: UpstreamConfig): string {
  return providerFor(u.kind).slug(u);
}

/** The authors some provider serves first-hand, with their native-id rules. */
export const DIRECT_MODELS: readonly DirectModels[] = Object.values(PROVIDERS).flatMap((p) => (p.direct ? [p.direct] : []));
