import type { ToolCall } from '../../../shared/openrouter/chat-request';
import type {
  ChatCompletion, ChatCompletionChunk, ChunkChoice, ErrorBody, FinishReason, Usage,
} from '../../../shared/openrouter/chat-response';
import type { NormalizedEvent } from '../types';

// Normalised upstream events → OpenRouter-shaped chunks for the caller, and the same content aggregated into a
// `chat.completion`. One Relay per request; it is "committed" once the first chunk has gone to the caller.

export type ChunkSink = (chunk: ChatCompletionChunk) => void | Promise<void>;

export interface RelayOptions {
  id: string;
  created: number; // unix seconds
  sink?: ChunkSink; // absent for non-streaming callers
}

type ContentEvent = Extract<NormalizedEvent, { type: 'text' | 'reasoning' | 'reasoning_details' | 'tool_call' | 'finish' }>;

export class Relay {
  committed = false;
  model = '';
  provider = '';
  finishReason: FinishReason | null = null;
  nativeFinishReason: string | null = null;
  error: ErrorBody | null = null;
  outputChars = 0;
  private readonly contentParts: string[] = [];
  private readonly reasoningParts: string[] = [];
  private readonly toolCalls: ToolCall[] = [];
  private firstDelta = true;

  constructor(private readonly opts: RelayOptions) {}

  commit(model: string, provider: string): void {
    this.committed = true;
    this.model = model;
    this.provider = provider;
  }

  private chunk(choices: ChunkChoice[]): ChatCompletionChunk {
    return {
      id: this.opts.id,
      object: 'chat.completion.chunk',
      created: this.opts.created,
      model: this.model,
      provider: this.provider,
      choices,
    };
  }

  private delta(delta: ChunkChoice['delta']): ChatCompletionChunk {
    if (this.firstDelta) {
      this.firstDelta = false;
      delta = { role: 'assistant', ...delta };
    }
    return this.chunk([{ index: 0, delta, finish_reason: null, native_finish_reason: null }]);
  }

  /** Apply one content event; returns the sink's promise when it asked the relay to wait (backpressure). */
  handle(ev: ContentEvent): void | Promise<void> {
    const sink = this.opts.sink;
    switch (ev.type) {
      case 'text':
        if (ev.text === '') return;
        this.contentParts.push(ev.text);
        this.outputChars += ev.text.length;
        return sink?.(this.delta({ content: ev.text }));
      case 'reasoning':
        if (ev.text === '') return;
        this.reasoningParts.push(ev.text);
        this.outputChars += ev.text.length;
        return sink?.(this.delta({ reasoning: ev.text }));
      case 'reasoning_details':
        return sink?.(this.delta({ reasoning_details: ev.details }));
      case 'tool_call': {
        let call = this.toolCalls[ev.index];
        if (!call) {
          call = { id: ev.id ?? `call_${ev.index}`, type: 'function', function: { name: '', arguments: '' } };
          this.toolCalls[ev.index] = call;
        }
        if (ev.id) call.id = ev.id;
        if (ev.name) call.function.name += ev.name;
        if (ev.argumentsDelta) {
          call.function.arguments += ev.argumentsDelta;
          this.outputChars += ev.argumentsDelta.length;
        }
        const fn: { name?: string; arguments?: string } = {};
        if (ev.name) fn.name = ev.name;
        if (ev.argumentsDelta !== undefined) fn.arguments = ev.argumentsDelta;
        return sink?.(this.delta({
          tool_calls: [{ index: ev.index, ...(ev.id ? { id: ev.id, type: 'function' as const } : {}), function: fn }],
        }));
      }
      case 'finish':
        this.finishReason = ev.reason;
        this.nativeFinishReason = ev.native;
        return sink?.(this.chunk([{ index: 0, delta: this.firstDelta ? { role: 'assistant', content: '' } : {}, finish_reason: ev.reason, native_finish_reason: ev.native }]));
    }
  }

  /** The mid-stream error chunk: top-level `error` plus a terminating choice (docs/openrouter-api.md §2.3). */
  fail(error: ErrorBody): void | Promise<void> {
    this.error = error;
    this.finishReason = 'error';
    return this.opts.sink?.({ ...this.chunk([{ index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: null }]), error });
  }

  /** The final chunk: empty `choices` and the usage. */
  usage(usage: Usage): void | Promise<void> {
    return this.opts.sink?.({ ...this.chunk([]), usage });
  }

  text(): string {
    return this.contentParts.join('');
  }

  completion(usage: Usage | undefined): ChatCompletion {
    const reasoning = this.reasoningParts.join('');
    const toolCalls = this.toolCalls.filter(Boolean);
    const message: ChatCompletion['choices'][number]['message'] = { role: 'assistant', content: this.text() };
    if (reasoning) message.reasoning = reasoning;
    if (toolCalls.length > 0) message.tool_calls = toolCalls;
    const choice: ChatCompletion['choices'][number] = {
      index: 0,
      finish_reason: this.finishReason,
      native_finish_reason: this.nativeFinishReason,
      message,
    };
    if (this.error) choice.error = this.error;
    return {
      id: this.opts.id,
      object: 'chat.completion',
      created: this.opts.created,
      model: this.model,
      provider: this.provider,
      choices: [choice],
      ...(usage ? { usage } : {}),
    };
  }
}
