import { getParleyDb } from '../database';
import { ensureAllMaterialized } from '../staging/materialize';
import type { ConversationRow } from '../types';
import { rebuildVoteFacts, votedPrompts } from './rebuild';
import type { VoteFact, VoteFactPack } from './types';

// What the leaderboard reads: every vote fact of a conversation not deleted, with its room's current title,
// ordered as the `vote.at` index orders the votes (time, then prompt id). When the number of facts differs from
// the number of voted prompts (a write that bypassed Dexie, an interrupted upkeep), the facts are rebuilt from the
// sources first, in the same transaction as the read.

export interface FactVote extends VoteFact {
  conversationId: string;
  conversationTitle: string;
}

export interface VoteFactsRead {
  votes: FactVote[];
  /** the facts had to be rebuilt from the sources first */
  rebuilt: boolean;
}

function assemble(packs: VoteFactPack[], convs: (ConversationRow | undefined)[]): FactVote[] {
  const out: FactVote[] = [];
  packs.forEach((pack, i) => {
    const conv = convs[i];
    if (!conv || conv.deletedAt !== undefined) return;
    for (const f of pack.facts) out.push({ ...f, conversationId: pack.conversationId, conversationTitle: conv.title });
  });
  return out.sort((a, b) => a.vote.at - b.vote.at || (a.promptId < b.promptId ? -1 : a.promptId > b.promptId ? 1 : 0));
}

export async function readVoteFacts(): Promise<VoteFactsRead> {
  const db = getParleyDb();
  await ensureAllMaterialized(db);
  const read = async () => {
    const packs = await db.voteFacts.toArray();
    return assemble(packs, await db.conversations.bulkGet(packs.map((p) => p.conversationId)));
  };
  const current = await db.transaction('r', [db.messages, db.voteFacts, db.conversations], async () => {
    const [voted, packs] = await Promise.all([votedPrompts(db.messages).count(), db.voteFacts.toArray()]);
    if (packs.reduce((n, p) => n + p.facts.length, 0) !== voted) return null;
    return assemble(packs, await db.conversations.bulkGet(packs.map((p) => p.conversationId)));
  });
  if (current) return { votes: current, rebuilt: false };
  const votes = await db.transaction('rw', [db.messages, db.generations, db.voteFacts, db.voteFactKeys, db.conversations], async () => {
    await rebuildVoteFacts(db);
    return read();
  });
  return { votes, rebuilt: true };
}
