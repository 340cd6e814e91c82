import { useState } from 'react';
import { DEFAULT_BYOK_FEE_SETTINGS, type ByokAllowance, type ByokFeeSettings } from '../../../shared/billing/byok-fees';
import { useLedgerSetting } from '../../common/ledger/use-ledger';
import { bpsToField, microsToField, parsePercentField, parseUsdField } from '../money-inputs';
import { FEE_SETTINGS_KEY, resolveFeeSettings } from './fee-settings';
import { notSavedText } from '../../history/db/events';

type AllowanceKind = 'auto' | ByokAllowance['kind'];

interface Draft {
  fee: string;
  allowance: AllowanceKind;
  allowanceUsd: string;
  allowanceRequests: string;
  card: string;
  cardMin: string;
  crypto: string;
}

function draftOf(s: ByokFeeSettings): Draft {
  const a = s.allowance;
  return {
    fee: bpsToField(s.feeBps),
    allowance: a === 'auto' ? 'auto' : a.kind,
    allowanceUsd: a !== 'auto' && a.kind === 'list-price' ? microsToField(a.micros) : '25000',
    allowanceRequests: a !== 'auto' && a.kind === 'requests' ? String(a.count) : '1000000',
    card: bpsToField(s.cardFeeBps),
    cardMin: microsToField(s.cardMinFeeMicros),
    crypto: bpsToField(s.cryptoFeeBps),
  };
}

function settingsOf(d: Draft): ByokFeeSettings | string {
  const fee = parsePercentField(d.fee);
  const card = parsePercentField(d.card);
  const crypto = parsePercentField(d.crypto);
  const cardMin = parseUsdField(d.cardMin);
  if (fee === null || card === null || crypto === null) return 'Percentages must be numbers from 0 to 100.';
  if (!cardMin.ok) return 'The minimum card fee must be a dollar amount.';
  let allowance: ByokFeeSettings['allowance'] = 'auto';
  if (d.allowance === 'none') allowance = { kind: 'none' };
  else if (d.allowance === 'list-price') {
    const a = parseUsdField(d.allowanceUsd);
    if (!a.ok || a.micros === null) return 'The free allowance must be a dollar amount.';
    allowance = { kind: 'list-price', micros: a.micros };
  } else if (d.allowance === 'requests') {
    const n = Number(d.allowanceRequests);
    if (!Number.isInteger(n) || n < 0) return 'The free allowance must be a whole number of requests.';
    allowance = { kind: 'requests', count: n };
  }
  return { feeBps: fee, allowance, cardFeeBps: card, cardMinFeeMicros: cardMin.micros ?? 0, cryptoFeeBps: crypto };
}

function FeeForm({ initial, save }: { initial: ByokFeeSettings; save: (s: ByokFeeSettings) => Promise<void> }) {
  const [d, setD] = useState<Draft>(() => draftOf(initial));
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }));
  const submit = async (next: ByokFeeSettings) => {
    try {
      await save(next);
    } catch (err) {
      return setNote({ error: true, text: notSavedText(err) });
    }
    setD(draftOf(next));
    setNote({ error: false, text: 'Saved.' });
  };
  return (
    <form
      className="money-form"
      aria-label="BYOK fee settings"
      onSubmit={(e) => {
        e.preventDefault();
        const s = settingsOf(d);
        if (typeof s === 'string') setNote({ error: true, text: s });
        else void submit(s);
      }}
    >
      <label>
        OpenRouter BYOK fee (%)
        <input inputMode="decimal" value={d.fee} onChange={set('fee')} />
      </label>
      <label>
        Free allowance
        <select value={d.allowance} onChange={(e) => setD((x) => ({ ...x, allowance: e.target.value as AllowanceKind }))}>
          <option value="auto">OpenRouter’s rule on the day (now $25,000 a month)</option>
          <option value="list-price">List-price usage per month</option>
          <option value="requests">Requests per month</option>
          <option value="none">None</option>
        </select>
      </label>
      {d.allowance === 'list-price' ? (
        <label>
          Free list-price usage per month (USD)
          <input inputMode="decimal" value={d.allowanceUsd} onChange={set('allowanceUsd')} />
        </label>
      ) : null}
      {d.allowance === 'requests' ? (
        <label>
          Free requests per month
          <input inputMode="numeric" value={d.allowanceRequests} onChange={set('allowanceRequests')} />
        </label>
      ) : null}
      <label>
        Card purchase fee (%)
        <input inputMode="decimal" value={d.card} onChange={set('card')} />
      </label>
      <label>
        Minimum card fee (USD)
        <input inputMode="decimal" value={d.cardMin} onChange={set('cardMin')} />
      </label>
      <label>
        Crypto purchase fee (%)
        <input inputMode="decimal" value={d.crypto} onChange={set('crypto')} />
      </label>
      <div className="money-form-actions">
        <button type="submit" className="primary">Save fee settings</button>
        <button type="button" onClick={() => void submit(DEFAULT_BYOK_FEE_SETTINGS)}>Reset fee settings to defaults</button>
        {note ? <span role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : 'muted'}>{note.text}</span> : null}
      </div>
    </form>
  );
}

/** Settings → the rates the BYOK fee calculator uses. */
export function FeeSettingsSection() {
  const { value, loaded, save } = useLedgerSetting<Partial<ByokFeeSettings>>(FEE_SETTINGS_KEY);
  return (
    <section aria-labelledby="fee-settings-heading">
      <h2 id="fee-settings-heading">BYOK fee comparison</h2>
      <p className="muted">Rates the Activity page uses to compare paying providers directly, through OpenRouter with your keys, or with OpenRouter credits.</p>
      {loaded ? <FeeForm initial={resolveFeeSettings(value)} save={save} /> : <p className="muted">Loading…</p>}
    </section>
  );
}
