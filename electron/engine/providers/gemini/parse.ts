import { readSse, SseBufferOverflowError } from '../../sse/read-sse';
import type { NormalizedEvent, RawUsage } from '../../types';
import { fromGemini } from './usage';
import { streamErrorEvent } from '../common/upstream-errors';
import { geminiFinish } from './finish-reason';
import { GEMINI_SIGNATURE_FORMAT } from './request';
import { invalidBody, malformedJson, oversizedEvent, truncatedStream } from '../common/stream-errors';
import { arr, obj, str, type Obj } from '../common/values';
import { groundingAnnotations, searchQueries } from './grounding';

// Gemini GenerateContentResponse chunks → normalised events (docs/provider-wire-formats.md §4.3).
// The stream ends at EOF; `usageMetadata` is cumulative (the last one wins); function calls arrive whole and
// without ids (Parley numbers them call_0, call_1, …); `thought: true` parts are reasoning; thought signatures
// come out as reasoning_details (reasoning.encrypted, format google-gemini-v1, with the call id they belong to).
// Usage and finish are emitted at the end, because usage may follow the chunk carrying finishReason. So are the
// Google Search grounding sources (grounding.ts): their segments index the whole answer.

export interface GeminiParseOptions {
  label: string;
  secrets: readonly (string | undefined)[];
  excludeReasoning: boolean;
}

type ToolCallEvent = Extract<NormalizedEvent, { type: 'tool_call' }>;

class GeminiState {
  private started = false;
  private finishNative: string | undefined;
  private blockReason: string | undefined;
  private usage: RawUsage | undefined;
  private tools = 0;
  private details = 0;
  private readonly text: string[] = [];
  private grounding: Obj | undefined;
  private searches: number | undefined;

  constructor(
    private readonly opts: GeminiParseOptions,
    private readonly where = 'mid-stream',
  ) {}

  /** Events for one response chunk; returns false when the chunk ended the stream (an error). */
  chunk(c: Obj, out: NormalizedEvent[]): boolean {
    if (c.error !== undefined && c.error !== null) {
      out.push(streamErrorEvent(c, this.opts.label, this.opts.secrets, this.where));
      return false;
    }
    if (!this.started) {
      this.started = true;
      const start: NormalizedEvent = { type: 'start' };
      const id = str(c.responseId);
      if (id) start.upstreamId = id;
      const model = str(c.modelVersion);
      if (model) start.model = model;
      out.push(start);
    }
    const cand = obj(arr(c.candidates)?.[0]);
    if (cand) {
      const parts = arr(obj(cand.content)?.parts);
      if (parts) for (const p of parts) this.part(obj(p), out);
      const grounding = obj(cand.groundingMetadata);
      if (grounding) {
        if (arr(grounding.groundingChunks)?.length) this.grounding = grounding;
        const queries = searchQueries(grounding);
        if (queries !== undefined) this.searches = queries;
      }
      const finish = cand.finishReason;
      if (typeof finish === 'string' && finish !== '') this.finishNative = finish;
    }
    const usage = fromGemini(c.usageMetadata);
    if (usage) this.usage = usage;
    const block = str(obj(c.promptFeedback)?.blockReason);
    if (block) this.blockReason = block;
    return true;
  }

  private part(p: Obj | undefined, out: NormalizedEvent[]): void {
    if (!p) return;
    const text = p.text;
    let callId: string | undefined;
    if (typeof text === 'string' && text !== '') {
      if (p.thought === true) {
        if (!this.opts.excludeReasoning) out.push({ type: 'reasoning', text });
      } else {
        this.text.push(text);
        out.push({ type: 'text', text });
      }
    } else {
      const call = obj(p.functionCall);
      const name = str(call?.name);
      if (call && name) {
        const index = this.tools++;
        callId = str(call.id) ?? `call_${index}`;
        const ev: ToolCallEvent = { type: 'tool_call', index, id: callId, name, argumentsDelta: JSON.stringify(obj(call.args) ?? {}) };
        out.push(ev);
      }
    }
    const signature = p.thoughtSignature;
    if (typeof signature === 'string' && signature !== '' && !this.opts.excludeReasoning) {
      const detail: Record<string, unknown> = { type: 'reasoning.encrypted', data: signature, format: GEMINI_SIGNATURE_FORMAT, index: this.details++ };
      if (callId) detail.id = callId;
      out.push({ type: 'reasoning_details', details: [detail] });
    }
  }

  /** `clean`: the body ended on an event boundary (a half-received last chunk means usage may be missing). */
  end(out: NormalizedEvent[], clean = true): void {
    if ((this.finishNative === undefined && this.blockReason === undefined) || !clean) {
      out.push(truncatedStream(this.opts.label, clean ? 'a finishReason' : 'its last event was complete'));
      return;
    }
    if (this.grounding) {
      const annotations = groundingAnnotations(this.grounding, this.text.join(''));
      if (annotations.length > 0) out.push({ type: 'annotations', annotations });
    }
    if (this.usage) {
      if (this.searches) this.usage.webSearchRequests = this.searches;
      out.push({ type: 'usage', usage: this.usage });
    }
    if (this.finishNative !== undefined) {
      out.push({ type: 'finish', reason: geminiFinish(this.finishNative, this.tools > 0), native: this.finishNative });
    } else {
      out.push({ type: 'finish', reason: 'content_filter', native: this.blockReason ?? null }); // prompt blocked
    }
  }
}

export async function* parseGeminiStream(body: AsyncIterable<Uint8Array>, opts: GeminiParseOptions): AsyncGenerator<NormalizedEvent> {
  const state = new GeminiState(opts);
  const out: NormalizedEvent[] = [];
  const sse = readSse(body);
  try {
    for await (const ev of sse) {
      let chunk: Obj | undefined;
      try {
        chunk = obj(JSON.parse(ev.data));
      } catch {
        chunk = undefined;
      }
      if (!chunk) {
        yield malformedJson(opts.label);
        return;
      }
      const more = state.chunk(chunk, out);
      for (let i = 0; i < out.length; i++) yield out[i]!;
      out.length = 0;
      if (!more) return;
    }
  } catch (err) {
    if (err instanceof SseBufferOverflowError) {
      yield oversizedEvent(opts.label, err.message);
      return;
    }
    throw err;
  }
  state.end(out, sse.endedCleanly !== false);
  yield* out;
}

export function parseGeminiResponse(json: unknown, opts: GeminiParseOptions): NormalizedEvent[] {
  const root = Array.isArray(json) ? json : [json]; // generateContent without alt=sse may answer an array
  const state = new GeminiState(opts, 'in its response');
  const out: NormalizedEvent[] = [];
  for (const item of root) {
    const c = obj(item);
    if (!c) return [invalidBody(opts.label)];
    if (!state.chunk(c, out)) return out;
  }
  state.end(out);
  return out;
}
