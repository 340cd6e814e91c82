// Per-endpoint health: a rolling window of outcomes, the time of the last failure (endpoints that failed in the
// last 30 s are tried last) and EWMAs of time-to-first-token and output tokens/s (used by `sort`).

export type FailureKind = 'http' | 'network' | 'timeout' | 'stream';

export interface EndpointHealthSnapshot {
  key: string;
  upstreamId: string;
  model: string;
  successes: number; // in the window
  failures: number; // in the window
  lastFailureAt: number | null;
  lastFailureKind: FailureKind | null;
  recentlyFailed: boolean;
  ewmaTtftMs: number | null;
  ewmaTokensPerSecond: number | null;
}

export interface HealthOptions {
  now: () => number;
  cooldownMs?: number; // default 30 s
  windowMs?: number; // default 5 min
  alpha?: number; // EWMA weight of the newest sample, default 0.3
}

interface Entry {
  upstreamId: string;
  model: string;
  outcomes: { t: number; ok: boolean }[];
  lastFailureAt: number | null;
  lastFailureKind: FailureKind | null;
  ttft: number | null;
  tps: number | null;
}

const MAX_OUTCOMES = 200;

export type HealthTracker = ReturnType<typeof createHealthTracker>;

export function healthKey(upstreamId: string, model: string): string {
  return `${upstreamId}|${model}`;
}

export function createHealthTracker(opts: HealthOptions) {
  const cooldownMs = opts.cooldownMs ?? 30_000;
  const windowMs = opts.windowMs ?? 300_000;
  const alpha = opts.alpha ?? 0.3;
  const entries = new Map<string, Entry>();

  const ewma = (prev: number | null, sample: number) => (prev === null ? sample : prev + alpha * (sample - prev));

  function entry(key: string): Entry {
    let e = entries.get(key);
    if (!e) {
      const bar = key.indexOf('|');
      e = { upstreamId: key.slice(0, bar), model: key.slice(bar + 1), outcomes: [], lastFailureAt: null, lastFailureKind: null, ttft: null, tps: null };
      entries.set(key, e);
    }
    return e;
  }

  function push(e: Entry, ok: boolean) {
    const t = opts.now();
    e.outcomes.push({ t, ok });
    const cutoff = t - windowMs;
    let drop = 0;
    while (drop < e.outcomes.length && (e.outcomes[drop]!.t < cutoff || e.outcomes.length - drop > MAX_OUTCOMES)) drop++;
    if (drop > 0) e.outcomes.splice(0, drop);
  }

  return {
    recordSuccess(key: string, sample: { ttftMs?: number | null; tokensPerSecond?: number | null }) {
      const e = entry(key);
      push(e, true);
      if (sample.ttftMs != null && Number.isFinite(sample.ttftMs)) e.ttft = ewma(e.ttft, sample.ttftMs);
      if (sample.tokensPerSecond != null && Number.isFinite(sample.tokensPerSecond)) e.tps = ewma(e.tps, sample.tokensPerSecond);
    },
    recordFailure(key: string, kind: FailureKind) {
      const e = entry(key);
      push(e, false);
      e.lastFailureAt = opts.now();
      e.lastFailureKind = kind;
    },
    recentlyFailed(key: string): boolean {
      const at = entries.get(key)?.lastFailureAt;
      return at != null && opts.now() - at < cooldownMs;
    },
    ttftMs(key: string): number | null {
      return entries.get(key)?.ttft ?? null;
    },
    tokensPerSecond(key: string): number | null {
      return entries.get(key)?.tps ?? null;
    },
    snapshot(): EndpointHealthSnapshot[] {
      const now = opts.now();
      return [...entries].map(([key, e]) => {
        const recent = e.outcomes.filter((o) => o.t >= now - windowMs);
        return {
          key,
          upstreamId: e.upstreamId,
          model: e.model,
          successes: recent.filter((o) => o.ok).length,
          failures: recent.filter((o) => !o.ok).length,
          lastFailureAt: e.lastFailureAt,
          lastFailureKind: e.lastFailureKind,
          recentlyFailed: e.lastFailureAt !== null && now - e.lastFailureAt < cooldownMs,
          ewmaTtftMs: e.ttft,
          ewmaTokensPerSecond: e.tps,
        };
      });
    },
  };
}
