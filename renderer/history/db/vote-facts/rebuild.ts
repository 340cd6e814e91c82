import type { Table } from 'dexie';
import type { GenerationRow, MessageRow } from '../types';
import { factsOf, groupFacts, keysOf } from './derive';
import { encodePack } from './pack-codec';
import type { VoteFactKeys, VoteFactPack } from './types';

// Builds every vote fact again from the sources (the migration to v5, and the self-heal in read.ts).

export interface FactTables {
  messages: Table<MessageRow, string>;
  generations: Table<GenerationRow, string>;
  voteFacts: Table<VoteFactPack, string>;
  voteFactKeys: Table<VoteFactKeys, string>;
}

/** The voted prompt rows (the numeric range of the sparse `vote.at` index). */
export const votedPrompts = (messages: Table<MessageRow, string>) => messages.where('vote.at').between(-Infinity, Infinity, true, true);

/** Replaces every fact with one built from the votes and the ledger; returns how many facts it wrote. */
export async function rebuildVoteFacts(t: FactTables): Promise<number> {
  const prompts = await votedPrompts(t.messages).toArray();
  const facts = await factsOf(prompts, {
    byIds: (ids) => t.generations.bulkGet(ids),
    linkedTo: (mids) => t.generations.where('messageId').anyOf(mids).toArray(),
  });
  const conversationOf = new Map(prompts.map((p) => [p.id, p.conversationId]));
  const rooms = [...groupFacts(facts.map((fact) => ({ conversationId: conversationOf.get(fact.promptId)!, fact })))];
  await Promise.all([t.voteFacts.clear(), t.voteFactKeys.clear()]);
  await Promise.all([
    t.voteFacts.bulkPut(rooms.map(([c, list]) => encodePack(c, list))),
    t.voteFactKeys.bulkPut(rooms.map(([c, list]) => keysOf(c, list))),
  ]);
  return facts.length;
}
