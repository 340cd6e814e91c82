import { useEffect, useState } from 'react';
import { listVotes, type StoredVote } from '../../history/db/votes';
import { generationsFor } from '../../history/db/generations';
import { ledger } from '../ledger';
import type { LedgerRow } from '../ledger/types';
import { ledgerLookup, type LedgerLookup } from './figures';

export interface LeaderboardData {
  votes: StoredVote[];
  ledger: LedgerLookup;
  loaded: boolean;
  error: string | null;
}

/** Every vote, and the ledger rows of the answers voted on (not the whole ledger); re-read after ledger writes. */
export async function loadLeaderboardData(): Promise<Pick<LeaderboardData, 'votes' | 'ledger'>> {
  const votes = await listVotes();
  const generationIds: string[] = [];
  const messageIds: string[] = [];
  for (const v of votes) for (const a of v.vote.answers) (a.generationId !== undefined ? generationIds : messageIds).push(a.generationId ?? a.messageId);
  const rows = (await generationsFor({ generationIds, messageIds })) as LedgerRow[];
  return { votes, ledger: ledgerLookup(rows) };
}

export function useLeaderboardData(): LeaderboardData {
  const [state, setState] = useState<LeaderboardData>({ votes: [], ledger: ledgerLookup([]), loaded: false, error: null });
  useEffect(() => {
    let live = true;
    let token = 0;
    const load = () => {
      const mine = ++token;
      loadLeaderboardData().then(
        (d) => live && mine === token && setState({ ...d, loaded: true, error: null }),
        (err: Error) => live && mine === token && setState((s) => ({ ...s, loaded: true, error: err.message })),
      );
    };
    load();
    const off = ledger().onChange(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}
