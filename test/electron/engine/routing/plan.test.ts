import { describe, expect, it } from 'vitest';
import { planRoute, type PlanContext } from '../../../../electron/engine/routing/plan';
import { createHealthTracker } from '../../../../electron/engine/health/endpoint-health';
import type { PriceInfo, RoutePlan } from '../../../../electron/engine/routing/route-types';
import type { UpstreamConfig } from '../../../../electron/engine/types';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import { upstream } from '../support/mock-adapter';

const openrouter = upstream({ id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1' });
const anthropic = upstream({ id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: 'https://api.anthropic.com' });
const openai = upstream({ id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1' });
const gemini = upstream({ id: 'gemini', kind: 'gemini', label: 'Google AI Studio', baseUrl: 'https://generativelanguage.googleapis.com' });
const ollama = upstream({
  id: 'local:ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1',
  models: ['llama3:latest', 'llama3', 'llama3:8b'], dataCollection: 'deny',
});
const proxy = upstream({ id: 'custom:proxy', kind: 'openai-compatible', label: 'My Proxy', baseUrl: 'https://proxy.example/v1', models: ['openai/gpt-4o'] });

const msgs = [{ role: 'user' as const, content: 'hi' }];
const req = (r: Partial<ChatRequest>): ChatRequest => ({ messages: msgs, ...r });

function ctx(upstreams: UpstreamConfig[], extra: Partial<PlanContext> = {}): PlanContext {
  let t = 1_000_000;
  return { upstreams, health: createHealthTracker({ now: () => t++ }), random: () => 0, ...extra };
}

function ids(plan: RoutePlan): string[] {
  if (!plan.ok) throw new Error(`expected a plan, got ${plan.status}: ${plan.message}`);
  return plan.steps.map((s) => `${s.endpoint.upstream.id}:${s.endpoint.nativeModel}`);
}

function failure(plan: RoutePlan) {
  if (plan.ok) throw new Error(`expected an error, got ${ids(plan).join(', ')}`);
  return plan;
}

const all = [openrouter, anthropic, openai, gemini, ollama];

describe('model resolution', () => {
  it('sends anthropic/* to the Anthropic key first with the native id, then OpenRouter with the slug', () => {
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5' }), ctx(all)))).toEqual([
      'anthropic:claude-sonnet-4-5',
      'openrouter:anthropic/claude-sonnet-4.5',
    ]);
  });

  it('keeps BYOK first even when OpenRouter is configured first', () => {
    expect(ids(planRoute(req({ model: 'openai/gpt-4o' }), ctx([openrouter, openai])))).toEqual(['openai:gpt-4o', 'openrouter:openai/gpt-4o']);
  });

  it('sends google/* to Gemini with the native id', () => {
    expect(ids(planRoute(req({ model: 'google/gemini-2.5-pro' }), ctx(all)))).toEqual(['gemini:gemini-2.5-pro', 'openrouter:google/gemini-2.5-pro']);
  });

  it('applies the override table where the generic rule is wrong', () => {
    expect(ids(planRoute(req({ model: 'anthropic/claude-3.5-sonnet' }), ctx([anthropic])))).toEqual(['anthropic:claude-3-5-sonnet-latest']);
  });

  it('accepts a native id and reports the canonical slug', () => {
    const plan = planRoute(req({ model: 'claude-sonnet-4-5' }), ctx(all));
    expect(ids(plan)).toEqual(['anthropic:claude-sonnet-4-5', 'openrouter:anthropic/claude-sonnet-4.5']);
    expect(plan.ok && plan.steps[0]!.endpoint.modelSlug).toBe('anthropic/claude-sonnet-4.5');
  });

  it('serves local models from the server that lists them, never from OpenRouter', () => {
    expect(ids(planRoute(req({ model: 'ollama/llama3' }), ctx(all)))).toEqual(['local:ollama:llama3']);
    expect(ids(planRoute(req({ model: 'llama3' }), ctx(all)))).toEqual(['local:ollama:llama3']);
  });

  it('treats a colon in a listed local model name as part of the name', () => {
    expect(ids(planRoute(req({ model: 'ollama/llama3:8b' }), ctx(all)))).toEqual(['local:ollama:llama3:8b']);
  });

  it('routes custom upstreams by the full id they list', () => {
    expect(ids(planRoute(req({ model: 'openai/gpt-4o' }), ctx([openrouter, openai, proxy])))).toEqual([
      'openai:gpt-4o', 'custom:proxy:openai/gpt-4o', 'openrouter:openai/gpt-4o',
    ]);
  });

  it('sends models without a direct key to OpenRouter', () => {
    expect(ids(planRoute(req({ model: 'meta-llama/llama-3.3-70b-instruct' }), ctx(all)))).toEqual(['openrouter:meta-llama/llama-3.3-70b-instruct']);
  });

  it('tries the models list in order after the primary model', () => {
    const plan = planRoute(req({ model: 'anthropic/claude-sonnet-4.5', models: ['openai/gpt-4o', 'anthropic/claude-sonnet-4.5'] }), ctx([anthropic, openai]));
    expect(ids(plan)).toEqual(['anthropic:claude-sonnet-4-5', 'openai:gpt-4o']);
    const onlyModels = planRoute(req({ models: ['openai/gpt-4o', 'google/gemini-2.5-pro'] }), ctx([openai, gemini]));
    expect(ids(onlyModels)).toEqual(['openai:gpt-4o', 'gemini:gemini-2.5-pro']);
  });

  it('answers 404 with a hint when nothing serves the model', () => {
    const f = failure(planRoute(req({ model: 'meta-llama/llama-3.3-70b-instruct' }), ctx([anthropic])));
    expect(f.status).toBe(404);
    expect(f.message).toContain('No configured upstream serves "meta-llama/llama-3.3-70b-instruct"');
    expect(failure(planRoute(req({ model: 'openai/gpt-4o' }), ctx([]))).message).toContain('No upstream is configured');
  });

  it('tells an unknown model (400, model_not_found) from a known one nothing configured serves (404, no_endpoints)', () => {
    const knownModel = (slug: string) => slug === 'meta-llama/llama-3.3-70b-instruct';
    const unknown = failure(planRoute(req({ model: 'meta-llama/llama-9-imaginary' }), ctx([anthropic], { knownModel })));
    expect(unknown.status).toBe(400);
    expect(unknown.message).toContain('"meta-llama/llama-9-imaginary" is not a model Parley knows');
    expect(unknown.availability).toEqual({ code: 'model_not_found', retryable: false, requested_models: ['meta-llama/llama-9-imaginary'] });
    const unserved = failure(planRoute(req({ model: 'meta-llama/llama-3.3-70b-instruct' }), ctx([anthropic], { knownModel })));
    expect(unserved.status).toBe(404);
    expect(unserved.availability).toMatchObject({ code: 'no_endpoints' });
    const filtered = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { ignore: ['anthropic'] } }), ctx([anthropic], { knownModel })));
    expect(filtered.availability).toEqual({ code: 'constraint_filtered', retryable: false, requested_models: ['anthropic/claude-sonnet-4.5'], excluded_by: ['ignored_providers'] });
  });

  it('answers 400 when no model is named', () => {
    expect(failure(planRoute(req({}), ctx(all))).status).toBe(400);
  });

  it('strips models from every body, forwards provider prefs to OpenRouter only, always streams upstream', () => {
    const plan = planRoute(req({ model: 'anthropic/claude-sonnet-4.5', models: ['openai/gpt-4o'], provider: { sort: 'price' } }), ctx([anthropic, openrouter]));
    if (!plan.ok) throw new Error('no plan');
    const [direct, router] = plan.steps;
    expect(direct!.body).not.toHaveProperty('models');
    expect(direct!.body).not.toHaveProperty('provider');
    expect(direct!.body.model).toBe('claude-sonnet-4-5');
    expect(router!.body.provider).toEqual({ sort: 'price' });
    expect(router!.body.stream).toBe(true);
  });
});

