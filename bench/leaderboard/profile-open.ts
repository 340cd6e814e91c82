// `npx tsx bench/leaderboard/profile-open.ts [out-dir]`: what the page does while the leaderboard opens over
// 10,000 votes / 100,000 generations. Seeds as the bench does, opens it once (the self-heal), then records one
// timed open under a Chromium trace and a JS CPU profile and prints the busiest trace events and JS functions.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../test/e2e/support/browser';
import { startFakeHost } from '../../test/e2e/support/fake-host';
import { seed, spec, timeOpen } from './leaderboard.bench';
import { openAppPage } from '../ui/support/app-page';

const out = process.argv[2] ?? '/tmp/parley-leaderboard-profile';
mkdirSync(out, { recursive: true });
const host = await startFakeHost();
const browser = await launchChromium();
try {
  const page = await openAppPage(browser, host.url);
  await seed(page, spec(10_000, 100_000));
  console.log('first open (rebuild):', (await timeOpen(page, 10_000)).toFixed(0), 'ms');
  console.log('second open:', (await timeOpen(page, 10_000)).toFixed(0), 'ms');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, { path: join(out, 'trace.json'), categories: ['devtools.timeline', 'blink', 'IndexedDB', 'v8', 'disabled-by-default-devtools.timeline'] });
  await cdp.send('Profiler.start');
  // the open under the profiler: reload etc. are inside timeOpen, so the profile covers the app's start too
  const ms = await timeOpen(page, 10_000);
  const { profile } = await cdp.send('Profiler.stop');
  await browser.stopTracing();
  console.log('profiled open:', ms.toFixed(0), 'ms');
  writeFileSync(join(out, 'open.cpuprofile'), JSON.stringify(profile));
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; };
  const self = new Map<number, number>();
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const n of profile.nodes as Node[]) {
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    byFn.set(k, (byFn.get(k) ?? 0) + (self.get(n.id) ?? 0) / 1000);
  }
  console.log('JS self time (ms), top 25:');
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(8), k);
} finally {
  await browser.close();
  await host.close();
}
