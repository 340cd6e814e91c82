import { useState } from 'react';
import type { BudgetLimits, SpendLimit } from '../../../shared/billing/budgets';
import { useLedgerSetting } from '../../common/ledger/use-ledger';
import { useRouteValue } from '../../bridge/use-route-value';
import { useSyncedDraft } from '../../common/use-synced-draft';
import { notSavedText } from '../../history/db/events';
import { microsToField, parseUsdField } from '../money-inputs';
import { BUDGETS_KEY, cleanLimits } from './spend-totals';
import { UnknownCostCapForm } from './UnknownCostCapForm';

// Settings → optional daily and monthly spend limits, overall and per provider key. Stored in the ledger's
// IndexedDB settings; an empty field is "no limit".

type Fields = Record<string, { daily: string; monthly: string }>; // '' = overall, else key id

function fieldsOf(l: BudgetLimits): Fields {
  const f: Fields = { '': { daily: microsToField(l.overall?.dailyMicros), monthly: microsToField(l.overall?.monthlyMicros) } };
  for (const [k, v] of Object.entries(l.byProvider ?? {})) f[k] = { daily: microsToField(v.dailyMicros), monthly: microsToField(v.monthlyMicros) };
  return f;
}

function limitsOf(f: Fields): BudgetLimits | string {
  const out: BudgetLimits = {};
  for (const [k, v] of Object.entries(f)) {
    const daily = parseUsdField(v.daily);
    const monthly = parseUsdField(v.monthly);
    if (!daily.ok || !monthly.ok) return 'Limits must be dollar amounts (leave empty for no limit).';
    const limit: SpendLimit = {};
    if (daily.micros) limit.dailyMicros = daily.micros;
    if (monthly.micros) limit.monthlyMicros = monthly.micros;
    if (!limit.dailyMicros && !limit.monthlyMicros) continue;
    if (k === '') out.overall = limit;
    else (out.byProvider ??= {})[k] = limit;
  }
  return out;
}

// Compared by the limits they mean, so "2.50" typed and "2.5" stored are the same draft.
const sameFields = (a: Fields, b: Fields) => JSON.stringify(limitsOf(a)) === JSON.stringify(limitsOf(b));

function BudgetForm({ initial, keys, save }: { initial: BudgetLimits; keys: { id: string; label: string }[]; save: (l: BudgetLimits) => Promise<void> }) {
  const [fields, setFields] = useSyncedDraft<Fields>(fieldsOf(initial), sameFields);
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const rows = [{ id: '', label: 'All providers' }, ...keys];
  const set = (id: string, which: 'daily' | 'monthly', value: string) =>
    setFields((f) => ({ ...f, [id]: { daily: f[id]?.daily ?? '', monthly: f[id]?.monthly ?? '', [which]: value } }));
  return (
    <form
      className="budget-form"
      aria-label="Spend limits"
      onSubmit={(e) => {
        e.preventDefault();
        const l = limitsOf(fields);
        if (typeof l === 'string') return setNote({ error: true, text: l });
        save(l).then(
          () => setNote({ error: false, text: 'Saved.' }),
          (err: unknown) => setNote({ error: true, text: notSavedText(err) }),
        );
      }}
    >
      <table className="activity-table">
        <thead>
          <tr>
            <th scope="col">Scope</th>
            <th scope="col">Daily limit (USD)</th>
            <th scope="col">Monthly limit (USD)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td>
                <input inputMode="decimal" aria-label={`${r.label} daily limit (USD)`} placeholder="no limit" value={fields[r.id]?.daily ?? ''} onChange={(e) => set(r.id, 'daily', e.target.value)} />
              </td>
              <td>
                <input inputMode="decimal" aria-label={`${r.label} monthly limit (USD)`} placeholder="no limit" value={fields[r.id]?.monthly ?? ''} onChange={(e) => set(r.id, 'monthly', e.target.value)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="money-form-actions">
        <button type="submit" className="primary">Save spend limits</button>
        {note ? <span role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : 'muted'}>{note.text}</span> : null}
      </div>
    </form>
  );
}

export function BudgetSettingsSection() {
  const { value, loaded, save } = useLedgerSetting<BudgetLimits>(BUDGETS_KEY);
  const { value: keyList, error: keysError } = useRouteValue('keys.list', {}, 'keys.changed');
  const initial = cleanLimits(value);
  const known = new Map((keyList ?? []).map((k) => [k.id, k.label]));
  // Keys removed since a limit was set keep their row, so the limit can still be cleared.
  for (const id of Object.keys(initial.byProvider ?? {})) if (!known.has(id)) known.set(id, `${id} (removed)`);
  const keys = [...known].map(([id, label]) => ({ id, label }));
  return (
    <section aria-labelledby="budget-settings-heading">
      <h2 id="budget-settings-heading">Spend limits</h2>
      <p className="muted">
        Optional. At 80 % of a limit Parley warns; at 100 % it stops new sends until the period resets, with a one-click override for a single send.
        Days and months are your local calendar; spend is what the usage ledger recorded on this device.
      </p>
      {loaded && (keyList || keysError) ? <BudgetForm initial={initial} keys={keys} save={save} /> : <p className="muted">Loading…</p>}
      <p className="muted">
        Each answer holds the most it can cost (its prompt, and every token it may write) against these limits and the local API’s app keys
        until it ends, so answers running at once cannot together pass a limit. When that cannot be worked out, it holds this much:
      </p>
      <UnknownCostCapForm />
    </section>
  );
}
