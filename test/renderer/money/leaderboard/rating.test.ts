// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fitBradleyTerry, RATING_BASE, RATING_SCALE, type PairResult } from '../../../../renderer/common/leaderboard/rating';

// Every expected figure below is worked out by hand from the model: P(i beats j) = σ(θi − θj), a tie is half a
// win each way, each pair that met gets one virtual tie (half a win each), θ sums to zero within a pool, and
// rating = 1000 + (400 / ln 10)·θ. For two models with smoothed scores s and t over n games, θA − θB = ln(s / t)
// and Var(θA) = 1 / (4·n·p·(1 − p)).

const win = (a: string, b: string): PairResult => ({ a, b, score: 1 });
const tie = (a: string, b: string): PairResult => ({ a, b, score: 0.5 });
const times = (n: number, r: PairResult) => Array.from({ length: n }, () => r);
const Z = 1.959963984540054;
const elo = (theta: number) => RATING_BASE + RATING_SCALE * theta;

describe('Bradley–Terry rating', () => {
  it('3 wins to 1: smoothed 3.5 : 1.5, so θ = ±ln(7/3)/2, ±73.6 points; 95 % interval ±166.1', () => {
    const r = fitBradleyTerry([...times(3, win('A', 'B')), win('B', 'A')]);
    const half = Math.log(7 / 3) / 2;
    expect(r.get('A')!.theta).toBeCloseTo(half, 10);
    expect(r.get('B')!.theta).toBeCloseTo(-half, 10);
    expect(r.get('A')!.rating).toBeCloseTo(1073.595, 3);
    expect(r.get('B')!.rating).toBeCloseTo(926.405, 3);
    // n = 5 (4 + 1 virtual), p = 0.7: Var(θA) = 1 / (4 · 5 · 0.21) = 1/4.2
    expect(r.get('A')!.se).toBeCloseTo(Math.sqrt(1 / 4.2), 10);
    expect(r.get('A')!.high - r.get('A')!.rating).toBeCloseTo(Z * RATING_SCALE * Math.sqrt(1 / 4.2), 8);
    expect(r.get('A')!.high - r.get('A')!.rating).toBeCloseTo(166.14, 2);
    expect(r.get('A')!.comparisons).toBe(4);
  });

  it('a one-sided record (2–0) gives a finite gap: 2.5 : 0.5, θA − θB = ln 5 (279.6 points)', () => {
    const r = fitBradleyTerry(times(2, win('A', 'B')));
    expect(r.get('A')!.rating - r.get('B')!.rating).toBeCloseTo(400 * Math.log10(5), 8);
    expect(r.get('A')!.rating).toBeCloseTo(1139.794, 3);
    // n = 3, p = 5/6: Var(θA) = 1 / (4 · 3 · 5/36) = 0.6
    expect(r.get('A')!.se).toBeCloseTo(Math.sqrt(0.6), 10);
    expect(Number.isFinite(r.get('A')!.high)).toBe(true);
  });

  it('ties only: equal ratings of 1000', () => {
    const r = fitBradleyTerry(times(4, tie('A', 'B')));
    expect(r.get('A')!.rating).toBeCloseTo(1000, 10);
    expect(r.get('B')!.rating).toBeCloseTo(1000, 10);
    // n = 5, p = 1/2: Var = 1 / (4 · 5 · 1/4) = 0.2
    expect(r.get('A')!.se).toBeCloseTo(Math.sqrt(0.2), 10);
  });

  it('a tie counts half a win each way: 1 win + 2 ties to 1 win is even', () => {
    const r = fitBradleyTerry([win('A', 'B'), tie('A', 'B'), tie('B', 'A'), win('B', 'A')]);
    expect(r.get('A')!.theta).toBeCloseTo(0, 10);
    const skew = fitBradleyTerry([win('A', 'B'), tie('A', 'B')]); // 1.5 + 0.5 : 0.5 + 0.5 = 2 : 1
    expect(skew.get('A')!.theta - skew.get('B')!.theta).toBeCloseTo(Math.log(2), 10);
  });

  it('accounts for who a model met: A beat B 2–1, B beat C 2–1, A never met C, so A is rated above C by 2·ln(5/3)', () => {
    const r = fitBradleyTerry([win('A', 'B'), win('A', 'B'), win('B', 'A'), win('B', 'C'), win('B', 'C'), win('C', 'B')]);
    const step = Math.log(5 / 3); // A–B: 2.5 : 1.5, and B–C the same
    expect(r.get('A')!.theta).toBeCloseTo(step, 9);
    expect(r.get('B')!.theta).toBeCloseTo(0, 9);
    expect(r.get('C')!.theta).toBeCloseTo(-step, 9);
    expect(r.get('A')!.rating).toBeCloseTo(elo(step), 6);
    // B met both, so it is known more precisely than A or C
    expect(r.get('B')!.se).toBeLessThan(r.get('A')!.se);
    expect([r.get('A')!.pool, r.get('B')!.pool, r.get('C')!.pool]).toEqual([0, 0, 0]);
  });

  it('a cycle (A>B, B>C, C>A) rates all three 1000 with Var(θ) = 4/9', () => {
    const r = fitBradleyTerry([win('A', 'B'), win('B', 'C'), win('C', 'A')]);
    for (const m of ['A', 'B', 'C']) {
      expect(r.get(m)!.rating).toBeCloseTo(1000, 9);
      // each pair: n = 2, p = 1/2, weight 1/2; the Laplacian's pseudo-inverse has 2/3 · 2/3 on its diagonal
      expect(r.get(m)!.se).toBeCloseTo(2 / 3, 9);
    }
  });

  it('models never compared, directly or through others, are rated in separate pools', () => {
    const r = fitBradleyTerry([win('A', 'B'), win('C', 'D')]);
    expect(r.get('A')!.pool).toBe(r.get('B')!.pool);
    expect(r.get('C')!.pool).toBe(r.get('D')!.pool);
    expect(r.get('A')!.pool).not.toBe(r.get('C')!.pool);
    // each pool is centred on 1000: 1.5 : 0.5 gives ±ln(3)/2
    expect(r.get('A')!.theta).toBeCloseTo(Math.log(3) / 2, 10);
    expect(r.get('C')!.theta).toBeCloseTo(Math.log(3) / 2, 10);
  });

  it('ignores self-comparisons and rates nothing from nothing', () => {
    expect(fitBradleyTerry([]).size).toBe(0);
    expect(fitBradleyTerry([win('A', 'A')]).size).toBe(0);
  });

  it('a counted entry fits exactly as that many single results', () => {
    const single = fitBradleyTerry([...times(3, win('A', 'B')), win('B', 'A'), ...times(2, tie('B', 'C')), win('C', 'A')]);
    const counted = fitBradleyTerry([{ ...win('A', 'B'), count: 3 }, win('B', 'A'), { ...tie('B', 'C'), count: 2 }, { ...win('C', 'A'), count: 1 }]);
    for (const m of ['A', 'B', 'C']) {
      expect(counted.get(m)!.theta).toBeCloseTo(single.get(m)!.theta, 12);
      expect(counted.get(m)!.se).toBeCloseTo(single.get(m)!.se, 12);
      expect(counted.get(m)!.comparisons).toBe(single.get(m)!.comparisons);
    }
  });

  it('without the virtual ties, 3–1 gives the plain maximum-likelihood gap ln 3', () => {
    const r = fitBradleyTerry([...times(3, win('A', 'B')), win('B', 'A')], { priorTies: 0 });
    expect(r.get('A')!.theta - r.get('B')!.theta).toBeCloseTo(Math.log(3), 9);
  });
});
