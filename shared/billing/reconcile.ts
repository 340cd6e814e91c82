// Local vs billed: does Parley's own figure for a request agree with what the upstream says it charged?
// A mismatch is flagged when |local − billed| > max(1 µ$, 1% of billed). The 1 % test is done in integers
// (100 × |diff| > billed), so there is no rounding at the edge: a difference of exactly 1% is still a match.

export type ReconcileStatus = 'match' | 'mismatch' | 'unknown';

export interface ReconcileResult {
  status: ReconcileStatus;
  diffMicros?: number; // local − billed
  toleranceMicros?: number; // max(1, billed / 100), for display (may be fractional)
}

export function reconcile(localMicros: number | undefined, billedMicros: number | undefined): ReconcileResult {
  if (localMicros === undefined || billedMicros === undefined || !Number.isFinite(localMicros) || !Number.isFinite(billedMicros)) {
    return { status: 'unknown' };
  }
  const local = Math.round(localMicros);
  const billed = Math.round(billedMicros);
  const diff = local - billed;
  const abs = Math.abs(diff);
  const tolerance = Math.max(1, Math.abs(billed) / 100);
  const mismatch = abs > 1 && 100 * abs > Math.abs(billed);
  return { status: mismatch ? 'mismatch' : 'match', diffMicros: diff, toleranceMicros: tolerance };
}

/** What Parley knows when OpenRouter's bill and Parley's price for a request differ. */
export interface MismatchFacts {
  parleyMicros: number; // Parley's price (computed from the price list)
  billedMicros: number; // what it is compared with (for BYOK: the provider's charge)
  tokens?: { prompt: number; completion: number; cacheRead: number; cacheWrite: number; reasoning: number } | null;
  provider?: string | null; // who served it, as the answer said
  billed: {
    provider?: string | null;
    tokensPrompt?: number | null;
    tokensCompletion?: number | null;
    nativeCached?: number | null;
    nativeReasoning?: number | null;
  };
  /** The model's price list now, when it differs from the one the request was priced with ("$3 → $3.75 per 1M
   * input tokens"). */
  priceChange?: string;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** The likely causes of a difference, most specific first; Parley names only what its data shows. */
export function likelyCauses(f: MismatchFacts): string[] {
  const causes: string[] = [];
  const t = f.tokens;
  const b = f.billed;
  if (t && ((b.tokensPrompt != null && b.tokensPrompt !== t.prompt) || (b.tokensCompletion != null && b.tokensCompletion !== t.completion))) {
    causes.push(`OpenRouter counted ${n(b.tokensPrompt ?? t.prompt)} input and ${n(b.tokensCompletion ?? t.completion)} output tokens; the answer reported ${n(t.prompt)} and ${n(t.completion)}`);
  }
  if (t && b.nativeCached && b.nativeCached > 0 && t.cacheRead === 0) {
    causes.push(`${n(b.nativeCached)} cached tokens, billed at the cache price, that the answer's usage did not show`);
  } else if (t && t.cacheRead + t.cacheWrite > 0 && f.billedMicros !== f.parleyMicros) {
    causes.push(`cached tokens (${n(t.cacheRead)} read, ${n(t.cacheWrite)} written): the provider's cache prices may differ from the list`);
  }
  if (t && b.nativeReasoning && b.nativeReasoning > 0 && t.reasoning === 0) {
    causes.push(`${n(b.nativeReasoning)} reasoning tokens billed as output`);
  }
  if (f.priceChange) causes.push(`the price changed since this answer was priced: ${f.priceChange}`);
  if (b.provider && f.provider && b.provider.toLowerCase() !== f.provider.toLowerCase()) {
    causes.push(`a different provider served it: ${b.provider}, not ${f.provider}`);
  } else if (causes.length === 0 && (b.provider || f.provider)) {
    causes.push(`served by ${b.provider ?? f.provider}, which may charge more or less than the list price Parley used`);
  }
  return causes;
}
