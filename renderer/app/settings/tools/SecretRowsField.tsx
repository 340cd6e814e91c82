import type { SecretRow } from './secret-rows';

/** Name/value rows for environment variables or headers. A sealed value is never shown: its field says so. */
export function SecretRowsField({ label, rows, onChange }: { label: string; rows: SecretRow[]; onChange: (rows: SecretRow[]) => void }) {
  const set = (i: number, patch: Partial<SecretRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>{label}</legend>
      {rows.map((r, i) => (
        <div className="mcp-secret-row" key={i}>
          <input aria-label={`${label} ${i + 1} name`} placeholder="NAME" value={r.name} onChange={(e) => set(i, { name: e.target.value })} />
          <input
            aria-label={`${label} ${i + 1} value`}
            type="password"
            autoComplete="off"
            placeholder={r.set ? '•••• set (type to replace)' : 'value'}
            value={r.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <button type="button" className="small" aria-label={`Remove ${label} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => onChange([...rows, { name: '', value: '', set: false }])}>
        Add {label === 'Headers' ? 'a header' : 'a variable'}
      </button>
    </fieldset>
  );
}
