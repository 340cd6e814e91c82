import 'fake-indexeddb/auto';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterTeardown } from './support/after-teardown';

// findBy…/waitFor give up after 5 s rather than 1 s: a test asserts what the user ends up seeing, not how fast a
// loaded CI machine gets there.
configure({ asyncUtilTimeout: 5_000 });

// Work a test leaves running must not outlive it: once a file's last test is done, vitest removes `window`, and a
// late React state update then fails the whole run with "window is not defined" — only now and then, when the
// machine is slow. So after every test, unmount what it rendered and let what is already settling land with
// `window` gone, and at the end of the file give slower work (disk, timers) a while longer: a late update then
// fails here, every time, next to the test that left it.
const failOn = (errors: unknown[], when: string) => {
  if (errors.length) throw new AggregateError(errors, `work left running failed ${when}: ${errors.map(String).join('; ')}`);
};
afterEach(async () => {
  cleanup();
  // React's own scheduler may still hold a task from the test's last render (it reads window.event too); it runs
  // on the next turn or two, as it would before a real teardown.
  for (let i = 0; i < 2; i++) await nextTurn();
  failOn(await afterTeardown(() => undefined), 'once its test was over');
});
afterAll(async () => {
  failOn(await afterTeardown(() => sleep(50)), 'once its file was over');
});
