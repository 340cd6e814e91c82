import { readSse, SseBufferOverflowError } from '../../sse/read-sse';
import type { NormalizedEvent } from '../../types';
import { fromAnthropic } from './usage';
import { streamErrorEvent } from '../common/upstream-errors';
import { anthropicFinish } from './finish-reason';
import { invalidBody, malformedJson, oversizedEvent, truncatedStream } from '../common/stream-errors';
import { arr, num, obj, str, type Obj } from '../common/values';
import { urlCitation } from '../common/web-search';
import type { UrlCitationAnnotation } from '../../../../shared/openrouter/annotations';

// Anthropic Messages SSE and message bodies → normalised events (docs/provider-wire-formats.md §3.3).
// Tool calls are numbered 0, 1, … in order of appearance (not by content-block index). Signed thinking is
// re-emitted at its block's end as `reasoning_details` (type reasoning.text, format anthropic-claude-v1) so the
// caller can send it back unchanged. Usage and finish are held until `message_stop`: a stream that ends
// without it is truncated. `error` events (HTTP 200) map per errors.ts: overloaded_error → 503
// provider_overloaded, api_error → 502 provider_unavailable, rate_limit_error → 429.
// Web search citations (`web_search_result_location`) cite the text block they arrive in: they come out as
// `url_citation` annotations spanning that block, when the block ends.

export interface AnthropicParseOptions {
  label: string;
  secrets: readonly (string | undefined)[];
  excludeReasoning: boolean;
}

const FORMAT = 'anthropic-claude-v1';

type BlockState =
  | { kind: 'text'; start: number; citations: UrlCitationAnnotation[] }
  | { kind: 'tool'; tool: number; hasArgs: boolean }
  | { kind: 'thinking'; parts: string[]; signature: string }
  | { kind: 'other' };

export async function* parseAnthropicStream(
  body: AsyncIterable<Uint8Array>,
  opts: AnthropicParseOptions,
): AsyncGenerator<NormalizedEvent> {
  const { label, excludeReasoning } = opts;
  let open = false;
  let messageId: string | undefined;
  let startUsage: unknown;
  let deltaUsage: unknown;
  let stopReason: string | null = null;
  const blocks: BlockState[] = [];
  let tools = 0;
  let details = 0;
  let offset = 0; // UTF-16 length of the text yielded so far
  try {
    for await (const ev of readSse(body)) {
      if (ev.event === 'ping') continue;
      let msg: Obj | undefined;
      try {
        msg = obj(JSON.parse(ev.data));
      } catch {
        msg = undefined;
      }
      if (!msg) {
        yield malformedJson(label);
        return;
      }
      switch (msg.type ?? ev.event) {
        case 'content_block_delta': {
          const d = obj(msg.delta);
          const b = blocks[num(msg.index) ?? -1];
          switch (d?.type) {
            case 'text_delta': {
              const text = d.text;
              if (typeof text === 'string' && text !== '') {
                offset += text.length;
                yield { type: 'text', text };
              }
              break;
            }
            case 'citations_delta': {
              const cite = citationOf(d.citation);
              if (b?.kind === 'text' && cite) b.citations.push(cite);
              break;
            }
            case 'input_json_delta': {
              const partial = d.partial_json;
              if (b?.kind === 'tool' && typeof partial === 'string' && partial !== '') {
                b.hasArgs = true;
                yield { type: 'tool_call', index: b.tool, argumentsDelta: partial };
              }
              break;
            }
            case 'thinking_delta': {
              const text = d.thinking;
              if (typeof text === 'string' && text !== '') {
                if (b?.kind === 'thinking') b.parts.push(text);
                if (!excludeReasoning) yield { type: 'reasoning', text };
              }
              break;
            }
            case 'signature_delta':
              if (b?.kind === 'thinking' && typeof d.signature === 'string') b.signature += d.signature;
              break;
            default:
              break; // future delta types
          }
          break;
        }
        case 'message_start': {
          const m = obj(msg.message);
          const id = str(m?.id);
          if (open) {
            if (id === messageId) break; // a repeated message_start is harmless
            yield { type: 'error', code: 502, message: `${label} started a second message before finishing the first`, errorType: 'provider_unavailable' };
            return;
          }
          open = true;
          messageId = id;
          startUsage = m?.usage;
          const start: NormalizedEvent = { type: 'start' };
          if (id) start.upstreamId = id;
          const model = str(m?.model);
          if (model) start.model = model;
          yield start;
          break;
        }
        case 'content_block_start': {
          const index = num(msg.index) ?? blocks.length;
          const cb = obj(msg.content_block);
          switch (cb?.type) {
            case 'text': {
              const state: BlockState = { kind: 'text', start: offset, citations: [] };
              for (const c of arr(cb.citations) ?? []) {
                const cite = citationOf(c);
                if (cite) state.citations.push(cite);
              }
              blocks[index] = state;
              const text = cb.text;
              if (typeof text === 'string' && text !== '') {
                offset += text.length;
                yield { type: 'text', text };
              }
              break;
            }
            case 'tool_use': {
              const state = { kind: 'tool' as const, tool: tools++, hasArgs: false };
              blocks[index] = state;
              const ev: NormalizedEvent = { type: 'tool_call', index: state.tool };
              const id = str(cb.id);
              if (id) ev.id = id;
              const name = str(cb.name);
              if (name) ev.name = name;
              yield ev;
              const input = obj(cb.input);
              if (input && Object.keys(input).length > 0) {
                state.hasArgs = true;
                yield { type: 'tool_call', index: state.tool, argumentsDelta: JSON.stringify(input) };
              }
              break;
            }
            case 'thinking': {
              const text = str(cb.thinking) ?? '';
              blocks[index] = { kind: 'thinking', parts: text ? [text] : [], signature: str(cb.signature) ?? '' };
              if (text && !excludeReasoning) yield { type: 'reasoning', text };
              break;
            }
            case 'redacted_thinking':
              blocks[index] = { kind: 'other' };
              if (!excludeReasoning && typeof cb.data === 'string') {
                yield { type: 'reasoning_details', details: [{ type: 'reasoning.encrypted', data: cb.data, format: FORMAT, index: details++ }] };
              }
              break;
            default:
              blocks[index] = { kind: 'other' }; // server tools, web search results, …
          }
          break;
        }
        case 'content_block_stop': {
          const b = blocks[num(msg.index) ?? -1];
          if (b?.kind === 'text' && b.citations.length > 0) {
            yield { type: 'annotations', annotations: spanned(b.citations, b.start, offset) };
          } else if (b?.kind === 'tool' && !b.hasArgs) {
            b.hasArgs = true;
            yield { type: 'tool_call', index: b.tool, argumentsDelta: '{}' };
          } else if (b?.kind === 'thinking' && !excludeReasoning && (b.signature || b.parts.length > 0)) {
            const detail: Record<string, unknown> = { type: 'reasoning.text', text: b.parts.join(''), format: FORMAT, index: details++ };
            if (b.signature) detail.signature = b.signature;
            yield { type: 'reasoning_details', details: [detail] };
          }
          break;
        }
        case 'message_delta': {
          const reason = str(obj(msg.delta)?.stop_reason);
          if (reason) stopReason = reason;
          if (msg.usage !== undefined && msg.usage !== null) deltaUsage = msg.usage;
          break;
        }
        case 'message_stop': {
          const usage = fromAnthropic(startUsage, deltaUsage);
          if (usage) yield { type: 'usage', usage };
          yield { type: 'finish', reason: anthropicFinish(stopReason), native: stopReason };
          return;
        }
        case 'error':
          yield streamErrorEvent(msg, label, opts.secrets);
          return;
        default:
          break; // ping and event types added after this was written
      }
    }
  } catch (err) {
    if (err instanceof SseBufferOverflowError) {
      yield oversizedEvent(label, err.message);
      return;
    }
    throw err;
  }
  yield truncatedStream(label, 'message_stop');
}

