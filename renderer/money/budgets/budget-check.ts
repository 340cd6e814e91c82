import { budgetPeriods, evaluateBudgets, type BudgetLimits, type BudgetMessage, type BudgetState } from '../../../shared/billing/budgets';
import type { ModelSummary } from '../../../shared/contract/models';
import type { KeySummary } from '../../../shared/contract/routes';
import { bridge } from '../../bridge';
import { ledger } from '../ledger';
import { findModel, loadModels } from '../../chat/models/use-models';
import { BUDGETS_KEY, cleanLimits, hasLimits, spendTotals } from './spend-totals';

// The check the composer runs before a send: the overall limits, plus the limits of every provider key that
// could serve one of the selected models. At 80 % it warns; at 100 % it blocks, unless the user overrides once:
// `override()` lets exactly the next check through (as a warning), then blocking resumes.

export interface BudgetCheck {
  state: BudgetState;
  messages: BudgetMessage[];
  overridden: boolean;
  /** Lets the next send through despite a block (once). */
  override(): void;
}

let overrideArmed = false;
const armOverride = () => {
  overrideArmed = true;
};

/** Free models (":free", or priced at zero) spend nothing, so no budget blocks them. */
function isFree(slug: string, models: ModelSummary[]): boolean {
  if (slug.split(':').slice(1).includes('free')) return true;
  return findModel(models, slug)?.isFree === true;
}

/** Key ids that could serve `slug`: models.list names the serving upstreams by label; keys.list maps labels to ids. */
function candidateKeys(slug: string, models: ModelSummary[], keys: KeySummary[]): string[] | null {
  const m = findModel(models, slug);
  if (!m) return null;
  return keys.filter((k) => m.servedBy.includes(k.label)).map((k) => k.id);
}

function merge(into: BudgetMessage[], more: BudgetMessage[]) {
  for (const m of more) if (!into.some((x) => x.scope === m.scope && x.provider === m.provider && x.period === m.period)) into.push(m);
}

export interface BudgetContext {
  limits: BudgetLimits;
  rows: Awaited<ReturnType<ReturnType<typeof ledger>['list']>>;
  models: ModelSummary[];
  keys: KeySummary[];
  now: number;
}

/** Pure part of the check, for tests and the banner. `models === null`: every provider limit applies. */
export function evaluateSend(ctx: BudgetContext, slugs: string[] | null, override: boolean): { state: BudgetState; messages: BudgetMessage[]; overridden: boolean } {
  const limits = cleanLimits(ctx.limits);
  if (!hasLimits(limits)) return { state: 'ok', messages: [], overridden: false };
  const totals = spendTotals(ctx.rows, ctx.now);
  const labels = Object.fromEntries(ctx.keys.map((k) => [k.id, k.label]));
  const paying = slugs?.filter((s) => !isFree(s, ctx.models)) ?? null;
  let providers: string[] | null = [];
  for (const slug of paying ?? []) {
    const c = candidateKeys(slug, ctx.models, ctx.keys);
    if (c === null) {
      providers = null; // unknown model: any key might serve it
      break;
    }
    for (const id of c) if (!providers.includes(id)) providers.push(id);
  }
  if (paying === null) providers = null;
  const messages: BudgetMessage[] = [];
  const overallOnly = evaluateBudgets(totals, { overall: limits.overall }, ctx.now, { labels });
  merge(messages, overallOnly.messages);
  const providerIds = providers ?? Object.keys(limits.byProvider ?? {});
  for (const p of providerIds) merge(messages, evaluateBudgets(totals, { byProvider: limits.byProvider }, ctx.now, { provider: p, labels }).messages);
  const blocked = messages.some((m) => m.level === 'blocked');
  // Nothing to pay for: a block cannot apply to this send.
  if (paying !== null && paying.length === 0) return { state: messages.length ? 'warn' : 'ok', messages, overridden: false };
  if (blocked && override) return { state: 'warn', messages, overridden: true };
  return { state: blocked ? 'blocked' : messages.length ? 'warn' : 'ok', messages, overridden: false };
}

async function orEmpty<T>(p: Promise<T>, empty: T): Promise<T> {
  try {
    return await p;
  } catch (err) {
    console.warn('budget check: working without', (err as Error).message);
    return empty;
  }
}

export async function loadBudgetContext(now = Date.now()): Promise<BudgetContext> {
  const p = budgetPeriods(now);
  const [limits, rows, list, keys] = await Promise.all([
    ledger().getSetting<BudgetLimits>(BUDGETS_KEY),
    ledger().list({ from: p.monthStart }),
    orEmpty(loadModels(), { models: [], source: 'none' as const, fetchedAt: null }),
    orEmpty(bridge().invoke('keys.list', {}), [] as KeySummary[]),
  ]);
  return { limits: limits ?? {}, rows, models: list.models, keys, now };
}

/** Call before sending to `models` (slugs as sent). Never throws: a ledger it cannot read means no budget. */
export async function checkBudgetBeforeSend(models: string[], now = Date.now()): Promise<BudgetCheck> {
  const useOverride = overrideArmed;
  let result: { state: BudgetState; messages: BudgetMessage[]; overridden: boolean };
  try {
    result = evaluateSend(await loadBudgetContext(now), models, useOverride);
  } catch (err) {
    console.error('budget check failed; sending without it:', (err as Error).message);
    result = { state: 'ok', messages: [], overridden: false };
  }
  if (useOverride) overrideArmed = false; // one send, whatever it turned out to need
  return { ...result, override: armOverride };
}

/** Tests: forget an armed override. */
export function resetBudgetOverride(): void {
  overrideArmed = false;
}
