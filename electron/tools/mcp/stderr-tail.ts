import type { Stream } from 'node:stream';

/** Keeps the last `max` lines a server wrote to stderr (each cut to 500 characters), for the failed state. */
export function createStderrTail(max = 20) {
  const lines: string[] = [];
  let partial = '';
  const push = (line: string) => {
    lines.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
    if (lines.length > max) lines.splice(0, lines.length - max);
  };
  return {
    attach(stream: Stream | null) {
      stream?.on('data', (chunk: Buffer) => {
        const parts = (partial + chunk.toString('utf8')).split(/\r?\n/);
        partial = parts.pop() ?? '';
        if (partial.length > 4096) partial = partial.slice(-4096);
        for (const p of parts) push(p);
      });
    },
    lines: (): string[] => (partial ? [...lines, partial].slice(-max) : [...lines]),
  };
}
