import type { DBCore, Middleware } from 'dexie';

// A count of the writes to what the vote facts are made of, so a read kept for reuse (shared-read.ts) knows when it
// is out of date. It moves when such a read-write transaction starts (a read starting then may or may not see the
// write) and again when it commits; in any database, since a needless re-read is harmless.

const WATCHED = new Set(['messages', 'generations', 'conversations', 'voteFacts', 'voteFactKeys']);

let epoch = 0;

/** Counts committed read-write transactions over the facts' sources, so a kept read knows it is out of date. */
export function voteFactsReadReset(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'parley-vote-facts-read-reset',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const trans = down.transaction(stores, mode, options);
        if (mode === 'readwrite' && stores.some((s) => WATCHED.has(s))) {
          epoch++; // a read starting now may or may not see this write: it is not kept either way
          (trans as unknown as EventTarget).addEventListener?.('complete', () => void epoch++);
        }
        return trans;
      },
    }),
  };
}

export const factsEpoch = (): number => epoch;

/** Another window wrote: whatever was read here may be out of date. */
export function bumpFactsEpoch(): void {
  epoch++;
}
