import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
const reason = (err: unknown) => (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;

export interface Tmpfs {
  dir: string;
  /** Unmounts and deletes the folder; safe to call more than once. */
  remove(): void;
}

/** Mounts a tmpfs of `size` (such as '32m') on a new folder. Mounting needs root: where it is refused, this throws
 * saying so (the test fails, it never skips). Call `remove` from an afterAll too, which runs even after a timeout. */
export function mountTmpfs(size: string): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'parley-tmpfs-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`This test needs a real small disk: mounting a ${size} tmpfs on ${dir} failed (run it as root): ${reason(err)}`, { cause: err });
  }
  let mounted = true;
  return {
    dir,
    remove() {
      if (mounted) {
        try {
          run('umount', [dir]);
        } catch {
          run('umount', ['--lazy', dir]); // a process that has not let go yet (a Chromium helper)
        }
        mounted = false;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