describe('provider preferences', () => {
  it('order: explicit OpenRouter first overrides BYOK priority', () => {
    const plan = planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { order: ['openrouter', 'anthropic'] } }), ctx(all));
    expect(ids(plan)).toEqual(['openrouter:anthropic/claude-sonnet-4.5', 'anthropic:claude-sonnet-4-5']);
  });

  it('order without OpenRouter orders BYOK endpoints, then OpenRouter gets the order forwarded', () => {
    const plan = planRoute(req({ model: 'openai/gpt-4o', provider: { order: ['my-proxy', 'openai'] } }), ctx([openrouter, openai, proxy]));
    expect(ids(plan)).toEqual(['custom:proxy:openai/gpt-4o', 'openai:gpt-4o', 'openrouter:openai/gpt-4o']);
    if (!plan.ok) return;
    expect(plan.steps[2]!.body.provider).toEqual({ order: ['openai'] });
  });

  it('allow_fallbacks:false keeps only the ordered providers', () => {
    const plan = planRoute(req({ model: 'openai/gpt-4o', provider: { order: ['my-proxy'], allow_fallbacks: false } }), ctx([openrouter, openai, proxy]));
    expect(ids(plan)).toEqual(['custom:proxy:openai/gpt-4o']);
    const f = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { order: ['ollama'], allow_fallbacks: false } }), ctx(all)));
    expect(f.status).toBe(404);
    expect(f.message).toContain('allow_fallbacks is false');
  });

  it('allow_fallbacks:false without an order keeps only the primary endpoint', () => {
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { allow_fallbacks: false } }), ctx(all)))).toEqual(['anthropic:claude-sonnet-4-5']);
  });

  it('only: keeps matching upstreams; OpenRouter stays for providers it can serve, restricted to them', () => {
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { only: ['openrouter'] } }), ctx(all)))).toEqual(['openrouter:anthropic/claude-sonnet-4.5']);
    const plan = planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { only: ['Anthropic'] } }), ctx(all));
    expect(ids(plan)).toEqual(['anthropic:claude-sonnet-4-5', 'openrouter:anthropic/claude-sonnet-4.5']);
    if (plan.ok) expect(plan.steps[1]!.body.provider).toEqual({ only: ['anthropic'] });
  });

  it('ignore: drops the named upstream and forwards the rest to OpenRouter', () => {
    const plan = planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { ignore: ['anthropic'] } }), ctx(all));
    expect(ids(plan)).toEqual(['openrouter:anthropic/claude-sonnet-4.5']);
    if (plan.ok) expect(plan.steps[0]!.body.provider).toEqual({ ignore: ['anthropic'] });
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { ignore: ['openrouter'] } }), ctx(all)))).toEqual(['anthropic:claude-sonnet-4-5']);
  });

  it('ignore of everything is a 404 that says why', () => {
    const f = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { ignore: ['anthropic', 'openrouter'] } }), ctx(all)));
    expect(f.status).toBe(404);
    expect(f.message).toMatch(/Anthropic excluded by provider.ignore.*OpenRouter excluded by provider.ignore/);
    expect(f.metadata?.excluded_by).toEqual(['ignored_providers']);
  });

  it('data_collection deny keeps only upstreams that do not collect (OpenRouter enforces it itself)', () => {
    const plan = planRoute(req({ model: 'ollama/llama3', provider: { data_collection: 'deny' } }), ctx(all));
    expect(ids(plan)).toEqual(['local:ollama:llama3']);
    const plan2 = planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { data_collection: 'deny' } }), ctx(all));
    expect(ids(plan2)).toEqual(['openrouter:anthropic/claude-sonnet-4.5']);
    if (plan2.ok) expect(plan2.steps[0]!.body.provider).toEqual({ data_collection: 'deny' });
    const orAllows = { ...openrouter, dataCollection: 'allow' as const };
    const f = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { data_collection: 'deny' } }), ctx([anthropic, orAllows])));
    expect(f.status).toBe(404);
    expect(f.message).toContain('data_collection');
  });

  it('require_parameters drops upstreams that cannot honour a parameter', () => {
    const body = { model: 'anthropic/claude-sonnet-4.5', response_format: { type: 'json_object' }, provider: { require_parameters: true } };
    expect(ids(planRoute(req(body), ctx(all)))).toEqual(['openrouter:anthropic/claude-sonnet-4.5']);
    const f = failure(planRoute(req(body), ctx([anthropic])));
    expect(f.status).toBe(404);
    expect(f.message).toContain('unsupported: response_format');
    // Parameters every candidate supports change nothing.
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', temperature: 0.2, provider: { require_parameters: true } }), ctx(all)))).toHaveLength(2);
  });

  it('without require_parameters, tools/response_format only prefer supporting upstreams', () => {
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', response_format: { type: 'json_object' } }), ctx(all)))).toEqual(['openrouter:anthropic/claude-sonnet-4.5']);
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', response_format: { type: 'json_object' } }), ctx([anthropic])))).toEqual(['anthropic:claude-sonnet-4-5']);
  });

  it('max_price filters on the injected pricing and explains exclusions', () => {
    const prices: Record<string, PriceInfo> = {
      anthropic: { promptPerMTok: 3, completionPerMTok: 15 },
      openrouter: { promptPerMTok: 3, completionPerMTok: 15 },
      'custom:proxy': { promptPerMTok: 1, completionPerMTok: 4 },
      openai: { promptPerMTok: 2.5, completionPerMTok: 10 },
    };
    const pricing = (_slug: string, u: UpstreamConfig) => prices[u.id];
    const plan = planRoute(req({ model: 'openai/gpt-4o', provider: { max_price: { prompt: 2 } } }), ctx([openai, proxy, openrouter], { pricing }));
    expect(ids(plan)).toEqual(['custom:proxy:openai/gpt-4o']);
    const f = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { max_price: { completion: 10 } } }), ctx([anthropic, openrouter], { pricing })));
    expect(f.status).toBe(404);
    expect(f.message).toContain('max_price (completion $15/M > $10/M)');
    // Unknown price cannot be shown to be under the cap.
    const f2 = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5', provider: { max_price: { prompt: 100 } } }), ctx([anthropic])));
    expect(f2.message).toContain('no known price');
  });

  it('sort price orders by price within the BYOK group, then shared capacity', () => {
    const prices: Record<string, PriceInfo> = {
      openai: { promptPerMTok: 2.5, completionPerMTok: 10 },
      'custom:proxy': { promptPerMTok: 1, completionPerMTok: 4 },
      openrouter: { promptPerMTok: 0.1, completionPerMTok: 0.1 },
    };
    const c = ctx([openrouter, openai, proxy], { pricing: (_s, u) => prices[u.id] });
    expect(ids(planRoute(req({ model: 'openai/gpt-4o', provider: { sort: 'price' } }), c))).toEqual([
      'custom:proxy:openai/gpt-4o', 'openai:gpt-4o', 'openrouter:openai/gpt-4o',
    ]);
    expect(ids(planRoute(req({ model: 'openai/gpt-4o', provider: { sort: { by: 'price' } } }), c))[0]).toBe('custom:proxy:openai/gpt-4o');
  });

  it('sort throughput and latency use the measured EWMAs', () => {
    let t = 0;
    const health = createHealthTracker({ now: () => t });
    health.recordSuccess('openai|gpt-4o', { ttftMs: 300, tokensPerSecond: 50 });
    health.recordSuccess('custom:proxy|openai/gpt-4o', { ttftMs: 900, tokensPerSecond: 120 });
    t = 100_000;
    const c = ctx([openai, proxy], { health });
    expect(ids(planRoute(req({ model: 'openai/gpt-4o', provider: { sort: 'throughput' } }), c))[0]).toBe('custom:proxy:openai/gpt-4o');
    expect(ids(planRoute(req({ model: 'openai/gpt-4o', provider: { sort: 'latency' } }), c))[0]).toBe('openai:gpt-4o');
  });

  it('sort partition none sorts across the models list, BYOK first', () => {
    const plan = planRoute(req({ models: ['meta-llama/llama-3.3-70b-instruct', 'anthropic/claude-sonnet-4.5'], provider: { sort: { by: 'price', partition: 'none' } } }), ctx([openrouter, anthropic]));
    expect(ids(plan)).toEqual(['anthropic:claude-sonnet-4-5', 'openrouter:meta-llama/llama-3.3-70b-instruct', 'openrouter:anthropic/claude-sonnet-4.5']);
    const byModel = planRoute(req({ models: ['meta-llama/llama-3.3-70b-instruct', 'anthropic/claude-sonnet-4.5'], provider: { sort: 'price' } }), ctx([openrouter, anthropic]));
    expect(ids(byModel)[0]).toBe('openrouter:meta-llama/llama-3.3-70b-instruct');
  });
});

