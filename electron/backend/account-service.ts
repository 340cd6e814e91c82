import { createAccountClient, createReconciliationQueue, type AccountClient, type ReconcileOutcome, type UpstreamConfig } from '../engine';
import type { AccountSummary, GenerationReconciled } from '../../shared/contract/account';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import { likelyCauses } from '../../shared/billing/reconcile';

type Facts = Pick<GenerationRecord, 'tokens' | 'provider' | 'isByok'> & { priceChange?: string };
const MAX_PENDING = 5000;

/** The OpenRouter account behind the configured OpenRouter key: balance on demand and after generations, and a
 * background check of what each OpenRouter generation was really billed. */
export function createAccountService(opts: {
  upstreams: () => UpstreamConfig[];
  fetch?: typeof fetch;
  onSummary: (s: AccountSummary) => void;
  onReconciled: (r: GenerationReconciled) => void;
  reconcileDelays?: { firstDelayMs?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** How the record's price list differs from today's, if it does ("$3 → $3.75 per 1M input tokens"). */
  priceChange?: (record: GenerationRecord) => string | undefined;
}) {
  const facts = new Map<string, Facts>(); // generation id → what the comparison may need, until it is done
  let client: AccountClient | null = null;
  let clientFor = '';
  let last: AccountSummary = { configured: false, checkedAt: null, balance: null, error: null };
  let refreshing: Promise<AccountSummary> | null = null;

  function currentClient(): AccountClient | null {
    const u = opts.upstreams().find((x) => x.kind === 'openrouter' && x.apiKey);
    if (!u) return (client = null);
    const identity = `${u.id}|${u.baseUrl}|${u.apiKey}`;
    if (!client || identity !== clientFor) {
      client = createAccountClient({ apiKey: u.apiKey!, baseUrl: u.baseUrl, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
      clientFor = identity;
    }
    return client;
  }

  async function refresh(): Promise<AccountSummary> {
    const c = currentClient();
    if (!c) {
      last = { configured: false, checkedAt: null, balance: null, error: null };
    } else {
      let r = await c.getBalance();
      // /credits has no key usage figures or free-tier flag; the header shows them, so read /key too.
      if (r.ok && !r.value.key) {
        const k = await c.getKeyInfo();
        if (k.ok) r = { ok: true, value: { ...r.value, key: k.value } };
      }
      last = r.ok
        ? { configured: true, checkedAt: Date.now(), balance: r.value, error: null }
        : { configured: true, checkedAt: Date.now(), balance: last.balance, error: { kind: r.error.kind, status: r.error.status, message: r.error.message } };
    }
    opts.onSummary(last);
    return last;
  }

  const queue = createReconciliationQueue({
    getGeneration: async (id) => {
      const c = currentClient();
      if (!c) return { ok: false, error: { kind: 'invalid-key', status: null, message: 'No OpenRouter key is configured' } };
      return c.getGeneration(id);
    },
    onResult: (o: ReconcileOutcome) => {
      const f = facts.get(o.job.generationId);
      facts.delete(o.job.generationId);
      const mismatch = o.comparison?.status === 'mismatch';
      const byok = o.stats?.isByok === true;
      const r: GenerationReconciled = {
        generationId: o.job.generationId,
        status: o.status,
        billedMicros: o.billedTotalMicros ?? o.billedMicros ?? null,
        localMicros: o.job.localCostMicros ?? null,
        mismatch,
        diffMicros: o.comparison?.diffMicros ?? null,
        provider: o.stats?.provider ?? null,
        nativeTokens: o.stats?.nativeTokens ?? null,
        error: o.error?.message ?? null,
        comparedMicros: o.billedMicros ?? null,
      };
      if (byok && o.stats) {
        r.billedFeeMicros = o.stats.totalCostMicros;
        r.billedProviderMicros = o.stats.upstreamInferenceCostMicros;
      }
      if (mismatch && o.stats && o.billedMicros !== undefined && o.job.localCostMicros !== undefined) {
        r.causes = likelyCauses({
          parleyMicros: o.job.localCostMicros,
          billedMicros: o.billedMicros,
          tokens: f?.tokens ?? null,
          provider: f?.provider ?? null,
          billed: {
            provider: o.stats.provider,
            tokensPrompt: o.stats.tokens.prompt,
            tokensCompletion: o.stats.tokens.completion,
            nativeCached: o.stats.nativeTokens.cached,
            nativeReasoning: o.stats.nativeTokens.reasoning,
          },
          ...(f?.priceChange ? { priceChange: f.priceChange } : {}),
        }).slice(0, 8);
      }
      opts.onReconciled(r);
    },
    ...(opts.reconcileDelays ?? {}),
  });

  return {
    /** What main last learned; `configured` is always current, so a window opened before any check knows to ask. */
    summary: (): AccountSummary => {
      const configured = currentClient() !== null;
      return configured === last.configured ? last : { ...last, configured, ...(configured ? {} : { balance: null, error: null, checkedAt: null }) };
    },
    /** Concurrent callers share one request. */
    refresh(): Promise<AccountSummary> {
      return (refreshing ??= refresh().finally(() => (refreshing = null)));
    },
    /** After every generation: reconcile OpenRouter ones, and refresh the balance. */
    onGeneration(record: GenerationRecord) {
      if (record.upstreamKind !== 'openrouter' || !record.upstreamGenerationId) return;
      // Parley's price is what is compared with the bill; a request Parley could not price is only recorded.
      const local = record.tokens?.estimated ? undefined : record.computedCostMicros;
      if (facts.size >= MAX_PENDING) facts.delete(facts.keys().next().value!);
      let priceChange: string | undefined;
      try {
        priceChange = opts.priceChange?.(record);
      } catch {
        priceChange = undefined;
      }
      facts.set(record.id, { tokens: record.tokens, provider: record.provider, isByok: record.isByok, ...(priceChange ? { priceChange } : {}) });
      queue.enqueue({ generationId: record.id, upstreamGenerationId: record.upstreamGenerationId, ...(local !== undefined ? { localCostMicros: local } : {}) });
      void this.refresh();
    },
    close: () => queue.stop(),
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
