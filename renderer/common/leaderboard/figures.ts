import type { LedgerRow } from '../../history/db/ledger-types';
import type { StoredVote } from '../../history/db/votes';
import type { TurnVote, VotedAnswer } from '../../history/db/types';
import { answerFigures, type AnswerFigures } from '../../history/db/vote-facts/answer-cost';
import { fitBradleyTerry, type PairResult, type Rating } from './rating';
import { classifyPrompt, type PromptCategory } from '../../../shared/prompts/classify';

// The personal leaderboard's figures, from the votes and the usage ledger. A vote between two or more different
// models counts, for each model in it, as a win (its answer was picked), a loss (another model's was), a tie or
// "all bad". For the rating, a win beats every other model of that vote and a tie or "all bad" is a tie between
// every pair. A vote whose answers all came from one model compares nothing and is left out.
// Cost, time to first token and speed come from the ledger rows of the answers voted on (by generation id, else
// by the answer's message id), carried on each answer (`withLedgerFigures` here, or the stored vote facts,
// history/db/vote-facts); unpriced answers are counted, never taken as free. Cost per win = what the model's
// voted-on answers cost (the priced ones) ÷ its wins.

/** An answer voted on, with the figures of its ledger row (absent when unknown). */
export type FiguredAnswer = VotedAnswer & AnswerFigures;

/** A vote as the leaderboard reads it: its turn, its room, and each answer's figures. */
export interface LeaderboardVote extends Omit<StoredVote, 'vote'> {
  vote: Omit<TurnVote, 'answers'> & { answers: FiguredAnswer[] };
}

export interface LeaderboardFilters {
  /** vote time range [from, to) */
  from?: number;
  to?: number;
  blindOnly: boolean;
  /** one room (conversation) */
  conversationId: string | null;
  /** one kind of prompt */
  category?: PromptCategory | null;
}

export const NO_LEADERBOARD_FILTERS: LeaderboardFilters = { blindOnly: false, conversationId: null };

export type Outcome = 'win' | 'loss' | 'tie' | 'all-bad';

export interface ModelFigures {
  model: string;
  rank: number;
  rating: Rating | null;
  votes: number;
  wins: number;
  losses: number;
  ties: number;
  allBad: number;
  /** its answers in those votes */
  answers: number;
  unpricedAnswers: number;
  /** known costs of those answers, summed */
  spentMicros: number;
  medianCostMicros: number | null;
  /** null without wins, or when none of its answers had a price */
  costPerWinMicros: number | null;
  medianTtftMs: number | null;
  medianTokensPerSecond: number | null;
}

export interface Leaderboard {
  rows: ModelFigures[];
  /** votes that passed the filters and compared two or more models */
  votes: number;
  /** separate pools of models never compared with each other (ratings comparable only within one) */
  pools: number;
}

export interface LedgerLookup {
  byGeneration: Map<string, LedgerRow>;
  byMessage: Map<string, LedgerRow>;
  /** the steps of answers that ran a tool loop, by answer */
  loopSteps: Map<string, LedgerRow[]>;
}

export function ledgerLookup(rows: Iterable<LedgerRow>): LedgerLookup {
  const byGeneration = new Map<string, LedgerRow>();
  const byMessage = new Map<string, LedgerRow>();
  const loopSteps = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    byGeneration.set(r.id, r);
    if (r.messageId) byMessage.set(r.messageId, r);
    if (r.messageId && r.loopStep) {
      const list = loopSteps.get(r.messageId);
      if (list) list.push(r);
      else loopSteps.set(r.messageId, [r]);
    }
  }
  return { byGeneration, byMessage, loopSteps };
}

export function ledgerRowOf(a: VotedAnswer, ledger: LedgerLookup): LedgerRow | undefined {
  return (a.generationId !== undefined ? ledger.byGeneration.get(a.generationId) : undefined) ?? ledger.byMessage.get(a.messageId);
}

