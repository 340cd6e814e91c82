/** An environment variable or header in the form: a name, and a value typed now (empty: keep the sealed one). */
export interface SecretRow {
  name: string;
  value: string;
  /** A value is already sealed in main for this name. */
  set: boolean;
}

/** The rows as the route takes them: a typed value is sent once; an untouched sealed one is sent by name only. */
export function toSecretEntries(rows: SecretRow[]): { name: string; value?: string }[] {
  return rows
    .filter((r) => r.name.trim())
    .map((r) => (r.value || !r.set ? { name: r.name.trim(), value: r.value } : { name: r.name.trim() }));
}
