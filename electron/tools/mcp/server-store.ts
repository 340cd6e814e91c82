import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { writeFileAtomic } from '../../fs/write-file-atomic';
import type { SecretCipher } from '../../vault/cipher';
import { mcpServerInputSchema } from '../../../shared/contract/mcp';
import { storedFileSchema, type SealedEntry, type StoredServer } from './stored-server';
import { commandLine } from './command-line';

export type McpServerSave = z.output<typeof mcpServerInputSchema>;

/** A server setting the store refuses, with the reason in words. */
export class McpConfigError extends Error {
  override name = 'McpConfigError';
}

/** What main needs to start a server: its settings with env and header values unsealed. Never leaves main. */
export type UnsealedServer =
  | (Extract<StoredServer, { transport: 'stdio' }> & { envValues: Record<string, string> })
  | (Extract<StoredServer, { transport: 'http' }> & { headerValues: Record<string, string> });

function checkUrl(raw: string): void {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new McpConfigError(`An MCP server URL must start with http:// or https:// (got ${url.protocol.slice(0, 20)})`);
  if (url.username || url.password) throw new McpConfigError('Put credentials in a header (e.g. Authorization), not in the URL');
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'server';
}

/** The MCP server list, kept in mcp-servers.json. Writes first and changes memory only once the file is on disk
 * (a full disk throws and changes nothing). An unreadable file is kept aside, not erased. */
export function createMcpServerStore(dataDir: string, cipher: SecretCipher) {
  const file = join(dataDir, 'mcp-servers.json');
  let servers: StoredServer[] = load();

  function load(): StoredServer[] {
    if (!existsSync(file)) return [];
    try {
      return storedFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).servers;
    } catch (err) {
      const aside = `${file}.corrupt-${Date.now()}`;
      renameSync(file, aside);
      console.warn(`mcp-servers.json was unreadable (${(err as Error).name}); kept it as ${aside}`);
      return [];
    }
  }

  function write(next: StoredServer[]) {
    writeFileAtomic(file, JSON.stringify({ version: 1, servers: next }, null, 2));
    servers = next;
  }

  /** New values are sealed; an entry sent without a value keeps the value it had under that name. */
  function seal(entries: { name: string; value?: string | undefined }[], previous: SealedEntry[], what: string): SealedEntry[] {
    const seen = new Set<string>();
    return entries.map((e) => {
      if (seen.has(e.name)) throw new McpConfigError(`The ${what} ${e.name.slice(0, 60)} is given twice`);
      seen.add(e.name);
      if (e.value !== undefined) return { name: e.name, sealed: cipher.encrypt(e.value).toString('base64') };
      const kept = previous.find((p) => p.name === e.name);
      if (!kept) throw new McpConfigError(`The ${what} ${e.name.slice(0, 60)} has no value`);
      return kept;
    });
  }

  function unseal(entries: SealedEntry[]): Record<string, string> {
    return Object.fromEntries(entries.map((e) => [e.name, cipher.decrypt(Buffer.from(e.sealed, 'base64'))]));
  }

  function freeId(name: string): string {
    const base = slug(name);
    if (!servers.some((s) => s.id === base)) return base;
    return `${base.slice(0, 40)}-${randomUUID().slice(0, 6)}`;
  }

  return {
    list: (): readonly StoredServer[] => servers,
    get: (id: string): StoredServer | undefined => servers.find((s) => s.id === id),
    /** Adds a server, or replaces the one with the same id (its confirmation holds only if the command line is
     * unchanged). */
    save(input: McpServerSave): StoredServer {
      const previous = input.id ? servers.find((s) => s.id === input.id) : undefined;
      if (input.id && !previous) throw new McpConfigError('No such MCP server');
      if (previous && previous.transport !== input.transport) throw new McpConfigError('A server cannot change between a command and a URL; add a new one');
      const id = previous?.id ?? freeId(input.name);
      const common = { id, name: input.name, enabled: input.enabled ?? previous?.enabled ?? true, createdAt: previous?.createdAt ?? Date.now() };
      let entry: StoredServer;
      if (input.transport === 'stdio') {
        const prevEnv = previous?.transport === 'stdio' ? previous.env : [];
        const cwd = input.cwd?.trim();
        const next = { ...common, transport: 'stdio' as const, command: input.command, args: input.args, env: seal(input.env, prevEnv, 'environment variable'), ...(cwd ? { cwd } : {}) };
        const confirmed = previous?.transport === 'stdio' ? previous.confirmedCommandLine : undefined;
        entry = { ...next, ...(confirmed && confirmed === commandLine(next) ? { confirmedCommandLine: confirmed } : {}) };
      } else {
        checkUrl(input.url);
        const prevHeaders = previous?.transport === 'http' ? previous.headers : [];
        entry = { ...common, transport: 'http', url: input.url, headers: seal(input.headers, prevHeaders, 'header') };
      }
      write(previous ? servers.map((s) => (s.id === id ? entry : s)) : [...servers, entry]);
      return entry;
    },
    setEnabled(id: string, enabled: boolean): StoredServer | undefined {
      const found = servers.find((s) => s.id === id);
      if (!found) return undefined;
      const entry = { ...found, enabled };
      write(servers.map((s) => (s.id === id ? entry : s)));
      return entry;
    },
    /** Records the user's confirmation of the command line they were shown; false when it is no longer the
     * server's (it was edited meanwhile). */
    confirm(id: string, shown: string): boolean {
      const found = servers.find((s) => s.id === id);
      if (found?.transport !== 'stdio' || commandLine(found) !== shown) return false;
      write(servers.map((s) => (s.id === id ? { ...found, confirmedCommandLine: shown } : s)));
      return true;
    },
    remove(id: string): boolean {
      if (!servers.some((s) => s.id === id)) return false;
      write(servers.filter((s) => s.id !== id));
      return true;
    },
    unsealed(id: string): UnsealedServer | undefined {
      const s = servers.find((x) => x.id === id);
      if (!s) return undefined;
      return s.transport === 'stdio' ? { ...s, envValues: unseal(s.env) } : { ...s, headerValues: unseal(s.headers) };
    },
  };
}

export type McpServerStore = ReturnType<typeof createMcpServerStore>;
