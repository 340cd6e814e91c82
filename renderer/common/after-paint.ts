import { nextTask } from './next-task';

/** Resolves once the page has painted what is rendered now: after the next animation frame and the task that follows
 * it. A hidden window draws no frames, so it gives up waiting for one after `maxWaitMs`. */
export function afterNextPaint(maxWaitMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void nextTask().then(resolve);
    };
    const timer = setTimeout(finish, maxWaitMs);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(finish);
  });
}
