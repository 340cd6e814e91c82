import { encodeSseComment, SSE_DONE } from '../../electron/engine/sse/encode-sse';
import { argPieces, argsText, counts, errorMessage, fullText, tokens, type Counts, type RenderCtx, type Rendered, type WireRenderer } from './reply';
import type { FakeErrorSpec, FakeReply } from './types';

// OpenAI chat.completion.chunk wire, and OpenRouter's flavour of it (reasoning in `reasoning`, usage with cost,
// `: OPENROUTER PROCESSING` comments, mid-stream error chunk with a terminating choice).

const OPENAI_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error', 401: 'invalid_request_error', 403: 'permission_error', 404: 'invalid_request_error',
  429: 'rate_limit_error', 500: 'server_error', 503: 'server_error',
};

function usageJson(c: Counts, router: boolean): Record<string, unknown> {
  const u: Record<string, unknown> = {
    prompt_tokens: c.prompt,
    completion_tokens: c.completion,
    total_tokens: c.prompt + c.completion,
    prompt_tokens_details: router ? { cached_tokens: c.cacheRead, cache_write_tokens: c.cacheWrite } : { cached_tokens: c.cacheRead },
    completion_tokens_details: { reasoning_tokens: c.reasoning, ...(c.imageOut !== undefined ? { image_tokens: c.imageOut } : {}) },
  };
  if (router) {
    u.cost = c.cost ?? 0.000123;
    u.is_byok = c.isByok ?? false;
    u.cost_details = { upstream_inference_cost: c.upstreamCost ?? null };
    if (c.webSearchRequests !== undefined) u.server_tool_use = { web_search_requests: c.webSearchRequests };
  }
  return u;
}

function defaultFinish(reply: FakeReply): string {
  return reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop');
}

export function chatCompletionsRenderer(router: boolean): WireRenderer {
  const reasoningKey = router ? 'reasoning' : 'reasoning_content';
  return {
    stream(reply: FakeReply, ctx: RenderCtx): Rendered {
      const id = reply.id ?? (router ? `gen-fake-${ctx.seq}` : `chatcmpl-fake-${ctx.seq}`);
      const model = reply.model ?? ctx.model;
      const providerField = router ? `,"provider":${JSON.stringify(reply.provider ?? 'FakeProvider')}` : '';
      const head = `{"id":${JSON.stringify(id)},"object":"chat.completion.chunk","created":1770000000,"model":${JSON.stringify(model)}${providerField},"choices":[{"index":0,"delta":`;
      const tail = ',"finish_reason":null}]}';
      const frames: string[] = [`data: ${head}{"role":"assistant","content":""}${tail}\n\n`];
      const rPre = `data: ${head}{"${reasoningKey}":`;
      for (const t of tokens(reply.reasoning)) frames.push(`${rPre}${JSON.stringify(t)}}${tail}\n\n`);
      const tPre = `data: ${head}{"content":`;
      for (const t of tokens(reply.text)) frames.push(`${tPre}${JSON.stringify(t)}}${tail}\n\n`);
      for (const url of reply.images ?? []) frames.push(`data: ${head}${JSON.stringify({ images: [{ type: 'image_url', image_url: { url } }] })}${tail}\n\n`);
      (reply.toolCalls ?? []).forEach((call, i) => {
        const first = { index: i, id: call.id ?? `call_fake_${i}`, type: 'function', function: { name: call.name, arguments: '' } };
        frames.push(`data: ${head}${JSON.stringify({ tool_calls: [first] })}${tail}\n\n`);
        for (const piece of argPieces(argsText(call.arguments))) {
          frames.push(`data: ${head}${JSON.stringify({ tool_calls: [{ index: i, function: { arguments: piece } }] })}${tail}\n\n`);
        }
      });
      const finish = defaultFinish(reply);
      frames.push(`data: ${head}{},"finish_reason":${JSON.stringify(finish)}${router ? `,"native_finish_reason":${JSON.stringify(finish)}` : ''}}]}\n\n`);
      const c = counts(reply);
      if (c) {
        const usage = JSON.stringify(usageJson(c, router));
        frames.push(`data: {"id":${JSON.stringify(id)},"object":"chat.completion.chunk","created":1770000000,"model":${JSON.stringify(model)}${providerField},"choices":[],"usage":${usage}}\n\n`);
      }
      let terminal = 0;
      if (!ctx.omitTerminal) {
        frames.push(SSE_DONE);
        terminal = 1;
      }
      return { prelude: router ? encodeSseComment('OPENROUTER PROCESSING') : '', frames, terminal };
    },

    json(reply: FakeReply, ctx: RenderCtx): unknown {
      const message: Record<string, unknown> = { role: 'assistant', content: fullText(reply.text) };
      if (reply.reasoning !== undefined) message[reasoningKey] = fullText(reply.reasoning);
      if (reply.images?.length) message.images = reply.images.map((url) => ({ type: 'image_url', image_url: { url } }));
      if (reply.toolCalls?.length) {
        message.tool_calls = reply.toolCalls.map((call, i) => ({
          id: call.id ?? `call_fake_${i}`, type: 'function', function: { name: call.name, arguments: argsText(call.arguments) },
        }));
      }
      const out: Record<string, unknown> = {
        id: reply.id ?? (router ? `gen-fake-${ctx.seq}` : `chatcmpl-fake-${ctx.seq}`),
        object: 'chat.completion',
        created: 1770000000,
        model: reply.model ?? ctx.model,
        choices: [{ index: 0, message, finish_reason: defaultFinish(reply) }],
      };
      if (router) out.provider = reply.provider ?? 'FakeProvider';
      const c = counts(reply);
      if (c) out.usage = usageJson(c, router);
      return out;
    },

    errorBody(status: number, spec: FakeErrorSpec): unknown {
      const message = errorMessage(status, spec);
      if (router) {
        return { error: { code: status, message, ...(spec.type ? { metadata: { error_type: spec.type } } : {}) } };
      }
      return { error: { message, type: spec.type ?? OPENAI_ERROR_TYPES[status] ?? 'api_error', param: null, code: spec.code ?? (status === 401 ? 'invalid_api_key' : null) } };
    },

    midStreamError(status: number, spec: FakeErrorSpec, ctx: RenderCtx): string {
      const message = errorMessage(status, spec);
      if (!router) return `data: ${JSON.stringify({ error: { message, type: spec.type ?? 'server_error', code: null } })}\n\n`;
      return `data: ${JSON.stringify({
        id: `gen-fake-${ctx.seq}`, object: 'chat.completion.chunk', created: 1770000000, model: ctx.model, provider: 'FakeProvider',
        error: { code: status, message, metadata: { error_type: spec.type ?? 'provider_unavailable' } },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      })}\n\n`;
    },

    malformed: 'data: {"id":"broken","choices":[{"index":0,"delta":{"content":"oops"\n\n',
    keepAlive: encodeSseComment(router ? 'OPENROUTER PROCESSING' : 'keep-alive'),

    fixtureFrames(lines: string[], omitTerminal: boolean): Rendered {
      const frames = lines.map((l) => `data: ${l}\n\n`);
      if (!omitTerminal) frames.push(SSE_DONE);
      return { prelude: router ? encodeSseComment('OPENROUTER PROCESSING') : '', frames, terminal: omitTerminal ? 0 : 1 };
    },
  };
}
