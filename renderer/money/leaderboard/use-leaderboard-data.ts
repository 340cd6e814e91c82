import { useEffect, useState } from 'react';
import { readVoteFacts } from '../../history/db/vote-facts/read';
import { ledger } from '../ledger';
import type { LeaderboardVote } from './figures';

export interface LeaderboardData {
  votes: LeaderboardVote[];
  loaded: boolean;
  error: string | null;
}

/** Every vote with its answers' ledger figures, read from the vote facts; re-read after ledger writes. */
export async function loadLeaderboardData(): Promise<Pick<LeaderboardData, 'votes'>> {
  return { votes: (await readVoteFacts()).votes };
}

export function useLeaderboardData(): LeaderboardData {
  const [state, setState] = useState<LeaderboardData>({ votes: [], loaded: false, error: null });
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
