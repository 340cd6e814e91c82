import type { ActivityFilters, SourceFilter } from './aggregate';

/** Date range, model, provider, key, app key and source. Every control is labelled. */
export function ActivityFiltersBar({ filters, options, keyLabel, appKeyLabel, onChange }: {
  filters: ActivityFilters;
  options: { models: string[]; providers: string[]; keys: string[]; appKeys: string[] };
  keyLabel: (id: string) => string;
  appKeyLabel: (id: string) => string;
  onChange: (next: ActivityFilters) => void;
}) {
  const set = <K extends keyof ActivityFilters>(k: K, v: ActivityFilters[K]) => onChange({ ...filters, [k]: v });
  const pick = (v: string) => (v === '' ? null : v);
  return (
    <form className="activity-filters" aria-label="Activity filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        From
        <input type="date" aria-label="From date" value={filters.fromDay ?? ''} onChange={(e) => set('fromDay', pick(e.target.value))} />
      </label>
      <label>
        To
        <input type="date" aria-label="To date" value={filters.toDay ?? ''} onChange={(e) => set('toDay', pick(e.target.value))} />
      </label>
      <label>
        Model
        <select aria-label="Model filter" value={filters.model ?? ''} onChange={(e) => set('model', pick(e.target.value))}>
          <option value="">All models</option>
          {options.models.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label>
        Provider
        <select aria-label="Provider filter" value={filters.provider ?? ''} onChange={(e) => set('provider', pick(e.target.value))}>
          <option value="">All providers</option>
          {options.providers.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      <label>
        Key
        <select aria-label="Key filter" value={filters.key ?? ''} onChange={(e) => set('key', pick(e.target.value))}>
          <option value="">All keys</option>
          {options.keys.map((k) => <option key={k} value={k}>{keyLabel(k)}</option>)}
        </select>
      </label>
      <label>
        App key
        <select aria-label="App key filter" value={filters.appKey ?? ''} onChange={(e) => set('appKey', pick(e.target.value))}>
          <option value="">All app keys</option>
          {options.appKeys.map((k) => <option key={k} value={k}>{appKeyLabel(k)}</option>)}
        </select>
      </label>
      <label>
        Source
        <select aria-label="Source filter" value={filters.source} onChange={(e) => set('source', e.target.value as SourceFilter)}>
          <option value="all">Parley and other apps</option>
          <option value="app">Parley only</option>
          <option value="local-api">Other apps (local API)</option>
        </select>
      </label>
    </form>
  );
}
