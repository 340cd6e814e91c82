import { Globe } from 'lucide-react';
import type { ColumnConfig } from '../../history/db/types';
import { setColumns } from '../state/actions';
import './web-search.css';

/** Web search for the whole room: turns every column's search on or off (each column keeps its own options). */
export function RoomWebSearchToggle({ columns }: { columns: ColumnConfig[] }) {
  const on = columns.length > 0 && columns.every((c) => c.settings.webSearch?.enabled);
  const some = !on && columns.some((c) => c.settings.webSearch?.enabled);
  const toggle = (enabled: boolean) =>
    setColumns(columns.map((c) => ({ ...c, settings: { ...c.settings, webSearch: { ...c.settings.webSearch, enabled } } }))).catch((err: Error) =>
      console.error('could not change web search:', err.message),
    );
  return (
    <label className="web-search-toggle" title="Let every model search the web; sources are listed under each answer. Searches are billed.">
      <input
        type="checkbox"
        checked={on}
        ref={(el) => {
          if (el) el.indeterminate = some;
        }}
        disabled={columns.length === 0}
        onChange={(e) => void toggle(e.target.checked)}
      />
      <Globe aria-hidden="true" size={14} />
      Web search
    </label>
  );
}
