import type { ModelFigures } from '../../common/leaderboard/figures';

// What a personal record can support. A bare order (1, 2, 3…) claims more than a handful of votes know, so the
// leaderboard shows each model's *rank range* within its pool:
//   best  = 1 + the models whose whole 95 % interval lies above this model's interval,
//   worst = the pool's size − the models whose whole interval lies below it.
// ("Rank upper bound" as LMArena shows it is `best`.) Models with fewer than `minVotes` votes are listed apart, as
// "too few votes", and each pool of models never compared with the others (directly or through others) is a
// section of its own: ratings of different pools say nothing about each other.

export const DEFAULT_MIN_VOTES = 10;

export interface RankedModel extends ModelFigures {
  /** the best rank the intervals allow (1 = nothing is surely better) */
  rankBest: number;
  /** the worst rank the intervals allow */
  rankWorst: number;
}

export interface PoolSection {
  /** models ranked against each other, best rating first */
  rows: RankedModel[];
  /** its members' votes summed (a vote between two members counts twice): orders the sections */
  memberVotes: number;
}

export interface Standings {
  /** the pool with the most votes first; every other section is "never compared with the models above" */
  pools: PoolSection[];
  /** models with a rating but fewer than minVotes votes, most votes first */
  tooFew: ModelFigures[];
  minVotes: number;
}

export function standings(rows: readonly ModelFigures[], minVotes = DEFAULT_MIN_VOTES): Standings {
  const tooFew: ModelFigures[] = [];
  const byPool = new Map<number, ModelFigures[]>();
  for (const r of rows) {
    if (r.votes < minVotes || !r.rating) {
      tooFew.push(r);
      continue;
    }
    const list = byPool.get(r.rating.pool);
    if (list) list.push(r);
    else byPool.set(r.rating.pool, [r]);
  }
  const pools = [...byPool.values()].map((members) => rankPool(members));
  pools.sort((a, b) => b.memberVotes - a.memberVotes || b.rows.length - a.rows.length || a.rows[0]!.model.localeCompare(b.rows[0]!.model));
  tooFew.sort((a, b) => b.votes - a.votes || a.model.localeCompare(b.model));
  return { pools, tooFew, minVotes };
}

/** Rank ranges among the members of one pool. Intervals are sorted once; "wholly above" is `low > my high`, so a
 * binary search over the sorted lows (and highs) counts them: O(n log n) for the pool. */
function rankPool(members: ModelFigures[]): PoolSection {
  const n = members.length;
  const lows = Float64Array.from(members, (m) => m.rating!.low).sort();
  const highs = Float64Array.from(members, (m) => m.rating!.high).sort();
  const rows: RankedModel[] = members.map((m) => {
    const { low, high } = m.rating!;
    const above = n - upperBound(lows, high); // lows strictly greater than my high
    const below = lowerBound(highs, low); // highs strictly less than my low
    return { ...m, rankBest: 1 + above, rankWorst: n - below };
  });
  rows.sort((x, y) => y.rating!.theta - x.rating!.theta || y.wins - x.wins || x.model.localeCompare(y.model));
  rows.forEach((r, i) => (r.rank = i + 1));
  return { rows, memberVotes: rows.reduce((s, r) => s + r.votes, 0) };
}

/** index of the first element > x */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** index of the first element ≥ x (so the count of elements < x) */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const rankRangeText = (r: RankedModel): string => (r.rankBest === r.rankWorst ? String(r.rankBest) : `${r.rankBest}–${r.rankWorst}`);
