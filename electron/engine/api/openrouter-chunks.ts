import type { ChatCompletionChunk, ChunkChoice } from '../../../shared/openrouter/chat-response';
import type { EngineEvent, EngineEventSink } from '../stream-events';
import type { TextCompletionChunk } from './text-completion';

// The HTTP edge: engine events → OpenRouter stream chunks (docs/openrouter-api.md §2.2, §2.3): `chat.completion.chunk`
// for /chat/completions, `text_completion` for the legacy /completions. The first delta carries `role: "assistant"`
// (chat); a mid-stream error is a chunk with a top-level `error` and a terminating choice; usage comes last on a
// chunk with empty `choices`. `sse()` writes the same JSON as `JSON.stringify(chunk())` but frames text deltas —
// nearly every event of a stream — from a cached head without building an object.

export type ChunkSink = (chunk: ChatCompletionChunk) => void | Promise<void>;
export type ChunkObject = 'chat.completion.chunk' | 'text_completion';
type AnyChunk = ChatCompletionChunk | TextCompletionChunk;

export class ChunkFramer {
  private head: { id: string; object: ChunkObject; created: number; model: string; provider: string } | null = null;
  private headJson = '';
  private firstDelta = true;

  constructor(private readonly object: ChunkObject = 'chat.completion.chunk') {}

  get id(): string | undefined {
    return this.head?.id;
  }

  /** The chunk for one event; undefined for `start` and for what this framing has no field for (reasoning and
   * tool calls in a text completion). */
  chunk(ev: EngineEvent): AnyChunk | undefined {
    if (ev.type === 'start') {
      this.begin(ev);
      return undefined;
    }
    if (!this.head) return undefined; // events always follow a start; nothing to frame without one
    return this.object === 'text_completion' ? this.textChunk(ev) : this.chatChunk(ev);
  }

  /** The event as one SSE event (`data: <json>\n\n`), or undefined when it makes no chunk. */
  sse(ev: EngineEvent): string | undefined {
    if (ev.type === 'text' && this.head) {
      const text = JSON.stringify(ev.text);
      if (this.object === 'text_completion') {
        return `data: ${this.headJson}[{"index":0,"text":${text},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}\n\n`;
      }
      const role = this.firstDelta ? '"role":"assistant",' : '';
      this.firstDelta = false;
      return `data: ${this.headJson}[{"index":0,"delta":{${role}"content":${text}},"finish_reason":null,"native_finish_reason":null}]}\n\n`;
    }
    const c = this.chunk(ev);
    return c === undefined ? undefined : `data: ${JSON.stringify(c)}\n\n`;
  }

  private begin(ev: Extract<EngineEvent, { type: 'start' }>): void {
    this.head = { id: ev.id, object: this.object, created: ev.created, model: ev.model, provider: ev.provider };
    this.headJson = `${JSON.stringify(this.head).slice(0, -1)},"choices":`;
  }

  private make<C extends AnyChunk>(choices: C['choices']): C {
    return { ...this.head!, choices } as C;
  }

  private chatChunk(ev: Exclude<EngineEvent, { type: 'start' }>): ChatCompletionChunk {
    const delta = (d: ChunkChoice['delta']): ChatCompletionChunk => {
      if (this.firstDelta) {
        this.firstDelta = false;
        d = { role: 'assistant', ...d };
      }
      return this.make<ChatCompletionChunk>([{ index: 0, delta: d, finish_reason: null, native_finish_reason: null }]);
    };
    switch (ev.type) {
      case 'text':
        return delta({ content: ev.text });
      case 'reasoning':
        return delta({ reasoning: ev.text });
      case 'reasoning_details':
        return delta({ reasoning_details: ev.details });
      case 'tool_call': {
        const fn: { name?: string; arguments?: string } = {};
        if (ev.name) fn.name = ev.name;
        if (ev.argumentsDelta !== undefined) fn.arguments = ev.argumentsDelta;
        return delta({ tool_calls: [{ index: ev.index, ...(ev.id ? { id: ev.id, type: 'function' as const } : {}), function: fn }] });
      }
      case 'annotations':
        return delta({ annotations: ev.annotations });
      case 'finish': {
        const d: ChunkChoice['delta'] = this.firstDelta ? { role: 'assistant', content: '' } : {};
        this.firstDelta = false;
        return this.make<ChatCompletionChunk>([{ index: 0, delta: d, finish_reason: ev.reason, native_finish_reason: ev.native }]);
      }
      case 'error':
        return { ...this.make<ChatCompletionChunk>([{ index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: null }]), error: ev.error };
      case 'usage':
        return { ...this.make<ChatCompletionChunk>([]), usage: ev.usage };
    }
  }

  private textChunk(ev: Exclude<EngineEvent, { type: 'start' }>): TextCompletionChunk | undefined {
    const choice = (text: string, finish: TextCompletionChunk['choices'][number]['finish_reason'], native: string | null = null) =>
      this.make<TextCompletionChunk>([{ index: 0, text, finish_reason: finish, native_finish_reason: native, logprobs: null }]);
    switch (ev.type) {
      case 'text':
        return choice(ev.text, null);
      case 'finish':
        return choice('', ev.reason, ev.native);
      case 'error':
        return { ...choice('', 'error'), error: ev.error };
      case 'usage':
        return { ...this.make<TextCompletionChunk>([]), usage: ev.usage };
      default:
        return undefined;
    }
  }
}

/** Engine events → `chat.completion.chunk` objects, for in-process callers that want OpenRouter's chunks. */
export function openRouterChunks(sink: ChunkSink): EngineEventSink {
  const framer = new ChunkFramer();
  return (ev) => {
    const c = framer.chunk(ev);
    return c === undefined ? undefined : sink(c as ChatCompletionChunk);
  };
}
