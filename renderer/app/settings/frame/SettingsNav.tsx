import { useState } from 'react';
import { matchSections, type SettingsSectionId } from '../../../common/settings-sections';

/** Settings' section list with a search field that narrows it to the sections whose name or fields match. */
export function SettingsNav({ current, onOpen }: { current: SettingsSectionId; onOpen: (id: SettingsSectionId) => void }) {
  const [query, setQuery] = useState('');
  const matches = matchSections(query);
  return (
    <nav className="settings-nav" aria-label="Settings sections">
      <input type="search" className="settings-search" aria-label="Search settings" placeholder="Search settings" value={query} onChange={(e) => setQuery(e.target.value)} />
      {matches.length === 0 ? <p className="muted settings-nav-empty">No setting matches “{query.trim()}”.</p> : null}
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            <button type="button" aria-current={m.id === current ? 'page' : undefined} onClick={() => onOpen(m.id)}>
              {m.label}
            </button>
            {m.fields.length ? <span className="settings-nav-fields">{m.fields.join(' · ')}</span> : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