describe('variants', () => {
  const zero = { promptPerMTok: 0, completionPerMTok: 0 };
  it(':free keeps OpenRouter (with the suffix) and zero-priced endpoints only', () => {
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5:free' }), ctx(all)))).toEqual(['openrouter:anthropic/claude-sonnet-4.5:free']);
    expect(ids(planRoute(req({ model: 'ollama/llama3:free' }), ctx(all)))).toEqual(['local:ollama:llama3']);
    const pricing = (_s: string, u: UpstreamConfig) => (u.id === 'custom:proxy' ? zero : undefined);
    expect(ids(planRoute(req({ model: 'openai/gpt-4o:free' }), ctx([openai, proxy], { pricing })))).toEqual(['custom:proxy:openai/gpt-4o']);
    const f = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5:free' }), ctx([anthropic])));
    expect(f.status).toBe(404);
    expect(f.message).toContain('not a free endpoint');
  });

  it(':nitro sorts by throughput and :floor by price, passing the suffix to OpenRouter', () => {
    let t = 0;
    const health = createHealthTracker({ now: () => t });
    health.recordSuccess('openai|gpt-4o', { tokensPerSecond: 10 });
    health.recordSuccess('custom:proxy|openai/gpt-4o', { tokensPerSecond: 90 });
    t = 60_000;
    const prices: Record<string, PriceInfo> = { openai: { promptPerMTok: 1, completionPerMTok: 1 }, 'custom:proxy': { promptPerMTok: 5, completionPerMTok: 5 } };
    const c = ctx([openrouter, openai, proxy], { health, pricing: (_s, u) => prices[u.id] });
    expect(ids(planRoute(req({ model: 'openai/gpt-4o:nitro' }), c))).toEqual(['custom:proxy:openai/gpt-4o', 'openai:gpt-4o', 'openrouter:openai/gpt-4o:nitro']);
    expect(ids(planRoute(req({ model: 'openai/gpt-4o:floor' }), c))).toEqual(['openai:gpt-4o', 'custom:proxy:openai/gpt-4o', 'openrouter:openai/gpt-4o:floor']);
  });

  it(':online adds the web plugin where web search is supported, else 400', () => {
    const searching = { ...anthropic, supportsWebSearch: true };
    const plan = planRoute(req({ model: 'anthropic/claude-sonnet-4.5:online' }), ctx([searching, openrouter, openai]));
    expect(ids(plan)).toEqual(['anthropic:claude-sonnet-4-5', 'openrouter:anthropic/claude-sonnet-4.5']);
    if (plan.ok) for (const s of plan.steps) expect(s.body.plugins).toEqual([{ id: 'web' }]);
    expect(ids(planRoute(req({ model: 'openai/gpt-4o:online' }), ctx([openai, openrouter])))).toEqual(['openrouter:openai/gpt-4o']);
    const f = failure(planRoute(req({ model: 'openai/gpt-4o:online' }), ctx([openai])));
    expect(f.status).toBe(400);
    expect(f.message).toContain('":online" variant needs web search');
  });

  it(':thinking enables reasoning where supported', () => {
    const plan = planRoute(req({ model: 'anthropic/claude-sonnet-4.5:thinking' }), ctx([anthropic, openrouter]));
    expect(ids(plan)).toEqual(['anthropic:claude-sonnet-4-5', 'openrouter:anthropic/claude-sonnet-4.5']);
    if (plan.ok) for (const s of plan.steps) expect(s.body.reasoning).toEqual({ enabled: true });
    const keep = planRoute(req({ model: 'anthropic/claude-sonnet-4.5:thinking', reasoning: { effort: 'high' } }), ctx([anthropic]));
    if (keep.ok) expect(keep.steps[0]!.body.reasoning).toEqual({ effort: 'high' });
    const f = failure(planRoute(req({ model: 'ollama/llama3:thinking' }), ctx(all)));
    expect(f.message).toContain('no reasoning support');
  });

  it(':extended goes to OpenRouter only, else 400', () => {
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5:extended' }), ctx(all)))).toEqual(['openrouter:anthropic/claude-sonnet-4.5:extended']);
    const f = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5:extended' }), ctx([anthropic])));
    expect(f.status).toBe(400);
    expect(f.message).toContain('only available through OpenRouter');
  });

  it('combines variants', () => {
    const plan = planRoute(req({ model: 'meta-llama/llama-3.3-70b-instruct:free:online' }), ctx(all));
    expect(ids(plan)).toEqual(['openrouter:meta-llama/llama-3.3-70b-instruct:free']);
    if (plan.ok) expect(plan.steps[0]!.body.plugins).toEqual([{ id: 'web' }]);
  });

  it('an unknown suffix is a 400 naming it', () => {
    const f = failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5:turbo' }), ctx(all)));
    expect(f.status).toBe(400);
    expect(f.message).toContain('Unknown model variant ":turbo"');
  });
});

