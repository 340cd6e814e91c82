import { getParleyDb } from '../../../../../renderer/history/db/database';
import { listVotes } from '../../../../../renderer/history/db/votes';
import { readVoteFacts } from '../../../../../renderer/history/db/vote-facts/read';
import { ledgerLookup, withLedgerFigures, type LeaderboardVote } from '../../../../../renderer/common/leaderboard/figures';
import type { LedgerRow } from '../../../../../renderer/history/db/ledger-types';

/** The leaderboard's votes as defined from the sources: every vote, each answer's figures from the whole ledger. */
export async function votesFromSources(): Promise<LeaderboardVote[]> {
  const rows = (await getParleyDb().generations.toArray()) as LedgerRow[];
  return withLedgerFigures(await listVotes(), ledgerLookup(rows));
}

/** The votes as the leaderboard reads them from the facts, without the fact-only `rowId`. */
export async function votesFromFacts(): Promise<{ votes: LeaderboardVote[]; rebuilt: boolean }> {
  const read = await readVoteFacts();
  const votes = read.votes.map(({ promptId, conversationId, conversationTitle, promptExcerpt, category, vote }) => ({
    promptId,
    conversationId,
    conversationTitle,
    promptExcerpt,
    category,
    vote: { ...vote, answers: vote.answers.map(({ rowId: _rowId, ...a }) => a) },
  }));
  return { votes, rebuilt: read.rebuilt };
}