/** The votes with each answer's figures read from these ledger rows (the figures' definition from the sources). */
export function withLedgerFigures(votes: readonly StoredVote[], ledger: LedgerLookup): LeaderboardVote[] {
  return votes.map((v) => ({ ...v, vote: { ...v.vote, answers: v.vote.answers.map((a) => ({ ...a, ...answerFigures(ledgerRowOf(a, ledger), ledger.loopSteps.get(a.messageId)) })) } }));
}

export function filterVotes<V extends StoredVote | LeaderboardVote>(votes: readonly V[], f: LeaderboardFilters): V[] {
  return votes.filter(
    (v) =>
      (f.from === undefined || v.vote.at >= f.from) &&
      (f.to === undefined || v.vote.at < f.to) &&
      (!f.blindOnly || v.vote.blind) &&
      (f.conversationId === null || v.conversationId === f.conversationId) &&
      (!f.category || (v.category ?? classifyPrompt(v.promptExcerpt)) === f.category),
  );
}

/** Distinct models of a vote, in the order shown. */
export function modelsOf(v: StoredVote | LeaderboardVote): string[] {
  const out: string[] = []; // a vote holds a handful of answers: a scan beats building a Set per vote
  for (const a of v.vote.answers) if (!out.includes(a.model)) out.push(a.model);
  return out;
}

export function winnerModel(v: StoredVote | LeaderboardVote): string | null {
  if (v.vote.verdict !== 'best') return null;
  return v.vote.answers.find((a) => a.messageId === v.vote.winnerId)?.model ?? null;
}

export function outcomeFor(v: StoredVote | LeaderboardVote, model: string): Outcome {
  if (v.vote.verdict === 'tie') return 'tie';
  if (v.vote.verdict === 'all-bad') return 'all-bad';
  return winnerModel(v) === model ? 'win' : 'loss';
}

/** Counts pairwise results as they come: models as small numbers and a pair as one numeric key (no string per
 * pair), since this runs over every vote. */
class PairCounter {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly counts = new Map<number, number>(); // ((a·SPAN + b)·2 + tie) → how many
  private static readonly SPAN = 2 ** 20;

  private idOf(m: string): number {
    let i = this.ids.get(m);
    if (i === undefined) this.ids.set(m, (i = this.names.push(m) - 1));
    return i;
  }

  /** A win beats every other model of its vote; a tie or "all bad" ties every pair. */
  addVote(models: readonly string[], winner: string | null, verdict: TurnVote['verdict']): void {
    if (winner !== null) {
      for (const m of models) if (m !== winner) this.add(winner, m, 0);
    } else if (verdict !== 'best') {
      for (let i = 0; i < models.length; i++) for (let j = i + 1; j < models.length; j++) this.add(models[i]!, models[j]!, 1);
    }
  }

