import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRoute, type PlanContext } from '../../../../electron/engine/routing/plan';
import { createHealthTracker } from '../../../../electron/engine/health/endpoint-health';
import { PROVIDERS } from '../../../../electron/engine/providers/registry';
import { openRouterProvider } from '../../../../electron/engine/providers/openrouter';
import { slugify, type ProviderModule } from '../../../../electron/engine/providers/provider-module';
import type { RoutePlan } from '../../../../electron/engine/routing/route-types';
import type { UpstreamConfig } from '../../../../electron/engine/types';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import { UPSTREAM_KINDS, UPSTREAM_KIND_INFO } from '../../../../shared/providers/upstream-kinds';
import { upstream } from '../support/mock-adapter';

// A second router-type upstream (a gateway like OpenRouter) is a provider module with the router capability and
// nothing else: routing treats it as it treats OpenRouter without naming its kind anywhere. The fake gateway takes
// the place of the openai-compatible module for the test (a real one would be its own kind in its own folder).

const gatewayModule: ProviderModule = {
  ...openRouterProvider,
  kind: 'openai-compatible',
  slug: (u) => slugify(u.label),
  router: { webSearch: false },
};

const anthropic = upstream({ id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: 'https://api.anthropic.com' });
const gateway = upstream({ id: 'custom:gateway', kind: 'openai-compatible', label: 'Gateway', baseUrl: 'https://gateway.example/v1', isByok: false });

const req = (r: Partial<ChatRequest>): ChatRequest => ({ messages: [{ role: 'user', content: 'hi' }], ...r });
const ctx = (upstreams: UpstreamConfig[]): PlanContext => {
  let t = 1;
  return { upstreams, health: createHealthTracker({ now: () => t++ }), random: () => 0 };
};
function ids(plan: RoutePlan): string[] {
  if (!plan.ok) throw new Error(`expected a plan, got ${plan.status}: ${plan.message}`);
  return plan.steps.map((s) => `${s.endpoint.upstream.id}:${s.endpoint.nativeModel}`);
}

describe('a second router-type upstream', () => {
  const original = PROVIDERS['openai-compatible'];
  beforeEach(() => { PROVIDERS['openai-compatible'] = gatewayModule; });
  afterEach(() => { PROVIDERS['openai-compatible'] = original; });

  it('serves any author after the first-hand provider, with the slug and its router variants', () => {
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5:nitro' }), ctx([gateway, anthropic])))).toEqual([
      'anthropic:claude-sonnet-4-5',
      'custom:gateway:anthropic/claude-sonnet-4.5:nitro',
    ]);
    expect(ids(planRoute(req({ model: 'meta-llama/llama-3.3-70b-instruct:extended' }), ctx([gateway, anthropic])))).toEqual([
      'custom:gateway:meta-llama/llama-3.3-70b-instruct:extended',
    ]);
  });

  it('answers for any provider named in provider.only and gets the preferences forwarded', () => {
    const plan = planRoute(req({ model: 'meta-llama/llama-3.3-70b-instruct', provider: { only: ['deepinfra'] } }), ctx([gateway]));
    expect(ids(plan)).toEqual(['custom:gateway:meta-llama/llama-3.3-70b-instruct']);
  });
});

describe('the router fact', () => {
  it('the shared kind info and the provider module agree for every kind', () => {
    for (const kind of UPSTREAM_KINDS) expect(UPSTREAM_KIND_INFO[kind].router).toBe(PROVIDERS[kind].router !== undefined);
  });
});
