import { getParleyDb, type ParleyDb } from '../database';
import { readVoteFacts, type FactVote, type ReadHandlers, type VoteFactsRead } from './read';
import { bumpFactsEpoch, factsEpoch } from './read-epoch';

// One read of the vote facts for every reader in this window (the composer's hint, "My best", the leaderboard).
// The page opens on the composer, which reads the facts; the leaderboard opened a moment later read them a second
// time, and the two reads of 10,000 facts, side by side on one main thread, made each other slow. Here a read in
// flight is joined, and a finished one is handed out again until something the facts are made of changes: a write
// committed in this window to the votes, the ledger, the rooms or the facts (counted by read-epoch.ts), or
// another window's write to rooms or messages (the change feed). A read that saw a change start is not kept.
// Readers share what they get: they must not change it.

interface Run {
  db: ParleyDb;
  epoch: number;
  /** the facts as read, before their count was checked */
  read?: FactVote[];
  stale: boolean;
  listeners: Set<ReadHandlers>;
  result?: VoteFactsRead;
  done?: Promise<VoteFactsRead>;
}

let run: Run | null = null;
const watching = new WeakSet<ParleyDb>();

function tell(run: Run, event: 'read' | 'stale') {
  for (const l of run.listeners) {
    try {
      if (event === 'read') l.onRead?.(run.read!);
      else l.onStale?.();
    } catch (err) {
      console.error('vote facts listener failed', err);
    }
  }
}

/** What `readVoteFacts` gives, shared: the same handlers, called at once for what a joined read already did. */
export function readVoteFactsShared(on: ReadHandlers = {}): Promise<VoteFactsRead> {
  const db = getParleyDb();
  if (!watching.has(db)) {
    watching.add(db);
    db.changes.onRemoteChange(bumpFactsEpoch);
  }
  // a read that began before the latest write started may not show it: neither reused nor joined
  if (run && (run.db !== db || run.epoch !== factsEpoch())) run = null;
  if (run?.result) {
    const votes = run.result.votes;
    try {
      on.onRead?.(votes);
    } catch (err) {
      console.error('vote facts listener failed', err);
    }
    return Promise.resolve({ votes, rebuilt: false });
  }
  if (run) {
    if (run.stale) on.onStale?.();
    else if (run.read) on.onRead?.(run.read);
    run.listeners.add(on);
    return run.done!;
  }
  const mine: Run = { db, epoch: factsEpoch(), stale: false, listeners: new Set([on]) };
  run = mine;
  mine.done = readVoteFacts({
    onRead: (votes) => {
      mine.read = votes;
      tell(mine, 'read');
    },
    onStale: () => {
      mine.stale = true;
      tell(mine, 'stale');
    },
  }).then(
    (r) => {
      mine.listeners.clear();
      if (run === mine && mine.epoch === factsEpoch()) mine.result = r;
      else if (run === mine) run = null; // a write began meanwhile: the next reader reads again
      return r;
    },
    (err: unknown) => {
      mine.listeners.clear();
      if (run === mine) run = null;
      throw err;
    },
  );
  return mine.done;
}
