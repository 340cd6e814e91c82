import type { LimitFields } from './limit-fields';

/** Credit limit, daily and monthly budget inputs, labelled for `who` (a key's name, or "New key"). */
export function LimitInputs({ who, fields, onChange }: { who: string; fields: LimitFields; onChange: (f: LimitFields) => void }) {
  const input = (which: keyof LimitFields, label: string) => (
    <label>
      {label}
      <input
        inputMode="decimal"
        aria-label={`${who} ${label.toLowerCase()}`}
        placeholder="no limit"
        value={fields[which]}
        onChange={(e) => onChange({ ...fields, [which]: e.target.value })}
      />
    </label>
  );
  return (
    <>
      {input('limit', 'Credit limit (USD)')}
      {input('daily', 'Daily budget (USD)')}
      {input('monthly', 'Monthly budget (USD)')}
    </>
  );
}
