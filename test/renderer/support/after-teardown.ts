import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs `settle` with `window` gone from the global scope, as it is once vitest has torn a jsdom file's environment
 * down, then gives what `settle` released a few turns of the event loop to run. A React state update asked for then
 * throws "window is not defined" (react-dom reads `window.event` for every update, even one on an unmounted
 * component), which is how a late update becomes an unhandled rejection that fails a whole run. Returns what was
 * thrown or rejected meanwhile; vitest reports it as well.
 */
export async function afterTeardown(settle: () => void | Promise<void>, turns = 10): Promise<unknown[]> {
  const errors: unknown[] = [];
  const keep = (e: unknown) => void errors.push(e);
  process.on('unhandledRejection', keep);
  process.on('uncaughtException', keep);
  const g = globalThis as { window?: unknown };
  const win = g.window;
  delete g.window;
  try {
    await settle();
    for (let i = 0; i < turns; i++) await nextTurn();
  } finally {
    g.window = win;
    process.off('unhandledRejection', keep);
    process.off('uncaughtException', keep);
  }
  return errors;
}
