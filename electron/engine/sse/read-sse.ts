import { createParser } from 'eventsource-parser';
import { StringDecoder } from 'node:string_decoder';

// Bytes → server-sent events. Tolerates any byte split (including inside multi-byte UTF-8 characters, which the
// streaming decoder holds back), CR / LF / CRLF line endings and comment lines. The body's own errors
// (connection reset, abort) propagate unchanged so the caller can tell a network failure from a bad stream.

export interface SseEvent {
  event?: string;
  data: string;
}

export interface SseStream extends AsyncIterable<SseEvent> {
  /** Set once iteration has finished: true when the body ended on an event boundary, false when it stopped
   * inside an event (a half-received event is dropped, as the SSE spec says). Undefined while reading or
   * when the consumer stopped early. */
  readonly endedCleanly: boolean | undefined;
  /** The same events, as the batches each read of the body completed: a fast provider sends dozens of events per
   * TCP segment, and one await per batch instead of one per event halves a relay's cost per chunk. */
  batches(): AsyncIterable<SseEvent[]>;
}

export interface ReadSseOptions {
  /** Largest event (characters) accepted before the stream is rejected; default 32 Mi characters. */
  maxBufferSize?: number;
  onComment?: (text: string) => void;
}

export class SseBufferOverflowError extends Error {
  constructor(limit: number) {
    super(`an event exceeded ${limit} characters`);
    this.name = 'SseBufferOverflowError';
  }
}

const DEFAULT_MAX_BUFFER = 32 * 1024 * 1024;

class SseReader implements SseStream {
  endedCleanly: boolean | undefined = undefined;

  constructor(
    private readonly body: AsyncIterable<Uint8Array>,
    private readonly opts: ReadSseOptions,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<SseEvent> {
    for await (const batch of this.batches()) for (const ev of batch) yield ev;
  }

  async *batches(): AsyncGenerator<SseEvent[]> {
    const limit = this.opts.maxBufferSize ?? DEFAULT_MAX_BUFFER;
    // StringDecoder decodes as TextDecoder does (invalid bytes → U+FFFD) at a tenth of the cost per read; the
    // byte order mark TextDecoder would drop is dropped by hand.
    const decoder = new StringDecoder('utf8');
    let first = true;
    let pending: SseEvent[] = [];
    let overflow = false;
    const parser = createParser({
      onEvent: (e) => {
        pending.push(e.event === undefined ? { data: e.data } : { event: e.event, data: e.data });
      },
      onError: (err) => {
        if (err.type === 'max-buffer-size-exceeded') overflow = true;
      },
      onComment: this.opts.onComment,
      maxBufferSize: limit,
    });
    for await (const bytes of this.body) {
      let text = decoder.write(bytes);
      if (first && text !== '') {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      parser.feed(text);
      if (overflow) throw new SseBufferOverflowError(limit);
      if (pending.length > 0) {
        const batch = pending;
        pending = [];
        yield batch;
      }
    }
    const tail = decoder.end();
    if (tail) parser.feed(first && tail.charCodeAt(0) === 0xfeff ? tail.slice(1) : tail);
    if (pending.length > 0) yield pending;
    pending = [];
    // Completing any open line and event here would dispatch it: if something dispatches, the body stopped
    // inside an event.
    parser.feed('\n\n');
    this.endedCleanly = pending.length === 0;
  }
}

export function readSse(body: AsyncIterable<Uint8Array>, opts: ReadSseOptions = {}): SseStream {
  return new SseReader(body, opts);
}
