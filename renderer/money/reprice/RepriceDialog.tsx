import { useEffect, useMemo, useState } from 'react';
import { X } from 'lucide-react';
import { formatMicros } from '../../../shared/billing/money';
import { useModels } from '../../common/models/use-models';
import { modelForPricing } from '../../common/money/model-pricing';
import type { LedgerRow } from '../../history/db/ledger-types';
import type { ModelPricing } from '../../../shared/catalog/types';
import type { ModelEndpointPrice } from '../../../shared/contract/catalog-endpoints';
import { repriceTable, type RepriceCandidate, type RepriceLine } from './reprice-table';
import { endpointName, useEndpointPrices } from './use-endpoint-prices';

/** A row of the table: a model, at its catalog price or on one of the user's upstreams (its id). */
interface Choice {
  model: string;
  via: string | null;
}
const keyOf = (c: Choice) => (c.via ? `${c.model}|${c.via}` : c.model);

const money = (m: number | null): string => (m === null ? 'no price' : formatMicros(m));

/** "What would this have cost?" over some requests: each chosen model's price for the same usage. */
export function RepriceDialog({ rows, what, onClose, now }: { rows: readonly LedgerRow[]; what: string; onClose: () => void; now?: number }) {
  const { models } = useModels();
  const used = useMemo(() => [...new Set(rows.map((r) => r.model ?? r.requestedModel))], [rows]);
  const [picked, setChosen] = useState<Choice[]>(() => used.map((model) => ({ model, via: null })));
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set());
  // a request recorded while the dialog is open (an answer that just finished) brings its model's row along, unless
  // the user removed that row
  const chosen = useMemo(() => {
    const missing = used.filter((model) => !removed.has(model) && !picked.some((c) => c.model === model));
    return missing.length ? [...picked, ...missing.map((model) => ({ model, via: null }))] : picked;
  }, [picked, used, removed]);
  const [adding, setAdding] = useState('');
  const [addingVia, setAddingVia] = useState('');
  const [openedAt] = useState(() => now ?? Date.now());
  const typed = adding.trim();
  const typedKnown = models.some((m) => m.id === typed);
  const endpoints = useEndpointPrices(useMemo(() => [...chosen.map((c) => c.model), ...(typedKnown ? [typed] : [])], [chosen, typedKnown, typed]));
  const table = useMemo(() => {
    const candidates = chosen.map((c): RepriceCandidate => {
      const e = c.via ? endpoints.byModel.get(c.model)?.find((x) => x.upstreamId === c.via) : undefined;
      if (!e) return { model: c.model, pricing: modelForPricing(models, c.model).pricing };
      return { model: c.model, pricing: (e.pricing ?? undefined) as ModelPricing | undefined, via: { upstreamId: e.upstreamId, label: e.label, byok: e.byok, local: e.local } };
    });
    return repriceTable(rows, candidates, openedAt);
  }, [rows, chosen, models, openedAt, endpoints]);
  // Escape closes it wherever focus is (a removed row takes its button, and focus, with it)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const add = () => {
    const next: Choice = { model: typed, via: typedKnown && addingVia ? addingVia : null };
    if (typed && !chosen.some((c) => keyOf(c) === keyOf(next))) setChosen([...chosen, next]);
    setAdding('');
    setAddingVia('');
  };
  const setVia = (key: string, via: string | null) => {
    const at = chosen.findIndex((c) => keyOf(c) === key);
    const moved = { model: chosen[at]!.model, via };
    // choosing a provider another row already shows merges the two rows
    setChosen(chosen.flatMap((c, i) => (i === at ? [moved] : keyOf(c) === keyOf(moved) ? [] : [c])));
  };
  const typedEndpoints = typedKnown ? endpoints.byModel.get(typed) ?? [] : [];

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="picker reprice" role="dialog" aria-modal="true" aria-label="What would this have cost?">
        <h2>What would {what} have cost?</h2>
        <p className="muted">
          {table.requests} request{table.requests === 1 ? '' : 's'}, actually {formatMicros(table.actualMicros)}
          {table.actualUnpriced ? ` (+${table.actualUnpriced} with no price)` : ''}. The same token usage priced on each model: at each request’s own time, at today’s prices,
          without prompt caching, on your own key through OpenRouter (its 5 % fee on top) and on credits bought by card (5.5 % on top). Pick one of your providers under a model to price it there (OpenRouter counts as one: the catalog holds one OpenRouter price per model, not one per host it routes to).
          {table.noUsage ? ` ${table.noUsage} request${table.noUsage === 1 ? ' has' : 's have'} no token counts and are left out.` : ''}
          {table.estimatedTokens ? ' Some token counts were estimated (interrupted answers).' : ''}
        </p>
        <form
          className="reprice-add"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label>
            Add a model
            <input list="reprice-models" value={adding} onChange={(e) => setAdding(e.target.value)} placeholder="e.g. openai/gpt-4o-mini" aria-label="Model to compare" autoFocus />
          </label>
          <datalist id="reprice-models">
            {models.map((m) => <option key={m.id} value={m.id} />)}
          </datalist>
          {typedEndpoints.length ? (
            <label>
              Provider
              <select value={addingVia} onChange={(e) => setAddingVia(e.target.value)} aria-label="Provider of the model to compare">
                <option value="">any (catalog price)</option>
                {typedEndpoints.map((e) => <option key={e.upstreamId} value={e.upstreamId}>{endpointName(e)}</option>)}
              </select>
            </label>
          ) : null}
          <button type="submit" className="small">Add</button>
        </form>
        <div className="reprice-scroll">
          <table className="activity-table reprice-table" aria-label="Cost on each model">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" title="at the prices in force when each request was made">At the time</th>
                <th scope="col">At today’s prices</th>
                <th scope="col">Without caching</th>
                <th scope="col" title="the provider's list price plus OpenRouter's BYOK fee, beyond the monthly allowance">Own key via OpenRouter</th>
                <th scope="col" title="the list price plus the 5.5 % card fee for buying that many credits (the $0.80 minimum per purchase left out)">On credits</th>
                <th scope="col"><span className="visually-hidden">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              {table.lines.map((l) => (
                <Line
                  key={l.key}
                  line={l}
                  endpoints={endpoints.byModel.get(l.model) ?? []}
                  onVia={(via) => setVia(l.key, via)}
                  onRemove={() => {
                    const gone = chosen.find((c) => keyOf(c) === l.key);
                    setChosen(chosen.filter((c) => keyOf(c) !== l.key));
                    if (gone) setRemoved((r) => new Set([...r, gone.model]));
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </div>
  );
}

/** The short note under an approximate row (its title holds the whole reason). */
function approxNote(line: RepriceLine): string {
  const parts: string[] = [];
  if (line.convertedFrom.length) parts.push(`≈ converted from ${line.convertedFrom.join(', ')} tokens`);
  if (line.keptFrom.length) parts.push(`≈ ${line.keptFrom.join(', ')} token counts, not converted`);
  return parts.join('; ');
}

function Line({ line, endpoints, onVia, onRemove }: { line: RepriceLine; endpoints: readonly ModelEndpointPrice[]; onVia: (via: string | null) => void; onRemove: () => void }) {
  const viaProblem = line.via ? endpoints.find((e) => e.upstreamId === line.via!.upstreamId)?.problem : undefined;
  return (
    <tr className={line.used ? 'reprice-used' : undefined}>
      <th scope="row">
        {line.label}
        {line.used ? <>{' '}<span className="badge">used</span></> : null}
        {endpoints.length ? (
          <div>
            <select className="reprice-via" value={line.via?.upstreamId ?? ''} onChange={(e) => onVia(e.target.value || null)} aria-label={`Provider for ${line.model}`} title="Price it on one provider">
              <option value="">any (catalog price)</option>
              {endpoints.map((e) => <option key={e.upstreamId} value={e.upstreamId}>{endpointName(e)}</option>)}
            </select>
          </div>
        ) : null}
        {viaProblem ? <div className="muted reprice-note">{viaProblem}</div> : null}
        {line.approximate ? (
          <div className="muted reprice-note" title={`Approximate: ${line.approximate}`}>
            {approxNote(line)}
          </div>
        ) : null}
      </th>
      {[line.thenMicros, line.todayMicros, line.noCacheMicros, line.byokMicros, line.creditsMicros].map((m, i) =>
        m === undefined ? (
          <td key={i} title={`${line.via?.label ?? 'This provider'} is reached without OpenRouter`}>—</td>
        ) : (
          <td key={i}>{line.approximate && m !== null ? '≈ ' : ''}{money(m)}</td>
        ),
      )}
      <td>
        <button type="button" className="small icon" aria-label={`Remove ${line.label}`} title={`Remove ${line.label}`} onClick={onRemove}>
          <X size={14} aria-hidden="true" />
        </button>
      </td>
    </tr>
  );
}
