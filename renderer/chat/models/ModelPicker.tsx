import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ModelSummary } from '../../../shared/contract/models';
import { usePicker, type PickerIntent } from './picker-store';
import { useModels } from '../../common/models/use-models';
import { CatalogAge } from '../../common/models/CatalogAge';
import { createModelSearch, contextLabel, NO_FILTERS, priceLabel, type ModelFilters } from './filter-models';
import { addColumn, regenerate, updateColumn } from '../state/actions';
import { fuseTurn } from '../state/fuse';
import { MY_BEST } from '../../common/suggest/my-best';

const MODALITIES = ['image', 'file', 'audio'];
const SHOWN = 80;

function apply(intent: PickerIntent, model: string) {
  if (intent.kind === 'add-column') return addColumn(model);
  if (intent.kind === 'change-column') return updateColumn(intent.columnId, { model });
  if (intent.kind === 'fuse') return fuseTurn(intent.promptId, model);
  return regenerate(intent.messageId, model);
}

/** Ctrl/Cmd+K: fuzzy search over the catalog with filters; any slug can also be typed in directly. */
export function ModelPicker() {
  const intent = usePicker((s) => s.intent);
  const close = usePicker((s) => s.close);
  if (!intent) return null;
  return <PickerDialog intent={intent} close={close} />;
}

function PickerDialog({ intent, close }: { intent: PickerIntent; close: () => void }) {
  const { models, loaded, error, source, fetchedAt, reload } = useModels();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<ModelFilters>(NO_FILTERS);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useMemo(() => createModelSearch(models), [models]);
  const results = useMemo(() => search(query, filters), [search, query, filters]);
  const providers = useMemo(() => [...new Set(models.map((m) => m.provider))].sort(), [models]);
  const typed = query.trim();
  const typedIsSlug = /^[\w.-]+\/[\w.:-]+$/.test(typed) && !results.some((m) => m.id === typed);
  const set = <K extends keyof ModelFilters>(k: K, v: ModelFilters[K]) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setActive(0);
  };

  useEffect(() => inputRef.current?.focus(), []);

  const choose = (slug: string) => {
    close();
    void apply(intent, slug);
  };

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, Math.min(results.length, SHOWN) - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const m = results[active];
      if (m) choose(m.id);
      else if (typedIsSlug) choose(typed);
    }
  }

  const title =
    intent.kind === 'add-column' ? 'Add a model' : intent.kind === 'change-column' ? 'Change model' : intent.kind === 'fuse' ? 'Fuse the answers with' : 'Retry with another model';
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="picker" role="dialog" aria-modal="true" aria-label={title} onKeyDown={onKeyDown}>
        <h2>{title}</h2>
        {source && <CatalogAge source={source} fetchedAt={fetchedAt} onRefreshed={reload} />}
        <input
          ref={inputRef}
          type="search"
          aria-label="Search models"
          placeholder="Search by name, provider or slug (e.g. claude, free, openai/gpt-4o)"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <div className="picker-filters" role="group" aria-label="Filters">
          <label>
            Provider
            <select value={filters.provider} onChange={(e) => set('provider', e.target.value)}>
              <option value="">any</option>
              {providers.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label>
            Max $/1M in
            <input type="number" min="0" step="0.1" value={filters.maxPromptUsdPerMTok ?? ''} onChange={(e) => set('maxPromptUsdPerMTok', e.target.value === '' ? null : Number(e.target.value))} />
          </label>
          <label>
            Min context
            <select value={filters.minContext ?? ''} onChange={(e) => set('minContext', e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">any</option>
              <option value="32000">32K</option>
              <option value="128000">128K</option>
              <option value="200000">200K</option>
              <option value="1000000">1M</option>
            </select>
          </label>
          {MODALITIES.map((x) => (
            <label key={x} className="check">
              <input type="checkbox" checked={filters.modalities.includes(x)} onChange={(e) => set('modalities', e.target.checked ? [...filters.modalities, x] : filters.modalities.filter((y) => y !== x))} />
              {x} input
            </label>
          ))}
          <label className="check"><input type="checkbox" checked={filters.freeOnly} onChange={(e) => set('freeOnly', e.target.checked)} />free</label>
          <label className="check"><input type="checkbox" checked={filters.reasoning} onChange={(e) => set('reasoning', e.target.checked)} />reasoning</label>
          <label className="check"><input type="checkbox" checked={filters.tools} onChange={(e) => set('tools', e.target.checked)} />tools</label>
          <label className="check"><input type="checkbox" checked={filters.imageOutput} onChange={(e) => set('imageOutput', e.target.checked)} />image output</label>
        </div>
        {error ? <p className="error" role="alert">Could not load the model list: {error}</p> : null}
        {loaded && models.length === 0 ? <p className="muted">The model catalog is empty; type a model slug such as openai/gpt-4o-mini and press Enter.</p> : null}
        {intent.kind === 'add-column' ? (
          <button type="button" className="link picker-my-best" onClick={() => choose(MY_BEST)}>
            Or add “My best”: for each prompt, the model your votes prefer for its kind
          </button>
        ) : null}
        <ul className="picker-results" role="listbox" aria-label="Models">
          {results.slice(0, SHOWN).map((m, i) => (
            <ModelRow key={m.id} m={m} active={i === active} onChoose={() => choose(m.id)} />
          ))}
          {typedIsSlug ? (
            <li role="option" aria-selected={results.length === 0}>
              <button type="button" className="picker-row" onClick={() => choose(typed)}>
                Use “{typed}”
              </button>
            </li>
          ) : null}
        </ul>
        <p className="muted picker-count">{results.length} of {models.length} models</p>
        <button type="button" className="small" onClick={close}>Close</button>
      </div>
    </div>
  );
}

function ModelRow({ m, active, onChoose }: { m: ModelSummary; active: boolean; onChoose: () => void }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  return (
    <li ref={ref} role="option" aria-selected={active} className={active ? 'active' : ''}>
      <button type="button" className="picker-row" onClick={onChoose} aria-label={`${m.name} (${m.id})`}>
        <span className="picker-name">{m.name}</span>
        <span className="picker-id muted">{m.id}</span>
        <span className="picker-facts">
          {m.isFree ? 'free' : `${priceLabel(m.promptUsdPerMTok)} in / ${priceLabel(m.completionUsdPerMTok)} out per 1M`} · {contextLabel(m.contextLength)}
          {m.supportsReasoning ? ' · reasoning' : ''}
          {m.supportsTools ? ' · tools' : ''}
          {m.inputModalities.filter((x) => x !== 'text').map((x) => ` · ${x}`).join('')}
          {m.outputModalities.includes('image') ? ' · makes images' : ''}
        </span>
        <span className="picker-served muted">{m.servedBy.length ? `served by ${m.servedBy.join(', ')}` : 'no configured provider serves it'}</span>
      </button>
    </li>
  );
}
