import { useState } from 'react';
import { bridge } from '../../../bridge';
import { formatMoney } from '../../../../shared/billing/money-brief';
import { Money } from '../../../money/Money';
import '../../../money/tables.css';
import type { AppKeySummary, AppKeyUpdate } from '../../../../shared/contract/app-keys';
import { LimitInputs } from './LimitInputs';
import { fieldsOf, limitsOf, type LimitFields } from './limit-fields';

const SOURCE_NOTE: Record<AppKeySummary['source'], string> = {
  created: '',
  env: ' (from PARLEY_API_TOKEN)',
  file: ' (the first key, also in the local-api-token file)',
};

function limitsText(k: AppKeySummary): string {
  const parts = [
    k.limitMicros !== null ? `${formatMoney(k.limitMicros)} in all` : '',
    k.dailyMicros !== null ? `${formatMoney(k.dailyMicros)} a day` : '',
    k.monthlyMicros !== null ? `${formatMoney(k.monthlyMicros)} a month` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no limit';
}

/** One app key: what it spent against its limits; rename, change limits, disable, delete. */
export function AppKeyRow({ k }: { k: AppKeySummary }) {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(k.label);
  const [fields, setFields] = useState<LimitFields>(() => fieldsOf(k));
  const [error, setError] = useState<string | null>(null);
  const update = (patch: Omit<AppKeyUpdate, 'id'>) =>
    bridge().invoke('apiKeys.update', { id: k.id, ...patch }).catch((err: Error) => setError(err.message));

  async function save() {
    const limits = limitsOf(fields);
    if (typeof limits === 'string') return setError(limits);
    if (!label.trim()) return setError('A key needs a name.');
    setError(null);
    await update({ label: label.trim(), ...limits });
    setEditing(false);
  }

  return (
    <tr>
      <th scope="row">
        {k.label}
        <span className="muted">{SOURCE_NOTE[k.source]}</span>
      </th>
      <td className="key-hint">{k.hint}</td>
      <td>{k.disabled ? 'disabled' : 'active'}</td>
      <td className="app-key-spent">
        <span className="spent-line"><Money micros={k.spend.todayMicros} /> today</span>
        <span className="spent-line"><Money micros={k.spend.monthMicros} /> this month</span>
        <span className="spent-line"><Money micros={k.spend.totalMicros} /> in all</span>
      </td>
      <td>
        {editing ? (
          <div className="money-form">
            <label>
              Name
              <input aria-label={`${k.label} name`} value={label} maxLength={64} onChange={(e) => setLabel(e.target.value)} />
            </label>
            <LimitInputs who={k.label} fields={fields} onChange={setFields} />
            <div className="money-form-actions">
              <button type="button" className="primary" onClick={() => void save()}>Save</button>
              <button type="button" onClick={() => setEditing(false)}>Cancel</button>
            </div>
          </div>
        ) : (
          limitsText(k)
        )}
        {error ? <span role="alert" className="error"> {error}</span> : null}
      </td>
      <td className="app-key-actions">
        {!editing ? <button type="button" aria-label={`Edit ${k.label}`} onClick={() => setEditing(true)}>Edit</button> : null}
        <button type="button" aria-label={`${k.disabled ? 'Enable' : 'Disable'} ${k.label}`} onClick={() => void update({ disabled: !k.disabled })}>
          {k.disabled ? 'Enable' : 'Disable'}
        </button>
        <button
          type="button"
          aria-label={`Delete ${k.label}`}
          onClick={() => {
            if (window.confirm(`Delete the app key "${k.label}"? Apps using it will be refused.`)) void bridge().invoke('apiKeys.remove', { id: k.id });
          }}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}
