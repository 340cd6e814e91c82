import type { WebSearchSettings } from '../../history/db/types';
import { MAX_RESULTS_LIMIT } from './web-plugin';
import './web-search.css';

/** Web search in a column's settings: on/off, and for OpenRouter the search engine and how many results. */
export function WebSearchFields({ value, onChange }: { value: WebSearchSettings | undefined; onChange: (v: WebSearchSettings) => void }) {
  const ws = value ?? { enabled: false };
  const set = (patch: Partial<WebSearchSettings>) => {
    const next: WebSearchSettings = { ...ws, ...patch };
    for (const k of Object.keys(patch) as (keyof WebSearchSettings)[]) if (patch[k] === undefined) delete next[k];
    onChange(next);
  };
  return (
    <fieldset className="web-search-fields">
      <legend>Web search</legend>
      <label className="web-search-toggle">
        <input type="checkbox" checked={ws.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        Search the web for this column
      </label>
      <div className="settings-row">
        <label>
          Engine
          <select value={ws.engine ?? ''} disabled={!ws.enabled} onChange={(e) => set({ engine: (e.target.value || undefined) as WebSearchSettings['engine'] })}>
            <option value="">default</option>
            <option value="native">provider&rsquo;s own</option>
            <option value="exa">Exa</option>
          </select>
        </label>
        <label>
          Max results
          <input
            type="number"
            min="1"
            max={MAX_RESULTS_LIMIT}
            placeholder="5"
            disabled={!ws.enabled}
            value={ws.maxResults ?? ''}
            onChange={(e) => {
              const n = Number(e.target.value);
              set({ maxResults: e.target.value === '' || !Number.isFinite(n) ? undefined : Math.min(Math.max(1, Math.round(n)), MAX_RESULTS_LIMIT) });
            }}
          />
        </label>
      </div>
      <p className="web-search-note">Each search is billed. Models that cannot search say so when you send.</p>
    </fieldset>
  );
}
