import type { UrlCitationAnnotation } from '../../../shared/openrouter/annotations';
import type { ToolCall } from '../../../shared/openrouter/chat-request';
import type { ChatCompletion, ErrorBody, FinishReason, Usage } from '../../../shared/openrouter/chat-response';
import type { EngineEventSink } from '../stream-events';
import type { NormalizedEvent } from '../types';
import type { RequestWatcher, ServedEndpoint } from '../record/request-watcher';

// Passes an endpoint's content events on to the caller and aggregates the same content into a
// `chat.completion`. One Relay per request; it is "committed" once the first event has gone to the caller.

export interface RelayOptions {
  id: string;
  created: number; // unix seconds
  sink?: EngineEventSink; // absent for non-streaming callers
  watcher?: RequestWatcher; // told who serves and what is relayed (the generation journal)
}

type ContentEvent = Extract<NormalizedEvent, { type: 'text' | 'reasoning' | 'reasoning_details' | 'tool_call' | 'annotations' | 'finish' }>;

const BLOCK = 256;

/** An answer's text as it streams in. Every 256 pieces are joined into one string, so a long answer keeps a few
 * hundred strings alive rather than one per chunk (each of which the garbage collector would walk again). */
class TextParts {
  private readonly blocks: string[] = [];
  private parts: string[] = [];

  push(text: string): void {
    this.parts.push(text);
    if (this.parts.length === BLOCK) {
      this.blocks.push(this.parts.join(''));
      this.parts = [];
    }
  }

  join(): string {
    return this.blocks.join('') + this.parts.join('');
  }
}

export class Relay {
  committed = false;
  model = '';
  provider = '';
  finishReason: FinishReason | null = null;
  nativeFinishReason: string | null = null;
  error: ErrorBody | null = null;
  outputChars = 0;
  private readonly contentParts = new TextParts();
  private readonly reasoningParts = new TextParts();
  private readonly toolCalls: ToolCall[] = [];
  private readonly annotations: UrlCitationAnnotation[] = [];

  constructor(private readonly opts: RelayOptions) {}

  commit(model: string, provider: string, endpoint?: ServedEndpoint['endpoint']): void | Promise<void> {
    this.committed = true;
    this.model = model;
    this.provider = provider;
    if (endpoint && this.opts.watcher?.serving) {
      try {
        this.opts.watcher.serving({ model, provider, endpoint });
      } catch {
        // an observer must not break the request
      }
    }
    return this.opts.sink?.({ type: 'start', id: this.opts.id, created: this.opts.created, model, provider });
  }

  /** Apply one content event; returns the sink's promise when it asked the relay to wait (backpressure). */
  handle(ev: ContentEvent): void | Promise<void> {
    switch (ev.type) {
      case 'text':
        if (ev.text === '') return;
        this.contentParts.push(ev.text);
        this.outputChars += ev.text.length;
        this.watched(ev.text);
        break;
      case 'reasoning':
        if (ev.text === '') return;
        this.reasoningParts.push(ev.text);
        this.outputChars += ev.text.length;
        this.watched(ev.text);
        break;
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
          this.watched(ev.argumentsDelta);
        }
        break;
      }
      case 'annotations':
        if (ev.annotations.length === 0) return;
        this.annotations.push(...ev.annotations);
        break;
      case 'finish':
        this.finishReason = ev.reason;
        this.nativeFinishReason = ev.native;
        break;
    }
    return this.opts.sink?.(ev);
  }

  private watched(text: string): void {
    const watcher = this.opts.watcher;
    if (!watcher?.relayed) return;
    try {
      watcher.relayed(text);
    } catch {
      // an observer must not break the request
    }
  }

  /** The stream broke after output reached the caller (docs/openrouter-api.md §2.3). */
  fail(error: ErrorBody): void | Promise<void> {
    this.error = error;
    this.finishReason = 'error';
    return this.opts.sink?.({ type: 'error', error });
  }

  /** The final event: the usage with its cost. */
  usage(usage: Usage): void | Promise<void> {
    return this.opts.sink?.({ type: 'usage', usage });
  }

  text(): string {
    return this.contentParts.join();
  }

  completion(usage: Usage | undefined): ChatCompletion {
    const reasoning = this.reasoningParts.join();
    const toolCalls = this.toolCalls.filter(Boolean);
    const message: ChatCompletion['choices'][number]['message'] = { role: 'assistant', content: this.text() };
    if (reasoning) message.reasoning = reasoning;
    if (toolCalls.length > 0) message.tool_calls = toolCalls;
    if (this.annotations.length > 0) message.annotations = this.annotations;
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
      system_fingerprint: null,
      choices: [choice],
      ...(usage ? { usage } : {}),
    };
  }
}
