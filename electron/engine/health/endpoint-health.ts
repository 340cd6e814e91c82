// Per-endpoint health: a rolling window of outcomes, the time of the last failure (endpoints that failed in the
// last 30 s are tried last) and EWMAs of time-to-first-token and output tokens/s (used by `sort`). Outcomes are
// kept for 30 minutes (at most 200) so the local API can report uptime and latency/throughput percentiles the
// way OpenRouter's endpoint list does (docs/openrouter-api.md §8.4).

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
  uptime5m: number | null; // percent of successful outcomes, null without any
  uptime30m: number | null;
  ttftMs30m: Percentiles | null; // of successful requests in the last 30 minutes
  tokensPerSecond30m: Percentiles | null;
}

export interface Percentiles {
  p50: number;
  p75: number;
  p90: number;
  p99: number;
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
  outcomes: { t: number; ok: boolean; ttft?: number; tps?: number }[];
  lastFailureAt: number | null;
  lastFailureKind: FailureKind | null;
  ttft: number | null;
  tps: number | null;
}

const MAX_OUTCOMES = 200;
const STATS_WINDOW_MS = 30 * 60_000;

function percentiles(xs: number[]): Percentiles | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p75: at(0.75), p90: at(0.9), p99: at(0.99) };
}

function uptime(outcomes: Entry['outcomes']): number | null {
  return outcomes.length === 0 ? null : (outcomes.filter((o) => o.ok).length / outcomes.length) * 100;
}

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

  function push(e: Entry, ok: boolean, sample: { ttft?: number; tps?: number } = {}) {
    const t = opts.now();
    e.outcomes.push({ t, ok, ...sample });
    const cutoff = t - Math.max(windowMs, STATS_WINDOW_MS);
    let drop = 0;
    while (drop < e.outcomes.length && (e.outcomes[drop]!.t < cutoff || e.outcomes.length - drop > MAX_OUTCOMES)) drop++;
    if (drop > 0) e.outcomes.splice(0, drop);
  }

  return {
    recordSuccess(key: string, sample: { ttftMs?: number | null; tokensPerSecond?: number | null }) {
      const e = entry(key);
      const kept: { ttft?: number; tps?: number } = {};
      if (sample.ttftMs != null && Number.isFinite(sample.ttftMs)) e.ttft = ewma(e.ttft, (kept.ttft = sample.ttftMs));
      if (sample.tokensPerSecond != null && Number.isFinite(sample.tokensPerSecond)) e.tps = ewma(e.tps, (kept.tps = sample.tokensPerSecond));
      push(e, true, kept);
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
        const last30 = e.outcomes.filter((o) => o.t >= now - STATS_WINDOW_MS);
        const last5 = e.outcomes.filter((o) => o.t >= now - 5 * 60_000);
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
          uptime5m: uptime(last5),
          uptime30m: uptime(last30),
          ttftMs30m: percentiles(last30.flatMap((o) => (o.ttft === undefined ? [] : [o.ttft]))),
          tokensPerSecond30m: percentiles(last30.flatMap((o) => (o.tps === undefined ? [] : [o.tps]))),
        };
      });
    },
  };
}
