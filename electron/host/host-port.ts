import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/write-file-atomic';

// The browser keeps Parley's conversations per origin (http://127.0.0.1:<port>): a new port is a new, empty
// IndexedDB. So the host uses one port, launch after launch: --port / PARLEY_PORT when given, else the port the
// last launch used (kept in <data dir>/host.json), else DEFAULT_HOST_PORT. It never silently moves to another one.

/** Outside the ephemeral range (Linux 32768–60999, Windows and macOS 49152–65535), so an outgoing connection never
 * takes it, and next to the local API's default 8788. */
export const DEFAULT_HOST_PORT = 8789;
const FILE = 'host.json';

export type PortSource = 'flag' | 'env' | 'remembered' | 'default';

export interface PortChoice {
  port: number; // 0 = any free port (asked for explicitly)
  source: PortSource;
}

export class PortArgumentError extends Error {
  override name = 'PortArgumentError';
}

function parsePort(text: string, where: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new PortArgumentError(`Invalid port "${text}" (${where}): use a number from 1 to 65535, or 0 for any free port`);
  return port;
}

/** The port the last launch served on, if it was remembered. */
export function rememberedPort(dataDir: string): number | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  try {
    const port = (JSON.parse(readFileSync(file, 'utf8')) as { port?: unknown }).port;
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

export function choosePort(opts: { flag?: string; env?: string; dataDir: string }): PortChoice {
  if (opts.flag !== undefined) return { port: parsePort(opts.flag, '--port'), source: 'flag' };
  if (opts.env !== undefined && opts.env !== '') return { port: parsePort(opts.env, 'PARLEY_PORT'), source: 'env' };
  const remembered = rememberedPort(opts.dataDir);
  return remembered !== null ? { port: remembered, source: 'remembered' } : { port: DEFAULT_HOST_PORT, source: 'default' };
}

/** Keeps the port actually served on for the next launch. A failed write only costs that memory. */
export function rememberPort(dataDir: string, port: number): void {
  if (rememberedPort(dataDir) === port) return;
  try {
    writeFileAtomic(join(dataDir, FILE), JSON.stringify({ port }) + '\n');
  } catch (err) {
    console.warn(`could not remember port ${port} for the next launch (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** One line for a port that is taken, saying why Parley does not just pick another and how to choose one. */
export function portInUseMessage(choice: PortChoice): string {
  const why = choice.source === 'remembered' ? 'the port Parley used last time' : choice.source === 'default' ? "Parley's default port" : `the port you asked for (${choice.source === 'flag' ? '--port' : 'PARLEY_PORT'})`;
  return (
    `Port ${choice.port} is already in use (${why}) — is Parley already running? Then open the link it printed. ` +
    `Parley does not move to another port by itself, because the browser keeps your conversations per address ` +
    `(http://127.0.0.1:${choice.port}). To use another port, start with --port <n> or PARLEY_PORT=<n>; that address ` +
    `opens with an empty history, which you can restore from the backups in the data directory.`
  );
}

/** Whether 127.0.0.1:`port` can be listened on right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}