export function parseAnthropicMessage(json: unknown, opts: AnthropicParseOptions): NormalizedEvent[] {
  const m = obj(json);
  if (!m) return [invalidBody(opts.label)];
  if (m.type === 'error') return [streamErrorEvent(m, opts.label, opts.secrets, 'in its response')];
  const content = arr(m.content);
  if (!content) return [invalidBody(opts.label)];
  const out: NormalizedEvent[] = [];
  const start: NormalizedEvent = { type: 'start' };
  if (typeof m.id === 'string') start.upstreamId = m.id;
  if (typeof m.model === 'string') start.model = m.model;
  out.push(start);
  let tools = 0;
  let details = 0;
  let offset = 0;
  for (const item of content) {
    const b = obj(item);
    switch (b?.type) {
      case 'text': {
        const start = offset;
        if (typeof b.text === 'string' && b.text !== '') {
          offset += b.text.length;
          out.push({ type: 'text', text: b.text });
        }
        const cites = (arr(b.citations) ?? []).flatMap((c) => citationOf(c) ?? []);
        if (cites.length > 0) out.push({ type: 'annotations', annotations: spanned(cites, start, offset) });
        break;
      }
      case 'thinking':
        if (opts.excludeReasoning) break;
        if (typeof b.thinking === 'string' && b.thinking !== '') out.push({ type: 'reasoning', text: b.thinking });
        out.push({ type: 'reasoning_details', details: [{ type: 'reasoning.text', text: str(b.thinking) ?? '', signature: str(b.signature) ?? '', format: FORMAT, index: details++ }] });
        break;
      case 'redacted_thinking':
        if (!opts.excludeReasoning && typeof b.data === 'string') {
          out.push({ type: 'reasoning_details', details: [{ type: 'reasoning.encrypted', data: b.data, format: FORMAT, index: details++ }] });
        }
        break;
      case 'tool_use': {
        const ev: NormalizedEvent = { type: 'tool_call', index: tools++, argumentsDelta: JSON.stringify(obj(b.input) ?? {}) };
        if (typeof b.id === 'string') ev.id = b.id;
        if (typeof b.name === 'string') ev.name = b.name;
        out.push(ev);
        break;
      }
      default:
        break;
    }
  }
  const usage = fromAnthropic(m.usage);
  if (usage) out.push({ type: 'usage', usage });
  const stop = str(m.stop_reason) ?? null;
  out.push({ type: 'finish', reason: anthropicFinish(stop), native: stop });
  return out;
}

/** A `web_search_result_location` citation; other citation kinds (documents, pages) name no URL. */
function citationOf(raw: unknown): UrlCitationAnnotation | undefined {
  const c = obj(raw);
  const url = str(c?.url);
  if (!c || c.type !== 'web_search_result_location' || !url) return undefined;
  const title = str(c.title);
  const content = str(c.cited_text);
  return urlCitation({ url, ...(title ? { title } : {}), ...(content ? { content } : {}) });
}

function spanned(cites: UrlCitationAnnotation[], start: number, end: number): UrlCitationAnnotation[] {
  if (end <= start) return cites;
  return cites.map((c) => ({ type: 'url_citation', url_citation: { ...c.url_citation, start_index: start, end_index: end } }));
}
