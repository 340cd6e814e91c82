// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bestFor, categoryRecords, suggestFor } from '../../../../renderer/common/suggest/suggest';
import { suggestionText } from '../../../../renderer/money/suggest/suggest-text';
import { buildLeaderboard, filterVotes, NO_LEADERBOARD_FILTERS, type LeaderboardVote } from '../../../../renderer/common/leaderboard/figures';

let seq = 0;
/** n votes on prompts `text` between a and b, `winsA` of them won by a; each answer costs what `cost` says */
function votes(n: number, text: string, a: string, b: string, winsA: number, cost: Record<string, number | undefined>): LeaderboardVote[] {
  return Array.from({ length: n }, (_, i) => {
    const id = ++seq;
    const answers = [a, b].map((m, k) => ({ messageId: `m${id}${k}`, columnId: `c${k}`, model: m, label: 'AB'[k]!, ...(cost[m] !== undefined ? { costMicros: cost[m] } : {}) }));
    return {
      promptId: `p${id}`, conversationId: 'room', conversationTitle: 'Room', promptExcerpt: text,
      vote: { verdict: 'best' as const, winnerId: i < winsA ? `m${id}0` : `m${id}1`, answers, blind: true, at: id },
    };
  });
}

const COST = { alpha: 200, beta: 50, gamma: 900, lucky: 10 };
const SET = [
  ...votes(9, 'fix the bug in this python function', 'alpha', 'beta', 7, COST), // code: alpha 7 of 9
  ...votes(1, 'write a regex for dates', 'lucky', 'beta', 1, COST), // code: lucky 1 of 1
  ...votes(4, 'write a haiku about rain', 'gamma', 'alpha', 3, COST), // writing: gamma 3 of 4
  ...votes(2, 'hi, how are you', 'alpha', 'gamma', 2, COST), // chat: too few votes for anyone
];

describe('"for prompts like this you preferred…": suggestions from the votes per kind of prompt', () => {
  const records = categoryRecords(SET);

  it('counts each model’s votes, wins and spend per category', () => {
    expect(records.get('code')!.get('alpha')).toEqual({ model: 'alpha', votes: 9, wins: 7, spentMicros: 1_800, pricedAnswers: 9, answers: 9 });
    expect(records.get('code')!.get('beta')).toMatchObject({ votes: 10, wins: 2 });
    expect(records.get('writing')!.get('gamma')).toMatchObject({ votes: 4, wins: 3 });
  });

  it('suggests alpha for a code prompt: 7 of 9 beats 1 of 1, cost per win 1,800 ÷ 7 µ$', () => {
    const s = suggestFor(records, 'my rust program panics with an index out of bounds error')!;
    expect(s).toEqual({ category: 'code', model: 'alpha', wins: 7, votes: 9, costPerWinMicros: 257, costPerAnswerMicros: 200 });
    expect(suggestionText(s)).toBe('For code prompts like this you preferred alpha (won 7 of 9, $0.000257 per win)');
    // even allowed to count a single vote, 1 of 1 smooths to 2/3 < 8/11
    expect(suggestFor(records, 'debug this javascript', { minVotes: 1 })!.model).toBe('alpha');
  });

  it('suggests gamma for writing, nothing for chat (too few votes) and nothing for an empty prompt', () => {
    expect(suggestFor(records, 'write a short story about a lighthouse')!.model).toBe('gamma');
    expect(suggestFor(records, 'good morning, how are you?')).toBeNull();
    expect(suggestFor(records, '   ')).toBeNull();
  });

  it('under a cost cap, passes over models that cost more per answer', () => {
    expect(bestFor(records, 'code', { maxCostPerAnswerMicros: 100 })).toMatchObject({ model: 'beta', wins: 2, votes: 10, costPerWinMicros: 250 });
    expect(bestFor(records, 'writing', { maxCostPerAnswerMicros: 100 })).toBeNull();
  });

  it('filters the leaderboard by the kind of prompt', () => {
    const code = buildLeaderboard(filterVotes(SET, { ...NO_LEADERBOARD_FILTERS, category: 'code' }));
    expect(code.votes).toBe(10);
    expect(code.rows.map((r) => r.model).sort()).toEqual(['alpha', 'beta', 'lucky']);
    expect(buildLeaderboard(filterVotes(SET, { ...NO_LEADERBOARD_FILTERS, category: 'writing' })).votes).toBe(4);
  });
});
