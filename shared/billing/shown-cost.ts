import type { CostReason, GenerationRecord } from '../openrouter/generation';
import { formatMicros, isBelowMicro } from './money';
import { isRouterKind } from '../providers/upstream-kinds';

// THE rule for the cost a person sees, used by answers, column and room totals, Activity, CSV, budgets and the
// local API: billed beats computed beats estimated.
//   billed    — what was charged: OpenRouter's /generation figures once reconciled, else the cost the upstream
//               reported with the answer (usage.cost). BYOK through OpenRouter is the provider's charge plus
//               OpenRouter's fee, both kept as parts.
//   computed  — Parley's price: the reported token counts × the price list the request was priced with.
//   estimated — the same from locally estimated tokens (the upstream never reported usage).
// Requests that never reached a provider, or failed before any output without usage, cost $0 with a reason.

export type ShownSource = 'billed' | 'computed' | 'estimated' | 'none';

/** What a record, a ledger row or a stored answer knows about a request's cost. */
export type CostFacts = Partial<
  Pick<
    GenerationRecord,
    | 'costMicros' | 'costSource' | 'costReason' | 'reportedCostMicros' | 'reportedCostUsd' | 'upstreamCostMicros'
    | 'computedCostMicros' | 'computedCostUsd' | 'isByok' | 'upstreamKind'
  >
> & {
  tokens?: { estimated?: boolean; [unit: string]: unknown } | null;
  billedCostMicros?: number; // ledger: what /generation says was charged in all (fee + provider for BYOK)
  billedFeeMicros?: number; // ledger, BYOK through OpenRouter: OpenRouter's fee
  billedProviderMicros?: number; // ledger, BYOK through OpenRouter: the provider's charge
};

export interface ShownCost {
  micros?: number; // absent when unknown; `reason` says why
  source: ShownSource;
  reason?: CostReason;
  belowMicro?: boolean; // nonzero but under half a micro-dollar: rounds to 0, shown as "< $0.000001"
  /** BYOK through OpenRouter: the provider's charge and OpenRouter's fee, which add up to `micros`. */
  parts?: { providerMicros: number; feeMicros: number };
}

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function shownCost(f: CostFacts): ShownCost {
  const reason = f.costReason;
  const withReason = (s: ShownCost): ShownCost => (reason ? { ...s, reason } : s);
  if (num(f.billedCostMicros)) {
    const out: ShownCost = { micros: Math.round(f.billedCostMicros), source: 'billed' };
    if (num(f.billedFeeMicros) && num(f.billedProviderMicros)) out.parts = { providerMicros: f.billedProviderMicros, feeMicros: f.billedFeeMicros };
    return withReason(out);
  }
  if (num(f.reportedCostMicros)) {
    // Only BYOK through OpenRouter reports both a cost and the provider's charge (a direct key reports neither).
    if (f.isByok && num(f.upstreamCostMicros)) {
      return withReason({
        micros: f.reportedCostMicros + f.upstreamCostMicros,
        source: 'billed',
        parts: { providerMicros: f.upstreamCostMicros, feeMicros: f.reportedCostMicros },
      });
    }
    if (f.isByok && isRouterKind(f.upstreamKind) && num(f.computedCostMicros)) {
      // OpenRouter reported only its fee: the provider's charge is Parley's price for it.
      return withReason({
        micros: f.reportedCostMicros + f.computedCostMicros,
        source: 'computed',
        parts: { providerMicros: f.computedCostMicros, feeMicros: f.reportedCostMicros },
      });
    }
    const out: ShownCost = { micros: f.reportedCostMicros, source: 'billed' };
    if (f.reportedCostMicros === 0 && isBelowMicro(f.reportedCostUsd)) out.belowMicro = true;
    return withReason(out);
  }
  if (num(f.computedCostMicros)) {
    const out: ShownCost = { micros: f.computedCostMicros, source: f.tokens?.estimated ? 'estimated' : 'computed' };
    if (f.computedCostMicros === 0 && isBelowMicro(f.computedCostUsd)) out.belowMicro = true;
    return withReason(out);
  }
  if (reason === 'not-sent' || reason === 'failed') return { micros: 0, source: 'none', reason };
  // Records from before the fields above existed carry only the shown figure.
  if (num(f.costMicros)) return withReason({ micros: f.costMicros, source: f.costSource === 'upstream' ? 'billed' : f.tokens?.estimated ? 'estimated' : 'computed' });
  return { source: 'none', reason: reason ?? 'no-usage' };
}

/** The µ$ a total adds for a request (0 for not-sent and failed ones), or undefined when its cost is unknown. */
export function shownMicros(f: CostFacts): number | undefined {
  return shownCost(f).micros;
}

const REASONS: Record<CostReason, string> = {
  free: 'free model',
  'no-pricing': 'no price known for this model',
  'no-usage': 'the provider reported no token usage',
  partial: 'the answer was cut short: estimated from the text received',
  'not-sent': 'not sent: the request never reached a provider',
  failed: 'failed before any output; the provider reported no usage',
  'charged-on-error': 'the request failed, but the provider reported usage and may charge for it',
  interrupted: 'Parley stopped before the request finished',
};

export function costReasonText(reason: CostReason | string | undefined): string {
  return (reason && REASONS[reason as CostReason]) ?? reason ?? 'not reported';
}

const SOURCE_TEXT: Record<ShownSource, string> = {
  billed: 'billed',
  computed: "Parley's price",
  estimated: 'estimated',
  none: '',
};

export function sourceText(source: ShownSource): string {
  return SOURCE_TEXT[source];
}

/** How a cost estimated for a request Parley was killed in the middle of is marked, wherever it is shown. */
export const INTERRUPTED_ESTIMATE = 'estimated (interrupted)';

/** True when the figure is an estimate for a request cut short by Parley stopping (see INTERRUPTED_ESTIMATE). */
export function isInterruptedEstimate(s: ShownCost): boolean {
  return s.source === 'estimated' && s.reason === 'interrupted';
}

/** The cost as one short phrase: "$0.0105", "< $0.000001", "not sent — $0", "cost unknown: no price known…". */
export function shownCostLabel(s: ShownCost): string {
  if (s.reason === 'not-sent') return 'not sent — $0';
  if (s.reason === 'failed') return 'failed — $0';
  if (s.micros === undefined) return `cost unknown: ${costReasonText(s.reason)}`;
  const amount = formatMicros(s.micros, { belowMicro: s.belowMicro === true });
  if (s.reason === 'charged-on-error') return `${amount} (failed, but usage was reported)`;
  if (isInterruptedEstimate(s)) return `≈ ${amount} ${INTERRUPTED_ESTIMATE}`;
  return s.source === 'estimated' ? `≈ ${amount}` : amount;
}
