import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { describeWriteFailure, isFileSystemError } from '../fs/write-errors';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startLocalApi, type LocalApi, type LocalApiOptions } from '../engine';

/** Starts and stops the local OpenRouter-compatible API as the setting changes. Its bearer token is Parley's own
 * (not a provider key): PARLEY_API_TOKEN, or one generated once and kept in the data directory. */
export function createLocalApiControl(opts: {
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  engine: LocalApiOptions['engine'];
  models?: LocalApiOptions['models'];
}) {
  let running: LocalApi | null = null;
  let error: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function token(): string {
    if (opts.env.PARLEY_API_TOKEN?.trim()) return opts.env.PARLEY_API_TOKEN.trim();
    const file = join(opts.dataDir, 'local-api-token');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    const fresh = `parley-${randomBytes(24).toString('base64url')}`;
    writeFileAtomic(file, fresh);
    return fresh;
  }

  async function apply(enabled: boolean, port: number) {
    if (running && (!enabled || running.port !== port && port !== 0)) {
      await running.close();
      running = null;
    }
    if (enabled && !running) {
      try {
        running = await startLocalApi({ engine: opts.engine, port, token: token(), env: opts.env, ...(opts.models ? { models: opts.models } : {}) });
        error = null;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        error = code === 'EADDRINUSE' ? `Port ${port} is already in use`
          : isFileSystemError(err) ? describeWriteFailure(err, 'the local API token')
          : 'The local API could not start';
      }
    }
  }

  return {
    /** Serialised so quick toggles never leave two servers. */
    set(enabled: boolean, port: number): Promise<void> {
      const next = queue.then(() => apply(enabled, port));
      queue = next.catch(() => {});
      return next;
    },
    status() {
      return { running: !!running, url: running?.url ?? null, token: running?.token ?? null, error };
    },
    close: () => (running ? running.close() : Promise.resolve()),
  };
}