  private add(a: string, b: string, tie: 0 | 1): void {
    const key = (this.idOf(a) * PairCounter.SPAN + this.idOf(b)) * 2 + tie;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  results(): PairResult[] {
    const out: PairResult[] = [];
    for (const [key, count] of this.counts) {
      const tie = key % 2;
      const pair = (key - tie) / 2;
      out.push({ a: this.names[Math.floor(pair / PairCounter.SPAN)]!, b: this.names[pair % PairCounter.SPAN]!, score: tie ? 0.5 : 1, count });
    }
    return out;
  }
}

/** The pairwise results the rating is fitted to, one entry per pair and score with its count. */
export function pairResults(votes: readonly (StoredVote | LeaderboardVote)[]): PairResult[] {
  const pairs = new PairCounter();
  for (const v of votes) {
    const models = modelsOf(v);
    if (models.length >= 2) pairs.addVote(models, winnerModel(v), v.vote.verdict);
  }
  return pairs.results();
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = Float64Array.from(xs).sort(); // numeric order, far faster than an array sort with a comparator
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Acc {
  votes: number;
  wins: number;
  losses: number;
  ties: number;
  allBad: number;
  answers: number;
  unpriced: number;
  spent: number;
  costs: number[];
  ttft: number[];
  tps: number[];
}

/** Every figure of the leaderboard; `rate: false` leaves the rating out (a baseline for the benchmark). */
export function buildLeaderboard(votes: readonly LeaderboardVote[], opts: { rate?: boolean } = {}): Leaderboard {
  const acc = new Map<string, Acc>();
  let counted = 0;
  const pairs = new PairCounter();
  for (const v of votes) {
    const models = modelsOf(v);
    if (models.length < 2) continue;
    counted++;
    const winner = winnerModel(v);
    pairs.addVote(models, winner, v.vote.verdict);
    for (const m of models) {
      let a = acc.get(m);
      if (!a) acc.set(m, (a = { votes: 0, wins: 0, losses: 0, ties: 0, allBad: 0, answers: 0, unpriced: 0, spent: 0, costs: [], ttft: [], tps: [] }));
      a.votes++;
      const o: Outcome = v.vote.verdict === 'tie' ? 'tie' : v.vote.verdict === 'all-bad' ? 'all-bad' : winner === m ? 'win' : 'loss'; // outcomeFor, the winner found once
      if (o === 'win') a.wins++;
      else if (o === 'loss') a.losses++;
      else if (o === 'tie') a.ties++;
      else a.allBad++;
    }
    for (const ans of v.vote.answers) {
      const a = acc.get(ans.model)!;
      a.answers++;
      if (ans.costMicros === undefined) a.unpriced++;
      else {
        a.spent += ans.costMicros;
        a.costs.push(ans.costMicros);
      }
      if (ans.ttftMs !== undefined) a.ttft.push(ans.ttftMs);
      if (ans.tokensPerSecond !== undefined) a.tps.push(ans.tokensPerSecond);
    }
  }
  const ratings = opts.rate === false ? new Map<string, Rating>() : fitBradleyTerry(pairs.results());
  const rows: ModelFigures[] = [...acc].map(([model, a]) => {
    const mc = median(a.costs);
    return {
      model,
      rank: 0,
      rating: ratings.get(model) ?? null,
      votes: a.votes,
      wins: a.wins,
      losses: a.losses,
      ties: a.ties,
      allBad: a.allBad,
      answers: a.answers,
      unpricedAnswers: a.unpriced,
      spentMicros: a.spent,
      medianCostMicros: mc === null ? null : Math.round(mc),
      costPerWinMicros: a.wins > 0 && a.costs.length > 0 ? Math.round(a.spent / a.wins) : null,
      medianTtftMs: median(a.ttft),
      medianTokensPerSecond: median(a.tps),
    };
  });
  rows.sort((x, y) => (y.rating?.theta ?? -Infinity) - (x.rating?.theta ?? -Infinity) || y.wins - x.wins || x.model.localeCompare(y.model));
  rows.forEach((r, i) => (r.rank = i + 1));
  return { rows, votes: counted, pools: new Set([...ratings.values()].map((r) => r.pool)).size };
}

export interface VoteLine {
  vote: LeaderboardVote;
  outcome: Outcome;
  /** the other models of that vote */
  against: string[];
  /** what this model's answer(s) in that vote cost; undefined when unknown */
  costMicros: number | undefined;
}

/** The votes behind one model's figures, newest first. */
export function votesBehind(model: string, votes: readonly LeaderboardVote[]): VoteLine[] {
  const out: VoteLine[] = [];
  for (const v of votes) {
    const models = modelsOf(v);
    if (models.length < 2 || !models.includes(model)) continue;
    let cost: number | undefined = 0;
    for (const a of v.vote.answers) {
      if (a.model !== model) continue;
      cost = a.costMicros === undefined || cost === undefined ? undefined : cost + a.costMicros;
    }
    out.push({ vote: v, outcome: outcomeFor(v, model), against: models.filter((m) => m !== model), costMicros: cost });
  }
  return out.sort((a, b) => b.vote.vote.at - a.vote.vote.at);
}
