import { useMemo, useState } from 'react';
import './leaderboard.css';
import { fmtInt } from '../activity/activity-text';
import { buildLeaderboard, filterVotes, votesBehind, type LeaderboardFilters } from '../../common/leaderboard/figures';
import { useLeaderboardData } from './use-leaderboard-data';
import { LeaderboardFiltersBar, type LeaderboardControls } from './LeaderboardFiltersBar';
import { LeaderboardTable } from './LeaderboardTable';
import { ModelVotes } from './ModelVotes';
import { DEFAULT_MIN_VOTES, standings } from './standing';
import { replayDialogSlot } from '../../common/slots/room-slots';
import { refreshConversations } from '../../common/room/room-store';

const ReplayDialog = replayDialogSlot.Slot;

const DAY = 86_400_000;

export function toFilters(c: LeaderboardControls, now: number): LeaderboardFilters {
  return { ...(c.range === 'all' ? {} : { from: now - Number(c.range) * DAY }), blindOnly: c.blindOnly, conversationId: c.conversationId, category: c.category ?? null };
}

/** Which model is worth it for your work: the models you compared, ranked by your votes, with what they cost. */
export function LeaderboardView({ onOpenTurn, onOpenRoom, now }: { onOpenTurn: (conversationId: string, promptId: string) => void; onOpenRoom?: (conversationId: string) => void; now?: number }) {
  const [replaying, setReplaying] = useState(false);
  const { votes, loaded, error } = useLeaderboardData();
  const [controls, setControls] = useState<LeaderboardControls>({ range: 'all', blindOnly: false, conversationId: null });
  const [selected, setSelected] = useState<string | null>(null);
  // the field's own text (so it can be emptied while typing); an empty or invalid entry ranks from one vote
  const [minVotesText, setMinVotesText] = useState(String(DEFAULT_MIN_VOTES));
  const minVotes = Math.max(1, Math.floor(Number(minVotesText)) || 1);
  // the range is counted back from when the view opened (or from `now`), so filtering does not drift while open
  const [openedAt] = useState(() => now ?? Date.now());
  const rooms = useMemo(() => {
    const m = new Map<string, string>();
    for (const v of votes) m.set(v.conversationId, v.conversationTitle);
    return [...m].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title));
  }, [votes]);
  const shown = useMemo(() => filterVotes(votes, toFilters(controls, openedAt)), [votes, controls, openedAt]);
  const board = useMemo(() => buildLeaderboard(shown), [shown]);
  const standing = useMemo(() => standings(board.rows, minVotes), [board, minVotes]);
  const lines = useMemo(() => (selected ? votesBehind(selected, shown) : []), [selected, shown]);

  return (
    <section className="activity leaderboard" aria-labelledby="leaderboard-heading">
      <div className="activity-bar">
        <h1 id="leaderboard-heading">Leaderboard</h1>
        {onOpenRoom && shown.length ? (
          <button type="button" onClick={() => setReplaying(true)} title="Ask these prompts again on other models, as blind turns">
            Replay these {fmtInt(shown.length)} prompts…
          </button>
        ) : null}
      </div>
      {replaying && onOpenRoom ? (
        <ReplayDialog
          sources={shown.map((v) => ({ conversationId: v.conversationId, promptId: v.promptId, excerpt: v.promptExcerpt }))}
          suggestedModels={standing.pools[0]?.rows[0] ? [standing.pools[0].rows[0].model] : board.rows[0] ? [board.rows[0].model] : []}
          onClose={() => setReplaying(false)}
          onStarted={(id) => {
            setReplaying(false);
            void refreshConversations();
            onOpenRoom(id);
          }}
        />
      ) : null}
      <p className="muted">
        The models you compared, ranked by your own votes (a Bradley–Terry rating on the Elo scale, with its 95 % interval), with what their answers
        cost and how fast they came. Vote under any turn with two or more answers; blind rooms hide who answered until you do.
      </p>
      <LeaderboardFiltersBar value={controls} rooms={rooms} onChange={setControls} />
      {!loaded ? <p className="muted" role="status">Reading your votes…</p> : null}
      {error ? <p className="error" role="alert">Could not read the votes: {error}</p> : null}
      {loaded && !error && board.rows.length === 0 ? (
        <p className="empty-state">{votes.length ? 'No votes match these filters.' : 'No votes yet. Vote under a turn with two or more answers (click, or press 1–9).'}</p>
      ) : null}
      {board.rows.length ? (
        <>
          <p className="muted leaderboard-count" role="status">
            {fmtInt(board.votes)} vote{board.votes === 1 ? '' : 's'} · {fmtInt(board.rows.length)} models
          </p>
          <label className="min-votes">
            Rank models with at least
            <input type="number" min={1} max={1000} value={minVotesText} onChange={(e) => setMinVotesText(e.target.value)} />
            votes
          </label>
          {standing.pools.map((pool, i) => (
            <section key={pool.rows[0]!.model} className="leaderboard-pool" aria-label={i === 0 ? 'Ranked models' : `Separate pool ${i + 1}`}>
              {i > 0 ? (
                <h2>
                  Never compared with the models above <span className="muted">(ratings compare only within a pool)</span>
                </h2>
              ) : null}
              <LeaderboardTable rows={pool.rows} label={i === 0 ? 'Models ranked by your votes' : `Models ranked by your votes, pool ${i + 1}`} selected={selected} onSelect={setSelected} />
            </section>
          ))}
          {standing.tooFew.length ? (
            <section className="leaderboard-pool" aria-label="Too few votes">
              <h2>
                Too few votes to rank <span className="muted">(under {fmtInt(minVotes)} each; their ratings are guesses)</span>
              </h2>
              <LeaderboardTable rows={standing.tooFew} label="Models with too few votes" selected={selected} onSelect={setSelected} />
            </section>
          ) : null}
        </>
      ) : null}
      {selected && lines.length ? <ModelVotes key={selected} model={selected} lines={lines} onOpenTurn={onOpenTurn} /> : null}
    </section>
  );
}
