import { useEffect, useState } from 'react';
import { readVoteFactsShared } from '../../history/db/vote-facts/shared-read';
import { ledger } from '../../common/ledger';
import type { LeaderboardVote } from '../../common/leaderboard/figures';

export interface LeaderboardData {
  votes: LeaderboardVote[];
  loaded: boolean;
  error: string | null;
}

/** Every vote with its answers' ledger figures, read from the vote facts; re-read after ledger writes. Facts shown
 * at once are taken back ("Reading your votes…") if their check finds them stale, until rebuilt. */
export function useLeaderboardData(): LeaderboardData {
  const [state, setState] = useState<LeaderboardData>({ votes: [], loaded: false, error: null });
  useEffect(() => {
    let live = true;
    let token = 0;
    const load = () => {
      const mine = ++token;
      const current = () => live && mine === token;
      readVoteFactsShared({
        onRead: (votes) => current() && setState({ votes, loaded: true, error: null }),
        onStale: () => current() && setState({ votes: [], loaded: false, error: null }),
      }).then(
        (d) => current() && d.rebuilt && setState({ votes: d.votes, loaded: true, error: null }),
        (err: Error) => current() && setState((s) => ({ ...s, loaded: true, error: err.message })),
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
