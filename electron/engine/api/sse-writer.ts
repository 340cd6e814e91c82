import type { ServerResponse } from 'node:http';

// Writes SSE text to a response. Events produced in one burst (one upstream read) are joined into one socket
// write; while the socket is backed up, `write` returns a promise the engine waits for before reading more.
// The stream's first event is the exception: it is the caller's time to first token, so it goes to the socket at
// once (with the status line and headers) rather than after the rest of its burst has been handled.

export class SseWriter {
  private pending = '';
  private scheduled = false;
  private blocked: Promise<void> | null = null;
  private first = true;

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
    if (this.first) {
      this.first = false;
      return this.writeNow(text);
    }
    this.pending += text;
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(flushWriter, this);
    }
    return this.blocked ?? undefined;
  }

  private writeNow(text: string): void | Promise<void> {
    const socket = this.res.socket;
    if (this.res.destroyed || !socket) return;
    const corked = socket.writableCorked;
    if (!this.res.write(text)) this.blocked = drained(this.res, () => (this.blocked = null));
    // A response's first write corks its socket until the next tick (node:http); undoing that one cork sends the
    // headers and the event in one write now, not after the synchronous work of the rest of the burst.
    if (socket.writableCorked > corked) socket.uncork();
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
