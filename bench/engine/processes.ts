import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeScript } from '../../test/fakes';

// Child processes for benchmarks that measure a relay the way it runs: the provider and the app that reads the
// stream are other programs, so their CPU is not the relay's.

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function child(file: string): ChildProcess {
  return fork(here(file), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const stop = (p: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (p.exitCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.disconnect();
  });

/** The fake provider in a child process; `reset` is a no-op (what it records is not this process's memory). */
export async function fakeProcess(script: FakeScript): Promise<{ url: string; pid: number; reset(): void; close(): Promise<void> }> {
  const p = child('./fake-process.ts');
  const url = await new Promise<string>((resolve, reject) => {
    p.once('message', (m: { url: string }) => resolve(m.url));
    p.once('exit', (code) => reject(new Error(`fake process exited with ${code}`)));
    p.send(script);
  });
  return { url, pid: p.pid!, reset: () => {}, close: () => stop(p) };
}

export interface ClientRun {
  chunks: number;
  ms: number;
  cpuMs: number;
}

export interface ClientProcess {
  pid: number;
  read(url: string, headers: Record<string, string>, body: string): Promise<ClientRun>;
  /** `n` requests one after another, each timed to its first body byte (ms). */
  ttft(url: string, headers: Record<string, string>, body: string, n: number): Promise<number[]>;
  close(): Promise<void>;
}

export function clientProcess(): ClientProcess {
  const p = child('./client-process.ts');
  let next = 0;
  const ask = <T>(job: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      const onMessage = (m: { id: number; error?: string } & T) => {
        if (m.id !== id) return;
        p.off('message', onMessage);
        if (m.error) reject(new Error(m.error));
        else resolve(m);
      };
      p.on('message', onMessage);
      p.send({ id, ...job });
    });
  return {
    pid: p.pid!,
    read: (url, headers, body) => ask<ClientRun>({ url, headers, body }),
    ttft: async (url, headers, body, n) => (await ask<{ firstByteMs: number[] }>({ url, headers, body, ttft: n })).firstByteMs,
    close: () => stop(p),
  };
}
