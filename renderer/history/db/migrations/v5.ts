import type { Transaction } from 'dexie';
import type { GenerationRow, MessageRow } from '../types';
import { rebuildVoteFacts } from '../vote-facts/rebuild';
import type { VoteFactKeys, VoteFactPack } from '../vote-facts/types';
import { V4_STORES } from './v4';

// Version 5: the leaderboard's vote facts (vote-facts/types.ts), one pack per conversation and its lookup keys, built here from the
// votes and ledger rows already stored. Votes still staged in import packs get theirs when materialized.

export const V5_STORES = {
  ...V4_STORES,
  voteFacts: 'conversationId',
  voteFactKeys: 'conversationId, *promptIds, *gens, *mids',
} as const;

export async function upgradeToV5(tx: Transaction): Promise<void> {
  await rebuildVoteFacts({
    messages: tx.table<MessageRow, string>('messages'),
    generations: tx.table<GenerationRow, string>('generations'),
    voteFacts: tx.table<VoteFactPack, string>('voteFacts'),
    voteFactKeys: tx.table<VoteFactKeys, string>('voteFactKeys'),
  });
}
