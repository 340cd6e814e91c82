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
  stop(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '../../..');

/** Runs the built host exactly as `npm run host` does (dist/main/host.js) with a throwaway data directory. */
export async function startHostProcess(opts: { env?: Record<string, string>; args?: string[]; dataDir?: string } = {}): Promise<HostProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'dist/main/host.js'), '--port', '0', '--data-dir', dataDir, ...(opts.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', () => {
      const m = /Parley is running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`host exited with ${code}:\n${out}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: /token=([^&]+)/.exec(parsed.hash)![1]!,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
