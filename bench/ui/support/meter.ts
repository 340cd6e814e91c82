import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { RENDERER_DIR } from '../../../test/e2e/support/fake-host';

// What the UI benches share: building the renderer when needed, and a frame / long-task meter inside the page.

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

export function ensureBuilt() {
  if (existsSync(join(RENDERER_DIR, 'index.html')) && !process.env.PARLEY_BENCH_REBUILD) return;
  const root = resolve(import.meta.dirname, '../../..');
  const r = spawnSync('npx', ['vite', 'build', '--mode', 'renderer'], { cwd: root, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('renderer build failed');
}

/** Starts counting frames (rAF) and long tasks (> 50 ms, with their start times) in the page. */
export async function startMeter(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __longAt: number[]; __meter: boolean };
    w.__frames = [];
    w.__long = [];
    w.__longAt = [];
    w.__meter = true;
    const loop = (t: number) => {
      w.__frames.push(t);
      if (w.__meter) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__long.push(e.duration);
        w.__longAt.push(e.startTime);
      }
    }).observe({ type: 'longtask', buffered: false });
  });
}

export interface MeterReading {
  fps: number[];
  /** the longest long task that started in the window (0 when none lasted over 50 ms) */
  longest: number;
  longCount: number;
  /** each long task: when it started (ms after `from`) and how long it took */
  longTasks: { at: number; ms: number }[];
  maxGap: number;
}

/** Frames per one-second window, long tasks and the longest gap between frames from `from` to `to`. */
export async function readMeter(page: Page, from: number, to: number): Promise<MeterReading> {
  return page.evaluate(
    ({ from, to }) => {
      const w = window as unknown as { __frames: number[]; __long: number[]; __longAt: number[] };
      const fps: number[] = [];
      for (let t = from; t + 1000 <= to; t += 1000) fps.push(w.__frames.filter((f) => f >= t && f < t + 1000).length);
      const frames = w.__frames.filter((f) => f >= from && f <= to);
      let maxGap = 0;
      for (let i = 1; i < frames.length; i++) maxGap = Math.max(maxGap, frames[i]! - frames[i - 1]!);
      const longTasks = w.__long.map((ms, i) => ({ at: w.__longAt[i]! - from, ms })).filter((t) => t.at >= 0 && t.at <= to - from);
      const long = longTasks.map((t) => t.ms);
      return { fps, longest: Math.max(0, ...long), longCount: long.length, longTasks, maxGap };
    },
    { from, to },
  );
}
