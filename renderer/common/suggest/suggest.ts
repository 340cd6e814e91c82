import { classifyPrompt, type PromptCategory } from '../../../shared/prompts/classify';
import { modelsOf, winnerModel, type LeaderboardVote } from '../leaderboard/figures';

// "For prompts like this you preferred X": per prompt category, each model's record in the votes (how often its
// answer was picked, what its voted-on answers cost). Computed once per change of the votes; a suggestion is then a
// classification of the typed prompt and a lookup. The preferred model is the one with the best smoothed win rate
// ((wins + 1) ÷ (votes + 2), so 1 of 1 does not beat 7 of 9) among models with at least `minVotes` votes in that
// category; a tie goes to the lower cost per win. Under a cost cap, models whose cost per answer is over it (or
// unknown) are passed over.

export interface ModelRecord {
  model: string;
  votes: number;
  wins: number;
  /** known costs of its voted-on answers in this category, summed */
  spentMicros: number;
  pricedAnswers: number;
  answers: number;
}

export type CategoryRecords = Map<PromptCategory, Map<string, ModelRecord>>;

export const categoryOf = (v: LeaderboardVote): PromptCategory => v.category ?? classifyPrompt(v.promptExcerpt);

export function categoryRecords(votes: readonly LeaderboardVote[]): CategoryRecords {
  const out: CategoryRecords = new Map();
  for (const v of votes) {
    const models = modelsOf(v);
    if (models.length < 2) continue;
    const cat = categoryOf(v);
    let byModel = out.get(cat);
    if (!byModel) out.set(cat, (byModel = new Map()));
    const winner = winnerModel(v);
    for (const m of models) {
      let r = byModel.get(m);
      if (!r) byModel.set(m, (r = { model: m, votes: 0, wins: 0, spentMicros: 0, pricedAnswers: 0, answers: 0 }));
      r.votes++;
      if (winner === m) r.wins++;
    }
    for (const a of v.vote.answers) {
      const r = byModel.get(a.model)!;
      r.answers++;
      if (a.costMicros !== undefined) {
        r.spentMicros += a.costMicros;
        r.pricedAnswers++;
      }
    }
  }
  return out;
}

export interface Suggestion {
  category: PromptCategory;
  model: string;
  wins: number;
  votes: number;
  /** null when none of its answers had a price, or no wins */
  costPerWinMicros: number | null;
  /** mean known cost of one of its answers, null when none was priced */
  costPerAnswerMicros: number | null;
}

export interface SuggestOptions {
  minVotes?: number;
  /** pass over models whose mean cost per answer is above this (or unknown) */
  maxCostPerAnswerMicros?: number;
}

export const DEFAULT_SUGGEST_MIN_VOTES = 3;

export function bestFor(records: CategoryRecords, category: PromptCategory, opts: SuggestOptions = {}): Suggestion | null {
  const byModel = records.get(category);
  if (!byModel) return null;
  const min = opts.minVotes ?? DEFAULT_SUGGEST_MIN_VOTES;
  let best: (Suggestion & { score: number }) | null = null;
  for (const r of byModel.values()) {
    if (r.votes < min || r.wins === 0) continue;
    const perAnswer = r.pricedAnswers ? r.spentMicros / r.pricedAnswers : null;
    if (opts.maxCostPerAnswerMicros !== undefined && (perAnswer === null || perAnswer > opts.maxCostPerAnswerMicros)) continue;
    const perWin = r.pricedAnswers ? Math.round(r.spentMicros / r.wins) : null;
    const c = { category, model: r.model, wins: r.wins, votes: r.votes, costPerWinMicros: perWin, costPerAnswerMicros: perAnswer === null ? null : Math.round(perAnswer), score: (r.wins + 1) / (r.votes + 2) };
    if (!best || better(c, best)) best = c;
  }
  if (!best) return null;
  const { score: _score, ...suggestion } = best;
  return suggestion;
}

/** a higher smoothed win rate; then a lower cost per win (unknown last); then the name, so the choice is stable */
function better(a: Suggestion & { score: number }, b: Suggestion & { score: number }): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const ca = a.costPerWinMicros ?? Infinity;
  const cb = b.costPerWinMicros ?? Infinity;
  if (ca !== cb) return ca < cb;
  return a.model < b.model;
}

export function suggestFor(records: CategoryRecords, prompt: string, opts: SuggestOptions = {}): Suggestion | null {
  if (!prompt.trim()) return null;
  return bestFor(records, classifyPrompt(prompt), opts);
}
