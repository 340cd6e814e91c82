// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { StoredVote } from '../../../../renderer/history/db/votes';
import type { TurnVote, VotedAnswer } from '../../../../renderer/history/db/types';
import type { LedgerRow } from '../../../../renderer/history/db/ledger-types';
import { buildLeaderboard as buildFromFigures, filterVotes, ledgerLookup, NO_LEADERBOARD_FILTERS, pairResults, votesBehind as behindFromFigures, withLedgerFigures, type LedgerLookup } from '../../../../renderer/common/leaderboard/figures';
import { fitBradleyTerry } from '../../../../renderer/common/leaderboard/rating';
import { makeRecord } from '../../support/generation-records';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 12);

const ans = (messageId: string, model: string, label: string, generationId?: string): VotedAnswer => ({
  messageId, columnId: `col-${model}`, model, label, ...(generationId ? { generationId } : {}),
});

function vote(promptId: string, conversationId: string, at: number, verdict: TurnVote['verdict'], answers: VotedAnswer[], opts: { winner?: string; blind?: boolean } = {}): StoredVote {
  return {
    promptId, conversationId, conversationTitle: `Room ${conversationId}`, promptExcerpt: `prompt ${promptId}`,
    vote: { verdict, answers, blind: opts.blind ?? false, at, ...(opts.winner ? { winnerId: opts.winner } : {}) },
  };
}

// the figures as defined from the sources: each answer's ledger row read through the lookup
const buildLeaderboard = (votes: StoredVote[], ledger: LedgerLookup, opts?: { rate?: boolean }) => buildFromFigures(withLedgerFigures(votes, ledger), opts);
const votesBehind = (model: string, votes: StoredVote[], ledger: LedgerLookup) => behindFromFigures(model, withLedgerFigures(votes, ledger));

const row = (id: string, over: Partial<LedgerRow> = {}): LedgerRow => ({ ...makeRecord({ id, ...over }), ...over });

// v1 blind: alpha beats beta · v2: gamma beats alpha and beta · v3: alpha ties beta · v4: alpha and gamma all bad
// · v5: alpha against alpha (two columns of one model: compares nothing)
const VOTES: StoredVote[] = [
  vote('p1', 'c1', T0, 'best', [ans('a1', 'alpha', 'A', 'g1'), ans('b1', 'beta', 'B', 'g2')], { winner: 'a1', blind: true }),
  vote('p2', 'c1', T0 + 1 * DAY, 'best', [ans('a2', 'alpha', 'A', 'g3'), ans('b2', 'beta', 'B', 'g4'), ans('c2', 'gamma', 'C', 'g5')], { winner: 'c2' }),
  vote('p3', 'c2', T0 + 2 * DAY, 'tie', [ans('a3', 'alpha', 'A', 'g6'), ans('b3', 'beta', 'B')]),
  vote('p4', 'c2', T0 + 3 * DAY, 'all-bad', [ans('a4', 'alpha', 'A', 'g8'), ans('c4', 'gamma', 'B', 'g9')]),
  vote('p5', 'c2', T0 + 4 * DAY, 'best', [ans('a5', 'alpha', 'A', 'g10'), ans('a5b', 'alpha', 'B', 'g11')], { winner: 'a5' }),
];

const LEDGER = ledgerLookup([
  // reconciled: the shown cost is what OpenRouter billed (110), not Parley's figure (100)
  row('g1', { costMicros: 100, billedCostMicros: 110, ttftMs: 200, tokensPerSecond: 50 }),
  row('g2', { costMicros: 300, ttftMs: 400, tokensPerSecond: 20 }),
  row('g3', { costMicros: 120, ttftMs: 300, tokensPerSecond: 40 }),
  row('g4', { costMicros: 280, ttftMs: 500, tokensPerSecond: 30 }),
  row('g5', { costMicros: undefined, costSource: 'none', costReason: 'no-pricing', ttftMs: 900, tokensPerSecond: 10 }),
  row('g6', { costMicros: 140, ttftMs: 250, tokensPerSecond: 60 }),
  // no generation id on the vote: found by the answer it is linked to
  row('g7', { costMicros: 260, ttftMs: 450, tokensPerSecond: null, messageId: 'b3', conversationId: 'c2' }),
  row('g8', { costMicros: 80, ttftMs: null, tokensPerSecond: 70 }),
  // g9 is not in the ledger at all
  row('g10', { costMicros: 1 }),
  row('g11', { costMicros: 1 }),
]);

