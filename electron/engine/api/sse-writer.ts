import type { ServerResponse } from 'node:http';
import type { ChatCompletionChunk } from '../../../shared/openrouter/chat-response';

// Writes chunks as SSE `data:` events. Chunks produced in one burst (one upstream read) are joined into one
// socket write, and the constant head of a chunk (id, object, created, model, provider) is serialised once.

export class SseWriter {
  private pending: string[] = [];
  private scheduled = false;
  private headKey = '';
  private head = '';
  private blocked: Promise<void> | null = null;

  constructor(private readonly res: ServerResponse) {}

  private serialise(c: ChatCompletionChunk): string {
    if (c.usage !== undefined || c.error !== undefined || Object.keys(c).length !== 6) return JSON.stringify(c);
    const key = `${c.id}\u0000${c.created}\u0000${c.model}\u0000${c.provider ?? ''}`;
    if (key !== this.headKey) {
      this.headKey = key;
      const base = JSON.stringify({ id: c.id, object: c.object, created: c.created, model: c.model, provider: c.provider });
      this.head = `${base.slice(0, -1)},"choices":`;
    }
    return `${this.head}${JSON.stringify(c.choices)}}`;
  }

  private readonly flush = () => {
    this.scheduled = false;
    if (this.res.destroyed || this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
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

  /** Queue one chunk; returns a promise while the socket is backed up (the engine then waits). */
  write(chunk: ChatCompletionChunk): void | Promise<void> {
    this.pending.push(`data: ${this.serialise(chunk)}\n\n`);
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
