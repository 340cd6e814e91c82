import { readFileSync, existsSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SecretCipher } from './cipher';
import type { KeySummary } from '../../shared/contract/routes';

export type VaultKind = KeySummary['kind'];

interface StoredEntry {
  id: string;
  kind: VaultKind;
  label: string;
  baseUrl?: string;
  sealed?: string; // base64 of the cipher's output; absent for keyless endpoints (local servers)
  hint: string;
  createdAt: number;
}

/** A key as main needs it to call an upstream. Never leaves the main process. */
export interface VaultSecret {
  id: string;
  kind: VaultKind;
  label: string;
  baseUrl?: string;
  apiKey?: string;
}

export function keyHint(apiKey: string | undefined): string {
  if (!apiKey) return 'no key';
  return `••••${apiKey.slice(-4)}`;
}

export function createKeyVault(dataDir: string, cipher: SecretCipher) {
  const file = join(dataDir, 'keys.json');
  let entries: StoredEntry[] = load();

  function load(): StoredEntry[] {
    if (!existsSync(file)) return [];
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version: number; entries: StoredEntry[] };
    if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('keys.json has an unknown format');
    return parsed.entries;
  }

  function save() {
    writeFileAtomic(file, JSON.stringify({ version: 1, entries }, null, 2), 0o600);
  }

  const summary = (e: StoredEntry): KeySummary => ({
    id: e.id,
    kind: e.kind,
    label: e.label,
    ...(e.baseUrl ? { baseUrl: e.baseUrl } : {}),
    hint: e.hint,
    source: 'vault',
    createdAt: e.createdAt,
  });

  return {
    cipherName: cipher.name,
    list(): KeySummary[] {
      return entries.map(summary);
    },
    set(input: { id?: string; kind: VaultKind; label: string; baseUrl?: string; apiKey?: string }): KeySummary {
      const id = input.id ?? `${input.kind}:${randomUUID().slice(0, 8)}`;
      const previous = entries.find((e) => e.id === id);
      const entry: StoredEntry = {
        id,
        kind: input.kind,
        label: input.label,
        ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
        ...(input.apiKey ? { sealed: cipher.encrypt(input.apiKey).toString('base64') } : {}),
        hint: keyHint(input.apiKey),
        createdAt: previous?.createdAt ?? Date.now(),
      };
      entries = [...entries.filter((e) => e.id !== id), entry];
      save();
      return summary(entry);
    },
    remove(id: string): boolean {
      const before = entries.length;
      entries = entries.filter((e) => e.id !== id);
      if (entries.length === before) return false;
      save();
      return true;
    },
    /** Decrypted secrets for the engine. An entry that cannot be decrypted (the OS keychain changed) is skipped
     * and reported by id, never by content. */
    secrets(onUnreadable?: (id: string) => void): VaultSecret[] {
      return entries.flatMap((e) => {
        try {
          const apiKey = e.sealed ? cipher.decrypt(Buffer.from(e.sealed, 'base64')) : undefined;
          return [{ id: e.id, kind: e.kind, label: e.label, ...(e.baseUrl ? { baseUrl: e.baseUrl } : {}), ...(apiKey ? { apiKey } : {}) }];
        } catch {
          onUnreadable?.(e.id);
          return [];
        }
      });
    },
  };
}

export type KeyVault = ReturnType<typeof createKeyVault>;
