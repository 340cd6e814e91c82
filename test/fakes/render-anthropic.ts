import { argPieces, argsText, counts, errorMessage, fullText, tokens, type RenderCtx, type Rendered, type WireRenderer } from './reply';
import type { FakeErrorSpec, FakeReply } from './types';

// Anthropic Messages SSE: `event: <type>` + `data:` per event, a ping after message_start, no [DONE].

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 402: 'billing_error', 403: 'permission_error',
  404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error', 500: 'api_error', 504: 'timeout_error',
  529: 'overloaded_error',
};

function frame(type: string, json: string): string {
  return `event: ${type}\ndata: ${json}\n\n`;
}

function wireUsage(reply: FakeReply): { start: Record<string, unknown>; delta: Record<string, unknown> } {
  const c = counts(reply) ?? { prompt: 0, completion: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
  const input = Math.max(0, c.prompt - c.cacheRead - c.cacheWrite); // Anthropic input_tokens excludes cache
  const oneHour = c.cacheWrite1h ?? 0;
  const cache = {
    cache_creation_input_tokens: c.cacheWrite,
    cache_read_input_tokens: c.cacheRead,
    cache_creation: { ephemeral_5m_input_tokens: c.cacheWrite - oneHour, ephemeral_1h_input_tokens: oneHour },
  };
  const tools = c.webSearchRequests !== undefined ? { server_tool_use: { web_search_requests: c.webSearchRequests } } : {};
  return {
    start: { input_tokens: input, ...cache, output_tokens: 1 },
    delta: { input_tokens: input, ...cache, output_tokens: c.completion, ...tools },
  };
}

function stopReason(reply: FakeReply): string {
  return reply.finishReason ?? (reply.toolCalls?.length ? 'tool_use' : 'end_turn');
}

export const anthropicRenderer: WireRenderer = {
  stream(reply: FakeReply, ctx: RenderCtx): Rendered {
    const usage = wireUsage(reply);
    const message = {
      id: reply.id ?? `msg_fake_${ctx.seq}`, type: 'message', role: 'assistant', model: reply.model ?? ctx.model,
      content: [], stop_reason: null, stop_sequence: null, usage: usage.start,
    };
    const frames = [frame('message_start', JSON.stringify({ type: 'message_start', message })), frame('ping', '{"type":"ping"}')];
    let index = 0;
    const block = (startBlock: unknown, deltas: string[], deltaType: string, key: string, extra: string[] = []) => {
      frames.push(frame('content_block_start', JSON.stringify({ type: 'content_block_start', index, content_block: startBlock })));
      const pre = `{"type":"content_block_delta","index":${index},"delta":{"type":"${deltaType}","${key}":`;
      for (const d of deltas) frames.push(frame('content_block_delta', `${pre}${JSON.stringify(d)}}}`));
      frames.push(...extra);
      frames.push(frame('content_block_stop', `{"type":"content_block_stop","index":${index}}`));
      index++;
    };
    const thinking = tokens(reply.reasoning);
    if (thinking.length > 0) {
      const sig = frame('content_block_delta', JSON.stringify({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: 'fake-signature' } }));
      block({ type: 'thinking', thinking: '', signature: '' }, thinking, 'thinking_delta', 'thinking', [sig]);
    }
    const text = tokens(reply.text);
    if (text.length > 0) block({ type: 'text', text: '' }, text, 'text_delta', 'text');
    (reply.toolCalls ?? []).forEach((call, i) => {
      const args = argsText(call.arguments);
      block({ type: 'tool_use', id: call.id ?? `toolu_fake_${i}`, name: call.name, input: {} }, ['', ...argPieces(args)], 'input_json_delta', 'partial_json');
    });
    const delta: Record<string, unknown> = { type: 'message_delta', delta: { stop_reason: stopReason(reply), stop_sequence: null } };
    if (reply.usage !== null) delta.usage = usage.delta;
    frames.push(frame('message_delta', JSON.stringify(delta)));
    let terminal = 0;
    if (!ctx.omitTerminal) {
      frames.push(frame('message_stop', '{"type":"message_stop"}'));
      terminal = 1;
    }
    return { prelude: '', frames, terminal };
  },

  json(reply: FakeReply, ctx: RenderCtx): unknown {
    const content: unknown[] = [];
    if (reply.reasoning !== undefined) content.push({ type: 'thinking', thinking: fullText(reply.reasoning), signature: 'fake-signature' });
    if (reply.text !== undefined) content.push({ type: 'text', text: fullText(reply.text) });
    (reply.toolCalls ?? []).forEach((call, i) => {
      const args = argsText(call.arguments);
      content.push({ type: 'tool_use', id: call.id ?? `toolu_fake_${i}`, name: call.name, input: args ? JSON.parse(args) : {} });
    });
    return {
      id: reply.id ?? `msg_fake_${ctx.seq}`, type: 'message', role: 'assistant', model: reply.model ?? ctx.model, content,
      stop_reason: stopReason(reply), stop_sequence: null, usage: wireUsage(reply).delta,
    };
  },

  errorBody(status: number, spec: FakeErrorSpec): unknown {
    return { type: 'error', error: { type: spec.type ?? ERROR_TYPES[status] ?? 'api_error', message: errorMessage(status, spec) } };
  },

  midStreamError(status: number, spec: FakeErrorSpec): string {
    const type = spec.type ?? ERROR_TYPES[status] ?? 'overloaded_error';
    return frame('error', JSON.stringify({ type: 'error', error: { type, message: spec.message ?? 'Overloaded' } }));
  },

  malformed: 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"oops"\n\n',
  keepAlive: frame('ping', '{"type":"ping"}'),

  fixtureFrames(lines: string[], omitTerminal: boolean): Rendered {
    const frames: string[] = [];
    let terminal = 0;
    for (const line of lines) {
      const type = String((JSON.parse(line) as { type?: unknown }).type);
      if (type === 'message_stop') {
        if (omitTerminal) continue;
        terminal = 1;
      }
      frames.push(frame(type, line));
    }
    return { prelude: '', frames, terminal };
  },
};