describe('leaderboard figures from votes and the ledger', () => {
  it('counts wins, losses, ties and all-bad per model, and leaves out votes within one model', () => {
    const board = buildLeaderboard(VOTES, LEDGER);
    expect(board.votes).toBe(4);
    const by = new Map(board.rows.map((r) => [r.model, r]));
    expect([...by.keys()].sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(by.get('alpha')).toMatchObject({ votes: 4, wins: 1, losses: 1, ties: 1, allBad: 1, answers: 4 });
    expect(by.get('beta')).toMatchObject({ votes: 3, wins: 0, losses: 2, ties: 1, allBad: 0, answers: 3 });
    expect(by.get('gamma')).toMatchObject({ votes: 2, wins: 1, losses: 0, ties: 0, allBad: 1, answers: 2 });
  });

  it('median cost per answer and cost per win from the ledger’s shown cost; unpriced answers are counted, never free', () => {
    const by = new Map(buildLeaderboard(VOTES, LEDGER).rows.map((r) => [r.model, r]));
    // alpha: 110 (billed), 120, 140, 80 → median (110 + 120) / 2 = 115; spent 450 over 1 win
    expect(by.get('alpha')).toMatchObject({ medianCostMicros: 115, spentMicros: 450, costPerWinMicros: 450, unpricedAnswers: 0 });
    // beta: 300, 280, 260 (found through its answer's link) → median 280; no wins
    expect(by.get('beta')).toMatchObject({ medianCostMicros: 280, spentMicros: 840, costPerWinMicros: null, unpricedAnswers: 0 });
    // gamma: one answer without a price, one without a ledger row: nothing known, so no cost per win either
    expect(by.get('gamma')).toMatchObject({ medianCostMicros: null, spentMicros: 0, costPerWinMicros: null, unpricedAnswers: 2 });
  });

  it('median time to first token and speed over the answers that have them', () => {
    const by = new Map(buildLeaderboard(VOTES, LEDGER).rows.map((r) => [r.model, r]));
    expect(by.get('alpha')).toMatchObject({ medianTtftMs: 250, medianTokensPerSecond: 55 }); // ttft 200,300,250; tps 50,40,60,70
    expect(by.get('beta')).toMatchObject({ medianTtftMs: 450, medianTokensPerSecond: 25 }); // 400,500,450; 20,30
    expect(by.get('gamma')).toMatchObject({ medianTtftMs: 900, medianTokensPerSecond: 10 });
  });

  it('rates from pairwise results: a win beats every other model of its vote, a tie or all-bad ties every pair', () => {
    expect(pairResults(VOTES)).toEqual([
      { a: 'alpha', b: 'beta', score: 1, count: 1 },
      { a: 'gamma', b: 'alpha', score: 1, count: 1 },
      { a: 'gamma', b: 'beta', score: 1, count: 1 },
      { a: 'alpha', b: 'beta', score: 0.5, count: 1 },
      { a: 'alpha', b: 'gamma', score: 0.5, count: 1 },
    ]);
    // the same results twice over: one entry each, counted twice
    expect(pairResults([...VOTES, ...VOTES]).map((r) => r.count)).toEqual([2, 2, 2, 2, 2]);
    const board = buildLeaderboard(VOTES, LEDGER);
    const fit = fitBradleyTerry(pairResults(VOTES));
    for (const r of board.rows) expect(r.rating?.rating).toBeCloseTo(fit.get(r.model)!.rating, 9);
    // gamma won its only decisive vote against both others: ranked first; ranks follow the ratings
    expect(board.rows.map((r) => r.model)).toEqual(['gamma', 'alpha', 'beta']);
    expect(board.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(board.pools).toBe(1);
    expect(buildLeaderboard(VOTES, LEDGER, { rate: false }).rows.every((r) => r.rating === null)).toBe(true);
  });

  it('filters by time range, blind votes only and room', () => {
    expect(filterVotes(VOTES, { ...NO_LEADERBOARD_FILTERS, blindOnly: true }).map((v) => v.promptId)).toEqual(['p1']);
    expect(filterVotes(VOTES, { ...NO_LEADERBOARD_FILTERS, conversationId: 'c2' }).map((v) => v.promptId)).toEqual(['p3', 'p4', 'p5']);
    expect(filterVotes(VOTES, { ...NO_LEADERBOARD_FILTERS, from: T0 + DAY, to: T0 + 3 * DAY }).map((v) => v.promptId)).toEqual(['p2', 'p3']);
    const blind = buildLeaderboard(filterVotes(VOTES, { ...NO_LEADERBOARD_FILTERS, blindOnly: true }), LEDGER);
    expect(blind.rows.map((r) => [r.model, r.wins, r.losses, r.costPerWinMicros])).toEqual([
      ['alpha', 1, 0, 110],
      ['beta', 0, 1, null],
    ]);
  });

  it('lists the votes behind a model, newest first, with its outcome, opponents and its answer’s cost', () => {
    const lines = votesBehind('alpha', VOTES, LEDGER);
    expect(lines.map((l) => [l.vote.promptId, l.outcome, l.against, l.costMicros])).toEqual([
      ['p4', 'all-bad', ['gamma'], 80],
      ['p3', 'tie', ['beta'], 140],
      ['p2', 'loss', ['beta', 'gamma'], 120],
      ['p1', 'win', ['beta'], 110],
    ]);
    expect(votesBehind('gamma', VOTES, LEDGER).map((l) => l.costMicros)).toEqual([undefined, undefined]);
  });

  it('separate pools when two groups of models were never compared', () => {
    const board = buildLeaderboard(
      [
        vote('q1', 'c1', T0, 'best', [ans('x1', 'alpha', 'A', 'g1'), ans('y1', 'beta', 'B', 'g2')], { winner: 'x1' }),
        vote('q2', 'c3', T0, 'best', [ans('x2', 'delta', 'A'), ans('y2', 'omega', 'B')], { winner: 'y2' }),
      ],
      LEDGER,
    );
    expect(board.pools).toBe(2);
    expect(new Set(board.rows.map((r) => r.rating!.pool)).size).toBe(2);
  });
});
