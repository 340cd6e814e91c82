import { readSse, SseBufferOverflowError } from '../../sse/read-sse';
import type { NormalizedEvent } from '../../types';
import { fromOpenAI } from './usage';
import { streamErrorEvent } from '../common/upstream-errors';
import { openAiFinish } from './finish-reason';
import { invalidBody, malformedJson, oversizedEvent, truncatedStream } from '../common/stream-errors';
import { arr, obj, str, type Obj } from '../common/values';
import { ContentDeltaTemplate } from './content-delta-template';
import { chatCompletionsAnnotations } from '../common/web-search';

// The OpenAI `chat.completion.chunk` stream and `chat.completion` body → normalised events. Shared by the
// OpenAI-compatible and OpenRouter adapters. Reasoning comes as `reasoning_content` (DeepSeek, xAI) or
// `reasoning` (Groq, OpenRouter); unknown fields are ignored; Azure's empty first chunk yields nothing.

export interface ChatCompletionsParseOptions {
  label: string;
  secrets: readonly (string | undefined)[];
  excludeReasoning: boolean;
  /** Web searches the upstream runs per request but does not count in its usage (OpenAI's search models). */
  searchesPerRequest?: number;
}

type ToolCallEvent = Extract<NormalizedEvent, { type: 'tool_call' }>;

/** Tool-call ids by index, for servers that omit `index` (each new id then opens the next call). */
type ToolIds = string[];

function toolCallEvent(tc: Obj, position: number, ids: ToolIds): ToolCallEvent {
  const id = typeof tc.id === 'string' && tc.id !== '' ? tc.id : undefined;
  let index: number;
  if (typeof tc.index === 'number') index = tc.index;
  else if (id !== undefined) {
    const known = ids.indexOf(id);
    index = known >= 0 ? known : Math.max(ids.length, position);
  } else index = Math.max(ids.length - 1, position); // a continuation of the latest call
  if (id !== undefined) ids[index] = id;
  const ev: ToolCallEvent = { type: 'tool_call', index };
  if (id !== undefined) ev.id = id;
  const fn = obj(tc.function);
  if (fn) {
    const name = fn.name;
    if (typeof name === 'string' && name !== '') ev.name = name;
    const args = fn.arguments;
    if (typeof args === 'string') {
      if (args !== '') ev.argumentsDelta = args;
    } else if (args !== undefined && args !== null) {
      ev.argumentsDelta = JSON.stringify(args); // some local servers send an object
    }
  }
  return ev;
}

/** Events for one delta / message object, pushed onto `out`. */
function contentEvents(d: Obj, out: NormalizedEvent[], excludeReasoning: boolean, ids: ToolIds): void {
  if (!excludeReasoning) {
    const reasoning = d.reasoning_content ?? d.reasoning;
    if (typeof reasoning === 'string' && reasoning !== '') out.push({ type: 'reasoning', text: reasoning });
    const details = d.reasoning_details;
    if (Array.isArray(details) && details.length > 0) out.push({ type: 'reasoning_details', details: details as Record<string, unknown>[] });
  }
  const content = d.content;
  if (typeof content === 'string') {
    if (content !== '') out.push({ type: 'text', text: content });
  } else if (Array.isArray(content)) {
    // Mistral magistral: [{type:"thinking", thinking:[{type:"text", text}]}, {type:"text", text}]
    for (const part of content) {
      const p = obj(part);
      if (!p) continue;
      if (p.type === 'text' && typeof p.text === 'string' && p.text !== '') out.push({ type: 'text', text: p.text });
      else if (p.type === 'thinking' && !excludeReasoning) {
        for (const t of arr(p.thinking) ?? []) {
          const text = str(obj(t)?.text);
          if (text) out.push({ type: 'reasoning', text });
        }
      }
    }
  }
  const refusal = d.refusal;
  if (typeof refusal === 'string' && refusal !== '') out.push({ type: 'text', text: refusal });
  const calls = d.tool_calls;
  if (Array.isArray(calls)) {
    for (let i = 0; i < calls.length; i++) {
      const tc = obj(calls[i]);
      if (tc) out.push(toolCallEvent(tc, i, ids));
    }
  }
  if (d.annotations !== undefined) {
    const annotations = chatCompletionsAnnotations(d.annotations);
    if (annotations.length > 0) out.push({ type: 'annotations', annotations });
  }
}

/** Usage with the searches the upstream runs but does not report. */
function usageEvent(usage: unknown, opts: ChatCompletionsParseOptions): NormalizedEvent | undefined {
  const raw = fromOpenAI(usage);
  if (!raw) return undefined;
  if (opts.searchesPerRequest && raw.webSearchRequests === undefined) raw.webSearchRequests = opts.searchesPerRequest;
  return { type: 'usage', usage: raw };
}

