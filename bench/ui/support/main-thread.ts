import type { Page } from 'playwright-core';

// The page's main-thread tasks, read from a Chromium trace: wall time (what the user waits) and the thread's CPU
// time (what the page's own work costs; unlike wall time, it does not grow when other processes load the machine).

export interface MainThreadTasks {
  /** the longest task, wall-clock ms */
  longestMs: number;
  /** the most CPU time one task took, ms */
  longestCpuMs: number;
  /** tasks over 50 ms of wall time */
  over50: number;
}

interface TraceEvent { name: string; ph: string; tid: number; pid: number; dur?: number; tdur?: number; args?: { name?: string } }

export async function traceMainThread<T>(page: Page, fn: () => Promise<T>): Promise<{ result: T; tasks: MainThreadTasks }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,__metadata', transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await fn();
  } finally {
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
  }
  // the renderer main thread that ran the page's scripts
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const calls = new Map<string, number>();
  for (const e of events) if (e.name === 'FunctionCall' && mains.has(`${e.pid}:${e.tid}`)) calls.set(`${e.pid}:${e.tid}`, (calls.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...calls.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && `${e.pid}:${e.tid}` === main);
  return {
    result: result!,
    tasks: {
      longestMs: Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000)),
      longestCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? 0) / 1000)),
      over50: tasks.filter((t) => (t.dur ?? 0) > 50_000).length,
    },
  };
}
