import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { cachedAuth, tokenHash, type AuthOutcome } from '../../engine';
import { writeFileAtomic } from '../../fs/write-file-atomic';
import type { AppKeyCreate, AppKeyUpdate } from '../../../shared/contract/app-keys';

// The local API's app keys, kept in main: a label, limits, a disabled flag and the SHA-256 of the token — never the
// token. A new key's token is returned once, by `create`. The token Parley used before app keys existed keeps
// working as the first key: PARLEY_API_TOKEN (source `env`), or the generated `local-api-token` file (source
// `file`), whose file stays so `npm run host -- --api` can print it and goes when that key is deleted.

export interface StoredAppKey {
  id: string;
  label: string;
  hash: string; // sha256 hex of the token
  hint: string; // last four characters
  createdAt: number;
  disabled: boolean;
  source: 'created' | 'env' | 'file';
  limitMicros: number | null;
  dailyMicros: number | null;
  monthlyMicros: number | null;
}

const TOKEN_FILE = 'local-api-token';
const hintOf = (token: string) => `••••${token.slice(-4)}`;
const newToken = () => `sk-parley-v1-${randomBytes(32).toString('hex')}`;

export function createAppKeyStore(dataDir: string, env: Readonly<Record<string, string | undefined>>) {
  const file = join(dataDir, 'local-api-keys.json');
  const tokenFile = join(dataDir, TOKEN_FILE);
  let keys: StoredAppKey[] = load();
  let byHash = new Map(keys.map((k) => [k.hash, k]));

  function load(): StoredAppKey[] {
    if (!existsSync(file)) return [];
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys?: StoredAppKey[] };
      return Array.isArray(parsed.keys) ? parsed.keys : [];
    } catch (err) {
      const aside = `${file}.corrupt-${Date.now()}`;
      renameSync(file, aside);
      console.warn(`local-api-keys.json was unreadable (${(err as Error).name}); kept it as ${aside}`);
      return [];
    }
  }

  // Tokens already accepted skip the hash; any change to the keys forgets them (save), so a disabled or deleted
  // key is refused from the next request on.
  const auth = cachedAuth((token): AuthOutcome => {
    const key = byHash.get(tokenHash(token));
    if (!key) return { ok: false, reason: 'unknown' };
    if (key.disabled) return { ok: false, reason: 'disabled' };
    return { ok: true, caller: { keyId: key.id, label: key.label } };
  });

  function save() {
    writeFileAtomic(file, JSON.stringify({ version: 1, keys }, null, 2), 0o600);
    byHash = new Map(keys.map((k) => [k.hash, k]));
    auth.clear();
  }

  function add(token: string, label: string, source: StoredAppKey['source'], limits: Partial<AppKeyCreate> = {}, id = `key_${randomBytes(6).toString('hex')}`): StoredAppKey {
    const key: StoredAppKey = {
      id, label, hash: tokenHash(token), hint: hintOf(token), createdAt: Date.now(), disabled: false, source,
      limitMicros: limits.limitMicros ?? null, dailyMicros: limits.dailyMicros ?? null, monthlyMicros: limits.monthlyMicros ?? null,
    };
    keys = [...keys, key];
    save();
    return key;
  }

  const envToken = env.PARLEY_API_TOKEN?.trim();
  const fileToken = () => (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() || undefined : undefined);
  if (envToken && !byHash.has(tokenHash(envToken))) add(envToken, 'PARLEY_API_TOKEN', 'env', {}, 'env');
  const legacy = fileToken();
  if (legacy && !byHash.has(tokenHash(legacy)) && !keys.some((k) => k.id === 'default')) add(legacy, 'Default key', 'file', {}, 'default');

  return {
    list: (): StoredAppKey[] => keys,
    get: (id: string) => keys.find((k) => k.id === id),

    /** The first key for a Parley that never had one: the legacy token file, made now if missing. Returns the
     * token to print (env or file), if that key still exists and is enabled. */
    ensureFirstKey(): string | undefined {
      if (!existsSync(file) && keys.length === 0) {
        const token = `parley-${randomBytes(24).toString('base64url')}`;
        writeFileAtomic(tokenFile, token, 0o600);
        add(token, 'Default key', 'file', {}, 'default');
      }
      const usable = (t: string | undefined) => (t && byHash.get(tokenHash(t))?.disabled === false ? t : undefined);
      return usable(envToken) ?? usable(fileToken());
    },

    authenticate: (token: string): AuthOutcome => auth.authenticate(token),

    create(input: AppKeyCreate): { key: StoredAppKey; token: string } {
      const token = newToken();
      return { key: add(token, input.label.trim(), 'created', input), token };
    },

    update(patch: AppKeyUpdate): StoredAppKey | undefined {
      const current = keys.find((k) => k.id === patch.id);
      if (!current) return undefined;
      const next: StoredAppKey = { ...current };
      if (patch.label !== undefined) next.label = patch.label.trim();
      if (patch.disabled !== undefined) next.disabled = patch.disabled;
      for (const f of ['limitMicros', 'dailyMicros', 'monthlyMicros'] as const) if (patch[f] !== undefined) next[f] = patch[f];
      keys = keys.map((k) => (k.id === next.id ? next : k));
      save();
      return next;
    },

    remove(id: string): boolean {
      const key = keys.find((k) => k.id === id);
      if (!key) return false;
      keys = keys.filter((k) => k !== key);
      save();
      if (key.source === 'file') rmSync(tokenFile, { force: true });
      return true;
    },
  };
}

export type AppKeyStore = ReturnType<typeof createAppKeyStore>;
