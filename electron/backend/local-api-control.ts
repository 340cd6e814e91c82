import { describeWriteFailure, isFileSystemError } from '../fs/write-errors';
import { startLocalApi, type LocalApi, type LocalApiData, type LocalApiOptions } from '../engine';
import type { AppKeys } from './app-keys/app-keys';

/** Starts and stops the local OpenRouter-compatible API as the setting changes. Callers authenticate with the app
 * keys of Settings → Local API; the first key is the token Parley used before (PARLEY_API_TOKEN, or the one it
 * generated into the data directory). */
export function createLocalApiControl(opts: {
  engine: LocalApiOptions['engine'];
  appKeys: AppKeys;
  data?: LocalApiData;
  corsOrigins?: () => readonly string[];
}) {
  let running: LocalApi | null = null;
  let error: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function apply(enabled: boolean, port: number) {
    if (running && (!enabled || running.port !== port && port !== 0)) {
      await running.close();
      running = null;
    }
    if (enabled && !running) {
      try {
        opts.appKeys.ensureFirstKey();
        running = await startLocalApi({
          engine: opts.engine,
          port,
          access: opts.appKeys.access,
          ...(opts.data ? { data: opts.data } : {}),
          ...(opts.corsOrigins ? { corsOrigins: opts.corsOrigins } : {}),
        });
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
      return { running: !!running, url: running?.url ?? null, error };
    },
    /** The first key's token for `npm run host -- --api` to print (env or generated file), if still usable. */
    printableToken: () => opts.appKeys.ensureFirstKey(),
    close: () => (running ? running.close() : Promise.resolve()),
  };
}
