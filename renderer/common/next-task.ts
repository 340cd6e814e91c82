/** Lets the page paint and handle input before what follows: a macrotask, through a message channel because timers
 * are throttled in a hidden window. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
