import { createAccountClient, createReconciliationQueue, type AccountClient, type ReconcileOutcome, type UpstreamConfig } from '../engine';
import type { AccountSummary, GenerationReconciled } from '../../shared/contract/account';
import type { GenerationRecord } from '../../shared/openrouter/generation';

/** The OpenRouter account behind the configured OpenRouter key: balance on demand and after generations, and a
 * background check of what each OpenRouter generation was really billed. */
export function createAccountService(opts: {
  upstreams: () => UpstreamConfig[];
  fetch?: typeof fetch;
  onSummary: (s: AccountSummary) => void;
  onReconciled: (r: GenerationReconciled) => void;
  reconcileDelays?: { firstDelayMs?: number; baseDelayMs?: number; maxDelayMs?: number };
}) {
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
    onResult: (o: ReconcileOutcome) =>
      opts.onReconciled({
        generationId: o.job.generationId,
        status: o.status,
        billedMicros: o.billedMicros ?? null,
        localMicros: o.job.localCostMicros ?? null,
        mismatch: o.comparison?.status === 'mismatch',
        diffMicros: o.comparison?.diffMicros ?? null,
        provider: o.stats?.provider ?? null,
        nativeTokens: o.stats?.nativeTokens ?? null,
        error: o.error?.message ?? null,
      }),
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
      const local = record.computedCostMicros ?? record.reportedCostMicros;
      queue.enqueue({ generationId: record.id, upstreamGenerationId: record.upstreamGenerationId, ...(local !== undefined ? { localCostMicros: local } : {}) });
      void this.refresh();
    },
    close: () => queue.stop(),
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
