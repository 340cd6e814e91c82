import { getParleyDb } from './database';

// Renderer-side preferences (layout, last-used model sets…). Keys never live here: they stay sealed in the main
// process. setSetting refuses anything that looks like a credential, by name or by value.

export class SecretRefusedError extends Error {
  override name = 'SecretRefusedError';
}

// "token" alone only as a whole name or an auth-ish compound, so preferences like maxTokens stay allowed
const SECRET_NAME = /(api[-_]?key|secret|password|passwd|credential|bearer|authorization|private[-_]?key|(access|auth|refresh|session|bearer|api)[-_]?token|^token$)/i;
// Shapes of provider keys: sk-…, sk-or-v1-…, sk-ant-…, AIza…, gsk_…, xai-…, Bearer …
const SECRET_VALUE = /(\bsk-[A-Za-z0-9_-]{16,}|\bAIza[0-9A-Za-z_-]{30,}|\bgsk_[A-Za-z0-9]{20,}|\bxai-[A-Za-z0-9]{20,}|\bBearer\s+[A-Za-z0-9._~+/-]{16,})/;

function findSecret(value: unknown, path: string, depth = 0): string | null {
  if (depth > 20) return null;
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? path : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_NAME.test(k)) return `${path}.${k}`;
      const hit = findSecret(v, `${path}.${k}`, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

/** Throws SecretRefusedError (naming the field, never the value) when `key` or `value` looks like a credential. */
export function assertNoSecret(key: string, value: unknown): void {
  if (SECRET_NAME.test(key)) throw new SecretRefusedError(`setting "${key}" looks like a credential; keys are stored by the main process only`);
  const hit = findSecret(value, key);
  if (hit) throw new SecretRefusedError(`setting "${hit}" looks like a credential; keys are stored by the main process only`);
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  assertNoSecret(key, value);
  await getParleyDb().settings.put({ key, value, updatedAt: Date.now() });
}

export async function getSetting<T = unknown>(key: string): Promise<T | undefined> {
  return (await getParleyDb().settings.get(key))?.value as T | undefined;
}

export async function deleteSetting(key: string): Promise<void> {
  await getParleyDb().settings.delete(key);
}

export async function listSettings(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = Object.create(null);
  for (const row of await getParleyDb().settings.toArray()) out[row.key] = row.value;
  return out;
}
