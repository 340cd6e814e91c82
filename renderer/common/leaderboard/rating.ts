// Bradley–Terry ratings from pairwise results: P(i beats j) = σ(θi − θj). Fitted by maximum likelihood (Newton's
// method with step halving; the log-likelihood is concave), with a tie worth half a win to each side.
//
// Two choices make the fit usable on a personal record:
// - every pair of models that met gets `priorTies` extra virtual ties (default 1: half a win each way), so a
//   one-sided record (3–0) gives a large but finite gap instead of an infinite one;
// - models are only comparable within a pool: models linked by comparisons, directly or through others. Each
//   pool is centred on θ = 0 (rating 1000); ratings of different pools are not comparable.
//
// Shown on the Elo scale: rating = 1000 + 400·θ / ln 10, so a 400-point gap means 10:1 odds. The 95 % interval is
// θ ± 1.96·se, with se from the inverse Fisher information under the pool's sum-zero constraint.

export interface PairResult {
  a: string;
  b: string;
  /** a's score against b: 1 win, 0 loss, 0.5 tie */
  score: number;
  /** how many such results this entry stands for (default 1): ten thousand votes fit as a few hundred entries */
  count?: number;
}

export interface Rating {
  model: string;
  /** log-strength, mean 0 within its pool */
  theta: number;
  /** standard error of theta */
  se: number;
  rating: number;
  low: number;
  high: number;
  /** models sharing a pool number were compared, directly or through others */
  pool: number;
  /** real comparisons (virtual ties not counted) */
  comparisons: number;
}

export const RATING_BASE = 1000;
export const RATING_SCALE = 400 / Math.LN10;
const Z95 = 1.959963984540054;

export interface RatingOptions {
  /** virtual ties added to every pair that met (default 1) */
  priorTies?: number;
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** Inverse of a symmetric positive-definite matrix (Gauss–Jordan with partial pivoting). */
function invert(m: Float64Array[], n: number): Float64Array[] {
  const a = m.map((row) => Float64Array.from(row));
  const inv = Array.from({ length: n }, (_, i) => {
    const r = new Float64Array(n);
    r[i] = 1;
    return r;
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [inv[c], inv[p]] = [inv[p]!, inv[c]!];
    const d = a[c]![c]!;
    for (let k = 0; k < n; k++) {
      a[c]![k]! /= d;
      inv[c]![k]! /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r]![k]! -= f * a[c]![k]!;
        inv[r]![k]! -= f * inv[c]![k]!;
      }
    }
  }
  return inv;
}

/** Fits one pool (indices into the smoothed win/game matrices); returns theta and se per member. */
function fitPool(members: number[], wins: Float64Array[], games: Float64Array[]): { theta: number[]; se: number[] } {
  const m = members.length;
  const w = (i: number, j: number) => wins[members[i]!]![members[j]!]!;
  const g = (i: number, j: number) => games[members[i]!]![members[j]!]!;
  let theta = new Array<number>(m).fill(0);
  const logLik = (t: number[]) => {
    let ll = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) {
      if (g(i, j) === 0) continue;
      const p = sigmoid(t[i]! - t[j]!);
      ll += w(i, j) * Math.log(p) + w(j, i) * Math.log(1 - p);
    }
    return ll;
  };
  // (L + J/m) where L is the Fisher information (a weighted Laplacian) and J/m fixes the free shift
  const information = (t: number[]) => {
    const h = Array.from({ length: m }, () => new Float64Array(m).fill(1 / m));
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      if (i === j || g(i, j) === 0) continue;
      const p = sigmoid(t[i]! - t[j]!);
      const v = g(i, j) * p * (1 - p);
      h[i]![i]! += v;
      h[i]![j]! -= v;
    }
    return h;
  };
  for (let iter = 0; iter < 100; iter++) {
    const grad = new Array<number>(m).fill(0);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      if (i === j || g(i, j) === 0) continue;
      grad[i]! += w(i, j) - g(i, j) * sigmoid(theta[i]! - theta[j]!);
    }
    const inv = invert(information(theta), m);
    const step = inv.map((row) => row.reduce((s, x, k) => s + x * grad[k]!, 0));
    const before = logLik(theta);
    let size = 1;
    let next = theta.map((t, i) => t + step[i]!);
    while (logLik(next) < before - 1e-12 && size > 1e-6) {
      size /= 2;
      next = theta.map((t, i) => t + size * step[i]!);
    }
    const mean = next.reduce((s, x) => s + x, 0) / m;
    next = next.map((x) => x - mean);
    const moved = Math.max(...next.map((x, i) => Math.abs(x - theta[i]!)));
    theta = next;
    if (moved < 1e-12) break;
  }
  const cov = invert(information(theta), m);
  const se = theta.map((_, i) => Math.sqrt(Math.max(0, cov[i]![i]! - 1 / m)));
  return { theta, se };
}

/** Ratings of every model that appears in `results` (self-comparisons are ignored). */
export function fitBradleyTerry(results: readonly PairResult[], opts: RatingOptions = {}): Map<string, Rating> {
  const prior = opts.priorTies ?? 1;
  const seen = new Set<string>();
  for (const r of results) if (r.a !== r.b) seen.add(r.a).add(r.b);
  const names = [...seen].sort();
  const at = new Map(names.map((n, i) => [n, i]));
  const k = names.length;
  const wins = Array.from({ length: k }, () => new Float64Array(k));
  const games = Array.from({ length: k }, () => new Float64Array(k));
  const played = new Array<number>(k).fill(0);
  for (const r of results) {
    if (r.a === r.b) continue;
    const i = at.get(r.a)!;
    const j = at.get(r.b)!;
    const n = r.count ?? 1;
    wins[i]![j]! += n * r.score;
    wins[j]![i]! += n * (1 - r.score);
    games[i]![j]! += n;
    games[j]![i]! += n;
    played[i]! += n;
    played[j]! += n;
  }
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) {
    if (games[i]![j]! === 0) continue;
    for (const [x, y] of [[i, j], [j, i]] as const) {
      games[x]![y]! += prior;
      wins[x]![y]! += prior / 2;
    }
  }
  const pool = new Array<number>(k).fill(-1);
  const out = new Map<string, Rating>();
  let pools = 0;
  for (let s = 0; s < k; s++) {
    if (pool[s] !== -1) continue;
    const members: number[] = [];
    const queue = [s];
    pool[s] = pools;
    while (queue.length) {
      const i = queue.pop()!;
      members.push(i);
      for (let j = 0; j < k; j++) if (pool[j] === -1 && games[i]![j]! > 0) {
        pool[j] = pools;
        queue.push(j);
      }
    }
    members.sort((a, b) => a - b);
    const { theta, se } = fitPool(members, wins, games);
    members.forEach((idx, i) => {
      const rating = RATING_BASE + RATING_SCALE * theta[i]!;
      const half = Z95 * RATING_SCALE * se[i]!;
      out.set(names[idx]!, { model: names[idx]!, theta: theta[i]!, se: se[i]!, rating, low: rating - half, high: rating + half, pool: pools, comparisons: played[idx]! });
    });
    pools++;
  }
  return out;
}
