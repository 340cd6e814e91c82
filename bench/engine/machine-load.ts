import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

// How busy other jobs kept the machine while a benchmark ran. The load average cannot tell: it counts the
// benchmark's own processes (relay, fake provider, client) too, so a run on an idle machine looks loaded. On Linux
// this takes the CPU time the whole machine used over the run (/proc/stat) and subtracts what the benchmark's own
// processes used (/proc/<pid>/stat); elsewhere it falls back to the 1-min load average.

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux Parley runs on
const HEAVY_CPUS = 0.5; // other jobs using more than half a CPU on average make the figures noisier

function machineBusyTicks(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return user! + nice! + system! + irq! + softirq! + (steal ?? 0);
  } catch {
    return undefined;
  }
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the name may hold spaces
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0;
  }
}

export interface LoadMeter {
  /** Take the end reading: call before the benchmark's child processes exit. */
  stop(): void;
  /** e.g. "other jobs kept 0.1 of 2 CPUs busy (1-min load average 2.4, the benchmark included)". */
  note(): string;
}

/** Starts measuring; `pids` are the benchmark's child processes (this process is always counted). */
export function loadMeter(pids: () => number[]): LoadMeter {
  const own = () => [process.pid, ...pids()].reduce((sum, pid) => sum + processTicks(pid), 0);
  const start = { machine: machineBusyTicks(), own: own(), t: performance.now() };
  let others: number | undefined;
  return {
    stop() {
      const machine = machineBusyTicks();
      if (machine === undefined || start.machine === undefined || others !== undefined) return;
      const seconds = (performance.now() - start.t) / 1000;
      const ticks = machine - start.machine - (own() - start.own);
      others = seconds > 0 ? Math.max(0, ticks / TICKS_PER_SECOND / seconds) : 0;
    },
    note() {
      const cpus = availableParallelism();
      const load = `1-min load average ${loadavg()[0]!.toFixed(1)}, the benchmark included`;
      if (others === undefined) {
        return loadavg()[0]! > cpus ? `${load}: measured under heavy load` : load;
      }
      const heavy = others > HEAVY_CPUS ? ' — measured under heavy load from other jobs' : '';
      return `other jobs kept ${others.toFixed(1)} of ${cpus} CPUs busy (${load})${heavy}`;
    },
  };
}
