import type { ServerResponse } from 'node:http';

// Writes SSE text to a response. Events produced in one burst (one upstream read) are joined into one socket
// write; while the socket is backed up, `write` returns a promise the engine waits for before reading more.

export class SseWriter {
  private pending = '';
  private scheduled = false;
  private blocked: Promise<void> | null = null;

  constructor(private readonly res: ServerResponse) {}

  flush(): void {
    this.scheduled = false;
    if (this.res.destroyed || this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    if (!this.res.write(text) && !this.blocked) this.blocked = drained(this.res, () => (this.blocked = null));
  }

  /** Queue one or more complete SSE events; returns a promise while the socket is backed up. */
  write(text: string): void | Promise<void> {
    this.pending += text;
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(flushWriter, this);
    }
    return this.blocked ?? undefined;
  }

  /** End the response with what is queued and, optionally, a last raw text — one socket write, not two. */
  end(text?: string): void {
    const last = this.pending + (text ?? '');
    this.pending = '';
    this.res.end(last === '' ? undefined : last);
  }
}

function flushWriter(w: SseWriter): void {
  w.flush();
}

/** Resolves when the response can take more, or has closed. */
function drained(res: ServerResponse, done: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const settle = () => {
      res.off('drain', settle);
      res.off('close', settle);
      done();
      resolve();
    };
    res.on('drain', settle);
    res.on('close', settle);
  });
}