function startEvent(chunk: Obj): NormalizedEvent | undefined {
  const id = chunk.id;
  const model = chunk.model;
  if ((typeof id !== 'string' || id === '') && (typeof model !== 'string' || model === '')) return undefined;
  const ev: NormalizedEvent = { type: 'start' };
  if (typeof id === 'string' && id !== '') ev.upstreamId = id;
  if (typeof model === 'string' && model !== '') ev.model = model;
  if (typeof chunk.provider === 'string') ev.provider = chunk.provider;
  return ev;
}

function finishEvent(choice: Obj): NormalizedEvent | undefined {
  const fr = choice.finish_reason;
  if (typeof fr !== 'string' || fr === '') return undefined;
  const native = choice.native_finish_reason;
  return { type: 'finish', reason: openAiFinish(fr), native: typeof native === 'string' ? native : fr };
}

/** The stream's events, in the batches each read of the body completed: the engine handles a batch without
 * waiting between its events (a fast provider sends dozens per read). */
export async function* parseChatCompletionsBatches(
  body: AsyncIterable<Uint8Array>,
  opts: ChatCompletionsParseOptions,
): AsyncGenerator<NormalizedEvent[]> {
  const { label, excludeReasoning } = opts;
  let started = false;
  let finished = false;
  let done = false;
  const toolIds: ToolIds = [];
  const sse = readSse(body);
  const template = new ContentDeltaTemplate();
  let out: NormalizedEvent[] = [];
  try {
    read: for await (const batch of sse.batches()) {
      for (const ev of batch) {
        const data = ev.data;
        if (data === '[DONE]') {
          done = true;
          break read;
        }
        if (data === '') continue;
        const text = template.match(data);
        if (text !== undefined) {
          if (text !== '') out.push({ type: 'text', text });
          continue;
        }
        let chunk: Obj | undefined;
        try {
          chunk = obj(JSON.parse(data));
        } catch {
          chunk = undefined;
        }
        if (!chunk) {
          out.push(malformedJson(label));
          yield out;
          return;
        }
        if (chunk.error !== undefined && chunk.error !== null) {
          // Mid-stream provider error (docs/openrouter-api.md §2.3): top-level `error` plus a terminating choice.
          out.push(streamErrorEvent(chunk, label, opts.secrets), { type: 'finish', reason: 'error', native: 'error' });
          yield out;
          return;
        }
        if (!started) {
          const s = startEvent(chunk);
          if (s) {
            started = true;
            out.push(s);
          }
        }
        const choices = chunk.choices;
        if (Array.isArray(choices) && choices.length > 0) {
          const choice = obj(choices[0]);
          if (choice) {
            const delta = obj(choice.delta);
            if (delta) contentEvents(delta, out, excludeReasoning, toolIds);
            const fin = finishEvent(choice);
            if (fin) {
              finished = true;
              out.push(fin);
            }
          }
        }
        const usage = chunk.usage;
        if (usage !== null && usage !== undefined) {
          const ev = usageEvent(usage, opts);
          if (ev) out.push(ev);
        }
        template.learn(data, chunk);
      }
      if (out.length > 0) {
        const ready = out;
        out = [];
        yield ready;
      }
    }
  } catch (err) {
    if (err instanceof SseBufferOverflowError) {
      out.push(oversizedEvent(label, err.message));
      yield out;
      return;
    }
    throw err;
  }
  // Some local servers omit [DONE]; a stream that reported its finish reason and ended on an event boundary is
  // complete.
  if (!done && (!finished || sse.endedCleanly === false)) out.push(truncatedStream(label, finished ? 'its last event was complete' : 'data: [DONE]'));
  if (out.length > 0) yield out;
}

export async function* parseChatCompletionsStream(
  body: AsyncIterable<Uint8Array>,
  opts: ChatCompletionsParseOptions,
): AsyncGenerator<NormalizedEvent> {
  for await (const batch of parseChatCompletionsBatches(body, opts)) yield* batch;
}

export function parseChatCompletion(json: unknown, opts: ChatCompletionsParseOptions): NormalizedEvent[] {
  const root = obj(json);
  if (!root) return [invalidBody(opts.label)];
  const out: NormalizedEvent[] = [];
  const choice = obj(arr(root.choices)?.[0]);
  if (root.error !== undefined && root.error !== null && !choice) {
    out.push(streamErrorEvent(root, opts.label, opts.secrets, 'in its response'));
    return out;
  }
  const s = startEvent(root);
  if (s) out.push(s);
  if (choice) {
    const message = obj(choice.message);
    if (message) contentEvents(message, out, opts.excludeReasoning, []);
    if (choice.error !== undefined && choice.error !== null) {
      // OpenRouter: a provider error that interrupted generation, after partial output.
      out.push(streamErrorEvent({ error: choice.error }, opts.label, opts.secrets, 'after partial output'));
    }
  }
  const usage = usageEvent(root.usage, opts);
  if (usage) out.push(usage);
  const fin = choice ? finishEvent(choice) : undefined;
  if (fin) out.push(fin);
  else if (choice) out.push({ type: 'finish', reason: 'stop', native: null });
  else out.push(invalidBody(opts.label));
  return out;
}
