import { describe, it, expect, afterEach } from 'vitest';
import { createAccountService } from '../../../electron/backend/account-service';
import { startFakeOpenRouterAccount, sampleKeyData, sampleGeneration, type FakeOpenRouterAccount } from '../../fakes/openrouter-account';
import type { UpstreamConfig } from '../../../electron/engine/types';
import type { AccountSummary, GenerationReconciled } from '../../../shared/contract/account';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

let fake: FakeOpenRouterAccount | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const upstream = (baseUrl: string, apiKey: string): UpstreamConfig => ({ id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl, apiKey, isByok: false });

describe('OpenRouter account in main', () => {
  it('shows the balance and emits it to the header', async () => {
    fake = await startFakeOpenRouterAccount({ keys: { 'sk-or-good': { credits: { total_credits: 25, total_usage: 4.5 }, key: sampleKeyData() } } });
    const summaries: AccountSummary[] = [];
    const svc = createAccountService({ upstreams: () => [upstream(fake!.baseUrl, 'sk-or-good')], onSummary: (s) => summaries.push(s), onReconciled: () => {} });
    const s = await svc.refresh();
    expect(s).toMatchObject({ configured: true, error: null, balance: { source: 'credits', balanceMicros: 20_500_000 } });
    // /credits has no usage figures: the key's own usage is read too, for the header's hover card.
    expect(s.balance?.key).toMatchObject({ freeModelLimits: { requestsPerMinute: 20 } });
    expect(summaries).toHaveLength(1);
    svc.close();
  });

  it('turns an invalid key into a clear message without the key', async () => {
    fake = await startFakeOpenRouterAccount({ keys: {} });
    const svc = createAccountService({ upstreams: () => [upstream(fake!.baseUrl, 'sk-or-bad-SECRET')], onSummary: () => {}, onReconciled: () => {} });
    const s = await svc.refresh();
    expect(s.error).toMatchObject({ kind: 'invalid-key', status: 401 });
    expect(JSON.stringify(s)).not.toContain('SECRET');
    svc.close();
  });

  it('says nothing is configured without an OpenRouter key', async () => {
    const svc = createAccountService({ upstreams: () => [], onSummary: () => {}, onReconciled: () => {} });
    await expect(svc.refresh()).resolves.toEqual({ configured: false, checkedAt: null, balance: null, error: null });
    svc.close();
  });

  it('reconciles an OpenRouter generation in the background and flags a mismatch', async () => {
    fake = await startFakeOpenRouterAccount({
      keys: { k: { credits: { total_credits: 10, total_usage: 1 }, key: sampleKeyData() } },
      generations: { 'gen-or-1': { data: sampleGeneration('gen-or-1', { total_cost: 0.0105 }), lag: 1 } },
    });
    const results: GenerationReconciled[] = [];
    const done = new Promise<void>((r) => {
      const svc = createAccountService({
        upstreams: () => [upstream(fake!.baseUrl, 'k')],
        onSummary: () => {},
        onReconciled: (x) => {
          results.push(x);
          svc.close();
          r();
        },
        reconcileDelays: { firstDelayMs: 1, baseDelayMs: 5, maxDelayMs: 20 },
      });
      svc.onGeneration({ id: 'gen-local-1', upstreamKind: 'openrouter', upstreamGenerationId: 'gen-or-1', computedCostMicros: 9_000 } as GenerationRecord);
    });
    await done;
    expect(results[0]).toMatchObject({ generationId: 'gen-local-1', status: 'reconciled', billedMicros: 10_500, localMicros: 9_000, mismatch: true, provider: 'Anthropic' });
  });

  async function reconcileOne(generation: Record<string, unknown>, record: Partial<GenerationRecord>, priceChange?: () => string | undefined): Promise<GenerationReconciled> {
    fake = await startFakeOpenRouterAccount({ keys: { k: { credits: { total_credits: 10, total_usage: 1 }, key: sampleKeyData() } }, generations: { 'gen-or': { data: sampleGeneration('gen-or', generation) } } });
    return new Promise<GenerationReconciled>((resolve) => {
      const svc = createAccountService({
        upstreams: () => [upstream(fake!.baseUrl, 'k')],
        onSummary: () => {},
        onReconciled: (x) => {
          svc.close();
          resolve(x);
        },
        reconcileDelays: { firstDelayMs: 1, baseDelayMs: 5, maxDelayMs: 20 },
        ...(priceChange ? { priceChange } : {}),
      });
      svc.onGeneration({ id: 'gen-local', upstreamKind: 'openrouter', upstreamGenerationId: 'gen-or', ...record } as GenerationRecord);
    });
  }

  it('compares Parley’s price with the bill, not the shown figure with itself, and names the likely cause', async () => {
    // The answer showed OpenRouter's reported $0.000155; Parley's price was $0.000124.
    const r = await reconcileOne(
      { total_cost: 0.000155, provider_name: 'FakeProvider', tokens_prompt: 20, tokens_completion: 30 },
      { provider: 'FakeProvider', reportedCostMicros: 155, computedCostMicros: 124, costMicros: 155, tokens: { prompt: 20, completion: 30, cacheRead: 0, cacheWrite: 0, reasoning: 0 } },
    );
    expect(r).toMatchObject({ billedMicros: 155, localMicros: 124, comparedMicros: 155, mismatch: true, diffMicros: -31 });
    expect(r.causes).toEqual(['served by FakeProvider, which may charge more or less than the list price Parley used']);
  });

  it('reports a price change since the answer was priced as a cause', async () => {
    const r = await reconcileOne(
      { total_cost: 0.00125 },
      { provider: 'Anthropic', computedCostMicros: 1000, tokens: { prompt: 1000, completion: 500, cacheRead: 0, cacheWrite: 0, reasoning: 0 } },
      () => '$3.00 → $3.75 per 1M tokens for input',
    );
    expect(r.causes?.[0]).toBe('the price changed since this answer was priced: $3.00 → $3.75 per 1M tokens for input');
  });

  it('BYOK: the whole bill is the fee plus the provider’s charge; the provider’s charge is what is compared', async () => {
    const r = await reconcileOne(
      { is_byok: true, total_cost: 0.000525, usage: 0.000525, upstream_inference_cost: 0.0105 },
      { isByok: true, computedCostMicros: 10_500, reportedCostMicros: 525, upstreamCostMicros: 10_500, costMicros: 11_025 },
    );
    expect(r).toMatchObject({ billedMicros: 11_025, billedFeeMicros: 525, billedProviderMicros: 10_500, comparedMicros: 10_500, localMicros: 10_500, mismatch: false });
  });

  it('reads /generation money through its decimal text: 0.0001245 → 125 µ$', async () => {
    const r = await reconcileOne({ total_cost: 0.0001245, usage: 0.0001245 }, { computedCostMicros: 125, reportedCostMicros: 125 });
    expect(r).toMatchObject({ billedMicros: 125, mismatch: false });
  });
});
