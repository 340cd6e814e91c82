import { useEffect, useMemo, useState } from 'react';
import { X } from 'lucide-react';
import { formatMicros } from '../../../shared/billing/money';
import { useModels } from '../../common/models/use-models';
import { modelForPricing } from '../../common/money/model-pricing';
import type { LedgerRow } from '../../history/db/ledger-types';
import { repriceTable, type RepriceLine } from './reprice-table';

const money = (m: number | null): string => (m === null ? 'no price' : formatMicros(m));

/** "What would this have cost?" over some requests: each chosen model's price for the same usage. */
export function RepriceDialog({ rows, what, onClose, now }: { rows: readonly LedgerRow[]; what: string; onClose: () => void; now?: number }) {
  const { models } = useModels();
  const used = useMemo(() => [...new Set(rows.map((r) => r.model ?? r.requestedModel))], [rows]);
  const [chosen, setChosen] = useState<string[]>(used);
  const [adding, setAdding] = useState('');
  const [openedAt] = useState(() => now ?? Date.now());
  const table = useMemo(
    () => repriceTable(rows, chosen.map((model) => ({ model, pricing: modelForPricing(models, model).pricing })), openedAt),
    [rows, chosen, models, openedAt],
  );
  // Escape closes it wherever focus is (a removed row takes its button, and focus, with it)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const add = () => {
    const slug = adding.trim();
    if (slug && !chosen.includes(slug)) setChosen([...chosen, slug]);
    setAdding('');
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="picker reprice" role="dialog" aria-modal="true" aria-label="What would this have cost?">
        <h2>What would {what} have cost?</h2>
        <p className="muted">
          {table.requests} request{table.requests === 1 ? '' : 's'}, actually {formatMicros(table.actualMicros)}
          {table.actualUnpriced ? ` (+${table.actualUnpriced} with no price)` : ''}. The same token usage priced on each model: at each request’s own time, at today’s prices,
          without prompt caching, on your own key through OpenRouter (its 5 % fee on top) and on credits bought by card (5.5 % on top).
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
              {table.lines.map((l) => <Line key={l.model} line={l} onRemove={() => setChosen(chosen.filter((m) => m !== l.model))} />)}
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

function Line({ line, onRemove }: { line: RepriceLine; onRemove: () => void }) {
  return (
    <tr className={line.used ? 'reprice-used' : undefined}>
      <th scope="row">
        {line.model}
        {line.used ? <span className="badge"> used</span> : null}
        {line.approximate ? (
          <div className="muted reprice-note" title={`Approximate: ${line.approximate}`}>
            {approxNote(line)}
          </div>
        ) : null}
      </th>
      {[line.thenMicros, line.todayMicros, line.noCacheMicros, line.byokMicros, line.creditsMicros].map((m, i) => (
        <td key={i}>{line.approximate && m !== null ? '≈ ' : ''}{money(m)}</td>
      ))}
      <td>
        <button type="button" className="small icon" aria-label={`Remove ${line.model}`} title={`Remove ${line.model}`} onClick={onRemove}>
          <X size={14} aria-hidden="true" />
        </button>
      </td>
    </tr>
  );
}
