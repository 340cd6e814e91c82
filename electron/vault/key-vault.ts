import { readFileSync, existsSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SecretCipher } from './cipher';
import type { KeySummary } from '../../shared/contract/routes';
import { UPSTREAM_KIND_INFO } from '../../shared/providers/upstream-kinds';

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

/** What the renderer may see of a key: its last 4 characters, and only when they are at most a third of it
 * (a key shorter than 12 characters shows none). */
export function keyHint(apiKey: string | undefined): string {
  if (!apiKey) return 'no key';
  return apiKey.length >= 12 ? `••••${apiKey.slice(-4)}` : '••••';
}

/** A key entry the vault will not store, with the reason in words. */
export class VaultInputError extends Error {
  override name = 'VaultInputError';
}

/** Base URLs are http(s) only: any other scheme (javascript:, file:, data:) is refused. */
export function checkBaseUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new VaultInputError(`"${baseUrl.slice(0, 80)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VaultInputError(`A base URL must start with http:// or https:// (got ${url.protocol.slice(0, 20)})`);
  }
  if (url.username || url.password) throw new VaultInputError('Put the key in the API key field, not in the base URL');
}

/** Only an OpenAI-compatible server with its own base URL (Ollama, LM Studio, vLLM…) may have no key. A keyless
 * OpenRouter, Anthropic, Gemini or OpenAI entry would be useless, and would hide the key the environment gives
 * for that provider. */
function checkKeyless(input: { kind: VaultKind; baseUrl?: string; apiKey?: string }): void {
  if (input.apiKey) return;
  const ownServer = input.kind === 'openai-compatible' && !!input.baseUrl && new URL(input.baseUrl).hostname !== 'api.openai.com';
  if (ownServer) return;
  throw new VaultInputError(
    `${UPSTREAM_KIND_INFO[input.kind].label} needs an API key (only an OpenAI-compatible server with its own base URL may be saved without one)`,
  );
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

  function save(next: StoredEntry[]) {
    writeFileAtomic(file, JSON.stringify({ version: 1, entries: next }, null, 2));
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
    /** Refuses a bad entry with VaultInputError; writes keys.json first and changes the list only once it is on
     * disk (a full disk throws and changes nothing). */
    set(input: { id?: string; kind: VaultKind; label: string; baseUrl?: string; apiKey?: string }): KeySummary {
      if (input.baseUrl) checkBaseUrl(input.baseUrl);
      checkKeyless(input);
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
      const next = [...entries.filter((e) => e.id !== id), entry];
      save(next);
      entries = next;
      return summary(entry);
    },
    remove(id: string): boolean {
      const next = entries.filter((e) => e.id !== id);
      if (next.length === entries.length) return false;
      save(next);
      entries = next;
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
