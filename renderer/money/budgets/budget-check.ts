import { budgetPeriods, DEFAULT_UNKNOWN_COST_CAP_MICROS, evaluateBudgets, type BudgetLimits, type BudgetMessage, type BudgetState } from '../../../shared/billing/budgets';
import type { ModelSummary } from '../../../shared/contract/models';
import type { KeySummary } from '../../../shared/contract/routes';
import { bridge } from '../../bridge';
import { ledger } from '../../common/ledger';
import { findModel, loadModels } from '../../common/models/use-models';
import { BUDGETS_KEY, cleanLimits, hasLimits, spendTotals } from './spend-totals';
import { columnWorstCase, type WorstCaseRequest } from './column-worst-case';
import { evaluateHolds } from './hold-check';
import { heldTotals, placeHolds, type HoldRequest, type SendTicket } from '../../common/money/send-holds';

// The check the composer runs before a send: the overall limits, plus the limits of every provider key that
// could serve one of the selected models. At 80 % it warns; at 100 % it blocks, unless the user overrides once:
// `override()` lets exactly the next check through (as a warning), then blocking resumes. A send that passes holds
// each column's worst case against the limits until its answer ends (send-holds.ts): a send that would pass a limit
// together with what running answers hold is blocked as well.

export interface BudgetCheck {
  state: BudgetState;
  messages: BudgetMessage[];
  overridden: boolean;
  /** Lets the next send through despite a block (once). */
  override(): void;
  /** The send's holds, placed when it may go ahead: bind each column to its answer, release what did not start. */
  ticket?: SendTicket;
}

/** A column about to be sent: its request (as previewRequests builds it) bounds what its answer may cost. */
export interface SendColumn {
  columnId: string;
  model: string;
  request?: WorstCaseRequest;
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
  capMicros?: number; // held for an answer whose cost cannot be bounded
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
  const [limits, rows, list, keys, settings] = await Promise.all([
    ledger().getSetting<BudgetLimits>(BUDGETS_KEY),
    ledger().list({ from: p.monthStart }),
    orEmpty(loadModels(), { models: [], source: 'none' as const, fetchedAt: null }),
    orEmpty(bridge().invoke('keys.list', {}), [] as KeySummary[]),
    orEmpty(bridge().invoke('settings.get', {}), null),
  ]);
  return { limits: limits ?? {}, rows, models: list.models, keys, now, capMicros: settings?.unknownCostCapMicros ?? DEFAULT_UNKNOWN_COST_CAP_MICROS };
}

/** What each column may cost and which keys could bill it. A column given without its request holds nothing. */
function holdRequests(ctx: BudgetContext, columns: SendColumn[]): HoldRequest[] {
  const cap = ctx.capMicros ?? DEFAULT_UNKNOWN_COST_CAP_MICROS;
  return columns.map((c) => ({
    columnId: c.columnId,
    micros: c.request && !isFree(c.model, ctx.models) ? columnWorstCase(c.model, c.request, ctx.models, cap, ctx.now) : 0,
    providers: candidateKeys(c.model, ctx.models, ctx.keys),
  }));
}

/** The spend check plus what running answers hold: synchronous, so the check and the holds it places are one step. */
function checkAndHold(ctx: BudgetContext, columns: SendColumn[], override: boolean) {
  const result = evaluateSend(ctx, columns.map((c) => c.model), override);
  const limits = cleanLimits(ctx.limits);
  const requests = holdRequests(ctx, columns);
  if (hasLimits(limits) && result.state !== 'blocked') {
    const held = heldTotals(new Set(ctx.rows.map((r) => r.id)), ctx.now);
    const labels = Object.fromEntries(ctx.keys.map((k) => [k.id, k.label]));
    const over = evaluateHolds(spendTotals(ctx.rows, ctx.now), held, requests, limits, ctx.now, labels);
    if (over.length) {
      const messages = [...result.messages.filter((m) => !over.some((o) => o.scope === m.scope && o.provider === m.provider && o.period === m.period)), ...over];
      Object.assign(result, override ? { state: 'warn', messages, overridden: true } : { state: 'blocked', messages });
    }
  }
  return { ...result, ...(result.state !== 'blocked' ? { ticket: placeHolds(requests) } : {}) };
}

/** checkAndHold, or no budget (and no holds) when the ledger or the settings cannot be read. */
async function checkOrNoBudget(columns: SendColumn[], override: boolean, now: number): Promise<Omit<BudgetCheck, 'override'>> {
  try {
    return checkAndHold(await loadBudgetContext(now), columns, override);
  } catch (err) {
    console.error('budget check failed; sending without it:', (err as Error).message);
    return { state: 'ok', messages: [], overridden: false };
  }
}

/** Call before sending to `columns` (slugs as sent, or columns with their requests). Never throws: a ledger it cannot
 * read means no budget. When the send may go ahead, `ticket` holds its columns' worst cases. */
export async function checkBudgetBeforeSend(columns: (string | SendColumn)[], now = Date.now()): Promise<BudgetCheck> {
  const useOverride = overrideArmed;
  const cols = columns.map((c, i): SendColumn => (typeof c === 'string' ? { columnId: `#${i}`, model: c } : c));
  const result = await checkOrNoBudget(cols, useOverride, now);
  if (useOverride) overrideArmed = false; // one send, whatever it turned out to need
  return { ...result, override: armOverride };
}

/** For a request Parley makes on its own (a conversation's title): the same check and holds as a send, but never let
 * through by an override — the user armed that for their own next send, which it stays armed for. Null when a
 * limit says no. */
export async function holdForAutomaticRequest(column: SendColumn, now = Date.now()): Promise<SendTicket | null> {
  const result = await checkOrNoBudget([column], false, now);
  return result.state === 'blocked' ? null : (result.ticket ?? placeHolds([]));
}

/** Tests: forget an armed override. */
export function resetBudgetOverride(): void {
  overrideArmed = false;
}
