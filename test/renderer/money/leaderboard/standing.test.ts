// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildLeaderboard, type LeaderboardVote } from '../../../../renderer/common/leaderboard/figures';
import { standings, rankRangeText, type RankedModel } from '../../../../renderer/money/leaderboard/standing';

let seq = 0;
/** `n` votes in which `winner` beat `loser` (or tied, with winner === null) */
function votes(n: number, a: string, b: string, winner: 'a' | 'b' | 'tie'): LeaderboardVote[] {
  return Array.from({ length: n }, () => {
    const id = ++seq;
    const answers = [
      { messageId: `m${id}a`, columnId: 'c1', model: a, label: 'A' },
      { messageId: `m${id}b`, columnId: 'c2', model: b, label: 'B' },
    ];
    return {
      promptId: `p${id}`, conversationId: 'room', conversationTitle: 'Room', promptExcerpt: 'x',
      vote: winner === 'tie'
        ? { verdict: 'tie' as const, answers, blind: true, at: id }
        : { verdict: 'best' as const, winnerId: winner === 'a' ? `m${id}a` : `m${id}b`, answers, blind: true, at: id },
    };
  });
}

// Pool 1, many votes: alpha ≫ beta ≈ gamma ≫ delta. Pool 2: x and y, never compared with pool 1.
// "lucky" met alpha once and won: 1–0, the case that used to rank first.
const SET: LeaderboardVote[] = [
  ...votes(40, 'alpha', 'beta', 'a'), ...votes(4, 'alpha', 'beta', 'b'),
  ...votes(20, 'beta', 'gamma', 'a'), ...votes(20, 'beta', 'gamma', 'b'),
  ...votes(40, 'gamma', 'delta', 'a'), ...votes(4, 'gamma', 'delta', 'b'),
  ...votes(1, 'lucky', 'alpha', 'a'),
  ...votes(8, 'x', 'y', 'a'), ...votes(4, 'x', 'y', 'b'),
];

/** the definition, by brute force over pairs */
function bruteRange(row: RankedModel, pool: RankedModel[]): [number, number] {
  const above = pool.filter((o) => o !== row && o.rating!.low > row.rating!.high).length;
  const below = pool.filter((o) => o !== row && o.rating!.high < row.rating!.low).length;
  return [1 + above, pool.length - below];
}

describe('an honest leaderboard: rank ranges, too few votes, separate pools', () => {
  const board = buildLeaderboard(SET);

  it('the bare order still puts the 1–0 model first, which is what the ranges fix', () => {
    expect(board.rows[0]!.model).toBe('lucky');
  });

  it('lists models under the vote threshold apart, and never ranks them', () => {
    const s = standings(board.rows, 10);
    expect(s.tooFew.map((r) => r.model)).toEqual(['lucky']);
    expect(s.pools.flatMap((p) => p.rows.map((r) => r.model))).not.toContain('lucky');
    // the threshold is the view's: at 1 vote "lucky" is ranked again
    expect(standings(board.rows, 1).tooFew).toEqual([]);
  });

  it('puts each pool in its own section, the pool with the most votes first', () => {
    const s = standings(board.rows, 10);
    expect(s.pools.map((p) => p.rows.map((r) => r.model))).toEqual([['alpha', 'beta', 'gamma', 'delta'], ['x', 'y']]);
    expect(s.pools[1]!.rows.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('gives each model the range its interval allows: clear leaders and laggards, a shared middle', () => {
    const [main] = standings(board.rows, 10).pools;
    const by = new Map(main!.rows.map((r) => [r.model, r]));
    expect(rankRangeText(by.get('alpha')!)).toBe('1');
    expect(rankRangeText(by.get('beta')!)).toBe('2–3');
    expect(rankRangeText(by.get('gamma')!)).toBe('2–3');
    expect(rankRangeText(by.get('delta')!)).toBe('4');
    for (const r of main!.rows) expect([r.rankBest, r.rankWorst]).toEqual(bruteRange(r, main!.rows));
  });

  it('x with 8–4 over y: intervals overlap, so both share ranks 1–2', () => {
    const pool = standings(board.rows, 10).pools[1]!;
    expect(pool.rows.map(rankRangeText)).toEqual(['1–2', '1–2']);
  });

  it('agrees with the brute-force definition on random records', () => {
    let s = 7;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const names = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
    const set: LeaderboardVote[] = [];
    for (let i = 0; i < 300; i++) {
      const a = names[Math.floor(rnd() * 8)]!;
      const b = names[Math.floor(rnd() * 8)]!;
      if (a === b) continue;
      const strength = (m: string) => Number(m.slice(1));
      set.push(...votes(1, a, b, rnd() < 1 / (1 + Math.exp(strength(b) - strength(a))) ? 'a' : 'b'));
    }
    const st = standings(buildLeaderboard(set).rows, 5);
    const ranked = st.pools.flatMap((p) => p.rows.map((r) => ({ r, p })));
    expect(ranked.length).toBeGreaterThan(4);
    for (const { r, p } of ranked) expect([r.rankBest, r.rankWorst]).toEqual(bruteRange(r, p.rows));
    expect(ranked.some(({ r }) => r.rankBest !== r.rankWorst)).toBe(true);
  });
});
