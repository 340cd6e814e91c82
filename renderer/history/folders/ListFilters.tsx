import { useState } from 'react';
import { useRoom } from '../../common/room/room-store';
import { modelsUsed, type DateRange } from './list-filter';
import { setFilter, useOrganise } from './organise-store';

const RANGES: { value: DateRange; text: string }[] = [
  { value: 'any', text: 'Any date' },
  { value: 'today', text: 'Today' },
  { value: '7d', text: 'Last 7 days' },
  { value: '30d', text: 'Last 30 days' },
  { value: 'custom', text: 'Custom…' },
];

/** Narrows the list by a model used in the conversation and by when it was last active. */
export function ListFilters() {
  const filter = useOrganise((s) => s.filter);
  const conversations = useRoom((s) => s.conversations);
  const open = useRoom((s) => s.conversation);
  // the open room as it is now (blind may have been turned on since the list was read)
  const models = modelsUsed(open ? conversations.map((c) => (c.id === open.id ? open : c)) : conversations);
  // The choices are listed only while the menu is in use: the sidebar sits beside a blind room, and must not name
  // models while it waits for a vote (the chosen one stays so the menu shows it).
  const [inUse, setInUse] = useState(false);
  const choices = inUse ? models : filter.model ? [filter.model] : [];
  return (
    <div className="list-filters" role="group" aria-label="Filters">
      <select
        aria-label="Filter by model"
        value={filter.model ?? ''}
        onFocus={() => setInUse(true)}
        onPointerDown={() => setInUse(true)}
        onBlur={() => setInUse(false)}
        onChange={(e) => setFilter({ model: e.target.value || null })}
      >
        <option value="">Any model</option>
        {choices.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <select aria-label="Filter by date" value={filter.date} onChange={(e) => setFilter({ date: e.target.value as DateRange })}>
        {RANGES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.text}
          </option>
        ))}
      </select>
      {filter.date === 'custom' ? (
        <div className="list-filters-dates">
          <input type="date" aria-label="From" value={filter.from} max={filter.to || undefined} onChange={(e) => setFilter({ from: e.target.value })} />
          <input type="date" aria-label="To" value={filter.to} min={filter.from || undefined} onChange={(e) => setFilter({ to: e.target.value })} />
        </div>
      ) : null}
    </div>
  );
}
