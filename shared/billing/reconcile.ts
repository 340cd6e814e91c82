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