describe('health and load balancing', () => {
  const pricing = (p: Record<string, number>) => (_s: string, u: UpstreamConfig): PriceInfo | undefined =>
    p[u.id] === undefined ? undefined : { promptPerMTok: p[u.id]!, completionPerMTok: 0 };
  const a = upstream({ id: 'a', kind: 'openai-compatible', label: 'A', baseUrl: 'https://a.example', models: ['m'] });
  const b = upstream({ id: 'b', kind: 'openai-compatible', label: 'B', baseUrl: 'https://b.example', models: ['m'] });
  const c = upstream({ id: 'c', kind: 'openai-compatible', label: 'C', baseUrl: 'https://c.example', models: ['m'] });

  it('an endpoint that failed in the last 30 s goes to the back, and returns after', () => {
    let t = 0;
    const health = createHealthTracker({ now: () => t });
    const cx = ctx([a, b, c], { health, pricing: pricing({ a: 1, b: 1, c: 1 }) });
    health.recordFailure('a|m', 'http');
    t = 10_000;
    expect(ids(planRoute(req({ model: 'm' }), cx)).at(-1)).toBe('a:m');
    t = 31_000;
    expect(ids(planRoute(req({ model: 'm' }), { ...cx, random: () => 0 }))[0]).toBe('a:m');
  });

  it('default order is weighted by the inverse square of price (A $1 is 9x as likely first as C $3)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cx = ctx([a, c], { pricing: pricing({ a: 1, c: 3 }), random });
    let aFirst = 0;
    for (let i = 0; i < 5000; i++) if (ids(planRoute(req({ model: 'm' }), cx))[0] === 'a:m') aFirst++;
    expect(aFirst / 5000).toBeGreaterThan(0.86);
    expect(aFirst / 5000).toBeLessThan(0.94);
  });

  it('a recently failed cheap endpoint falls behind a healthy expensive one (the OpenRouter example)', () => {
    let t = 0;
    const health = createHealthTracker({ now: () => t });
    health.recordFailure('b|m', 'http');
    t = 5000;
    const cx = ctx([a, b, c], { health, pricing: pricing({ a: 1, b: 2, c: 3 }), random: () => 0 });
    expect(ids(planRoute(req({ model: 'm' }), cx))).toEqual(['a:m', 'c:m', 'b:m']);
  });

  it('keeps configuration order when no pricing is known', () => {
    expect(ids(planRoute(req({ model: 'm' }), ctx([a, b, c], { random: () => 0.99 })))).toEqual(['a:m', 'b:m', 'c:m']);
  });
});

