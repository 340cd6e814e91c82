import { getParleyDb } from '../database';
import { ensureAllMaterialized } from '../staging/materialize';
import type { ConversationRow } from '../types';
import { decodePack, packSize } from './pack-codec';
import { rebuildVoteFacts, votedPrompts } from './rebuild';
import type { VoteFact, VoteFactPack } from './types';

// What the leaderboard reads: every vote fact of a conversation not deleted, with its room's current title,
// ordered as the `vote.at` index orders the votes (time, then prompt id). The same read transaction counts the
// voted prompts; when that differs from the number of facts (a write that bypassed Dexie, a lost table), the facts
// are rebuilt from the sources and read again. The count walks the whole vote.at index, so it is asked last and
// `onRead` gets the facts as soon as they are read; `onStale` then says when they turned out not to stand.

export interface FactVote extends VoteFact {
  conversationId: string;
  conversationTitle: string;
}

export interface VoteFactsRead {
  votes: FactVote[];
  /** the facts had to be rebuilt from the sources first */
  rebuilt: boolean;
}

export interface ReadHandlers {
  /** the facts as read, before their count was checked */
  onRead?: (votes: FactVote[]) => void;
  /** the facts read did not stand (their count differs from the votes'): they are being rebuilt */
  onStale?: () => void;
}

function assemble(packs: (VoteFactPack | undefined)[], convs: (ConversationRow | undefined)[]): FactVote[] {
  const out: FactVote[] = [];
  packs.forEach((pack, i) => {
    const conv = convs[i];
    if (!pack || !conv || conv.deletedAt !== undefined) return;
    // decodePack's objects are fresh: name their room in place rather than copy 10,000 of them
    for (const f of decodePack(pack) as FactVote[]) {
      f.conversationId = pack.conversationId;
      f.conversationTitle = conv.title;
      out.push(f);
    }
  });
  return out.sort((a, b) => a.vote.at - b.vote.at || (a.promptId < b.promptId ? -1 : a.promptId > b.promptId ? 1 : 0));
}

function tell<T>(fn: ((x: T) => void) | undefined, x: T) {
  try {
    fn?.(x);
  } catch (err) {
    console.error('vote facts listener failed', err);
  }
}

export async function readVoteFacts(on: ReadHandlers = {}): Promise<VoteFactsRead> {
  const db = getParleyDb();
  await ensureAllMaterialized(db);
  const read = async () => {
    const ids = await db.voteFacts.toCollection().primaryKeys();
    // asked in this order: the facts and their rooms, then the count of votes
    const facts = Promise.all([db.voteFacts.bulkGet(ids), db.conversations.bulkGet(ids)]);
    const voted = votedPrompts(db.messages).count();
    const [packs, convs] = await facts;
    return { votes: assemble(packs, convs), stored: packs.reduce((n, p) => n + (p ? packSize(p) : 0), 0), voted };
  };
  const current = await db.transaction('r', [db.messages, db.voteFacts, db.conversations], async () => {
    const r = await read();
    tell(on.onRead, r.votes);
    return (await r.voted) === r.stored ? r.votes : null;
  });
  if (current) return { votes: current, rebuilt: false };
  tell(on.onStale, undefined);
  const votes = await db.transaction('rw', [db.messages, db.generations, db.voteFacts, db.voteFactKeys, db.conversations], async () => {
    await rebuildVoteFacts(db);
    return (await read()).votes;
  });
  return { votes, rebuilt: true };
}
