import type { AnswerFigures } from './answer-cost';
import type { TurnVote, VotedAnswer } from '../types';
import type { PromptCategory } from '../../../../shared/prompts/classify';

// The leaderboard's derived tables (schema v5): for every voted turn, what the leaderboard shows of it, with each
// answer's figures copied from its usage-ledger row. Facts are packed per conversation (one row holds all of a
// room's voted turns): reading 40 packs is several times faster than reading 10,000 rows. The keys that find a
// pack from a write (its prompts, generation ids and answers) sit in a table of their own, so the leaderboard
// reads the facts without them. The sources stay the
// prompt rows (`messages.vote`) and the ledger (`generations`); upkeep.ts rewrites the facts in the same
// transaction as every write to them, and read.ts rebuilds them when their count disagrees with the votes'.

/** An answer voted on, its ledger row (by generation id, else the row linked to the answer) and that row's figures. */
export interface FactAnswer extends VotedAnswer, AnswerFigures {
  /** the ledger row the figures were read from; absent when there is none */
  rowId?: string;
}

export interface VoteFact {
  promptId: string;
  promptExcerpt: string;
  /** the prompt's kind, classified from its whole text */
  category?: PromptCategory;
  vote: Omit<TurnVote, 'answers'> & { answers: FactAnswer[] };
}

/** A room's facts, stored column by column (pack-codec.ts): entry i of each fact field is fact i's; the answers
 * are flattened, `answerCount[i]` of them per fact; null stands for an absent optional field. */
export interface VoteFactPack {
  conversationId: string;
  promptId: string[];
  excerpt: string[];
  /** absent in packs written before categories: read back from the excerpt */
  category?: PromptCategory[];
  at: number[];
  blind: boolean[];
  verdict: VoteFact['vote']['verdict'][];
  winnerId: (string | null)[];
  answerCount: number[];
  messageId: string[];
  columnId: string[];
  model: string[];
  label: string[];
  generationId: (string | null)[];
  rowId: (string | null)[];
  costMicros: (number | null)[];
  ttftMs: (number | null)[];
  tokensPerSecond: (number | null)[];
}

/** A pack's lookup keys (multiEntry indexes), so a write to a prompt or a ledger row finds the packs it changes. */
export interface VoteFactKeys {
  conversationId: string;
  promptIds: string[];
  /** generation ids the answers name, and the ledger rows their figures came from */
  gens: string[];
  /** the answers' message ids (a ledger row newly linked to an answer) */
  mids: string[];
}

export const VOTE_FACTS_TABLE = 'voteFacts';
export const VOTE_FACT_KEYS_TABLE = 'voteFactKeys';