describe('per-list resolution', () => {
  /** The list as main keeps it, counting how often routing reads an entry of it. */
  function countedList(list: UpstreamConfig[]) {
    const reads = { n: 0 };
    const proxy = new Proxy(list, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads.n++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    return { list: proxy, reads };
  }

  it('works a model id out once per upstream list: the next request for it reads no upstream entry', () => {
    const { list, reads } = countedList([openrouter, anthropic, openai, ollama]);
    const c = ctx(list);
    const first = planRoute(req({ model: 'anthropic/claude-sonnet-4.5' }), c);
    expect(reads.n).toBeGreaterThan(0);
    reads.n = 0;
    const second = planRoute(req({ model: 'anthropic/claude-sonnet-4.5' }), c);
    expect(reads.n).toBe(0);
    expect(ids(second)).toEqual(ids(first));
    expect(ids(second)).toEqual(['anthropic:claude-sonnet-4-5', 'openrouter:anthropic/claude-sonnet-4.5']);
  });

  it('a new list (keys changed) is resolved afresh', () => {
    expect(failure(planRoute(req({ model: 'anthropic/claude-sonnet-4.5' }), ctx([openai]))).status).toBe(404);
    expect(ids(planRoute(req({ model: 'anthropic/claude-sonnet-4.5' }), ctx([openai, anthropic])))).toEqual(['anthropic:claude-sonnet-4-5']);
  });

  it('prices are looked up on every request, so a price change applies at once', () => {
    const list = [openai];
    let price = 1;
    const pricing = (): PriceInfo => ({ promptPerMTok: price, completionPerMTok: price });
    const capped = req({ model: 'openai/gpt-4o', provider: { max_price: { prompt: 5 } } });
    expect(ids(planRoute(capped, ctx(list, { pricing })))).toEqual(['openai:gpt-4o']);
    price = 10;
    expect(failure(planRoute(capped, ctx(list, { pricing }))).message).toContain('max_price');
  });

  it('stays correct past the memo size (model ids come from callers)', () => {
    const c = ctx(all);
    for (let i = 0; i < 600; i++) {
      expect(ids(planRoute(req({ model: `openai/model-${i}` }), c))).toEqual([`openai:model-${i}`, `openrouter:openai/model-${i}`]);
    }
  });
});
