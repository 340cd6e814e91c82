import { CATEGORY_LABEL, PROMPT_CATEGORIES, type PromptCategory } from '../../../shared/prompts/classify';

export type RangeDays = 'all' | '7' | '30' | '90' | '365';

export interface LeaderboardControls {
  range: RangeDays;
  blindOnly: boolean;
  conversationId: string | null;
  /** prompts of one kind only (shared/prompts/classify) */
  category?: PromptCategory | null;
}

/** Time range, blind votes only, one room. Every control is labelled. */
export function LeaderboardFiltersBar({ value, rooms, onChange }: {
  value: LeaderboardControls;
  rooms: { id: string; title: string }[];
  onChange: (next: LeaderboardControls) => void;
}) {
  return (
    <form className="activity-filters" aria-label="Leaderboard filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Votes from
        <select aria-label="Time range" value={value.range} onChange={(e) => onChange({ ...value, range: e.target.value as RangeDays })}>
          <option value="all">All time</option>
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="90">Last 90 days</option>
          <option value="365">Last year</option>
        </select>
      </label>
      <label>
        Room
        <select aria-label="Room filter" value={value.conversationId ?? ''} onChange={(e) => onChange({ ...value, conversationId: e.target.value || null })}>
          <option value="">All rooms</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title || 'New chat'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Prompts
        <select aria-label="Prompt kind" value={value.category ?? ''} onChange={(e) => onChange({ ...value, category: (e.target.value || null) as PromptCategory | null })}>
          <option value="">Every kind</option>
          {PROMPT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={value.blindOnly} onChange={(e) => onChange({ ...value, blindOnly: e.target.checked })} />
        Blind votes only
      </label>
    </form>
  );
}
