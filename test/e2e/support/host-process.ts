import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface HostProcess {
  url: string; // with #token=
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  output: () => string;
  /** SIGTERM (a clean stop), or SIGKILL (`kill -9`: nothing runs after it). Keeps the data directory. */
  kill(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  stop(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '../../..');

export interface HostProcessOptions {
  env?: Record<string, string>;
  args?: string[];
  dataDir?: string;
  /** --port to pass; null passes none (the host picks its remembered or default port). Default 0: any free port. */
  port?: number | null;
}

/** The built host, run exactly as `npm run host` does (dist/main/host.js), with its output; no waiting. */
export function spawnHost(dataDir: string, opts: HostProcessOptions = {}): { child: ChildProcess; output: () => string } {
  const port = opts.port === undefined ? 0 : opts.port;
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  if (!opts.env?.PARLEY_PORT) delete env.PARLEY_PORT;
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repoRoot, 'dist/main/host.js'), ...(port === null ? [] : ['--port', String(port)]), '--data-dir', dataDir, ...(opts.args ?? [])],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out };
}

/** Runs the built host exactly as `npm run host` does (dist/main/host.js) with a throwaway data directory. */
export async function startHostProcess(opts: HostProcessOptions = {}): Promise<HostProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const { child, output } = spawnHost(dataDir, opts);
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start:\n${output()}`)), 20_000);
    const look = () => {
      const m = /Parley is running at (\S+)/.exec(output());
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    look();
    child.once('exit', (code) => fail(new Error(`host exited with ${code}:\n${output()}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: /token=([^&]+)/.exec(parsed.hash)![1]!,
    dataDir,
    output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
