import type { ServerResponse } from 'node:http';

// Writes SSE text to a response. Events produced in one burst (one upstream read) are joined into one socket
// write; while the socket is backed up, `write` returns a promise the engine waits for before reading more.

export class SseWriter {
  private pending = '';
  private scheduled = false;
  private blocked: Promise<void> | null = null;

  constructor(private readonly res: ServerResponse) {}

  private readonly flush = () => {
    this.scheduled = false;
    if (this.res.destroyed || this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    if (!this.res.write(text) && !this.blocked) {
      this.blocked = new Promise<void>((resolve) => {
        const done = () => {
          this.res.off('drain', done);
          this.res.off('close', done);
          this.blocked = null;
          resolve();
        };
        this.res.on('drain', done);
        this.res.on('close', done);
      });
    }
  };

  /** Queue one or more complete SSE events; returns a promise while the socket is backed up. */
  write(text: string): void | Promise<void> {
    this.pending += text;
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(this.flush);
    }
    return this.blocked ?? undefined;
  }

  /** Flush what is queued and end the response, optionally with a last raw text. */
  end(text?: string): void {
    if (this.scheduled) this.flush();
    this.res.end(text);
  }
}
