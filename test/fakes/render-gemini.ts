import { argsText, counts, dataUrlParts, errorMessage, fullText, tokens, type Counts, type RenderCtx, type Rendered, type WireRenderer } from './reply';
import type { FakeErrorSpec, FakeReply } from './types';

// Gemini streamGenerateContent?alt=sse: `data: <GenerateContentResponse>` + CRLF CRLF, cumulative usageMetadata,
// function calls whole and without ids, the stream ends at EOF (finishReason on the last chunk).

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED',
};

function frame(json: string): string {
  return `data: ${json}\r\n\r\n`;
}

function usageMetadata(c: Counts, soFar?: number): Record<string, unknown> {
  const candidates = c.completion - c.reasoning;
  const out = soFar === undefined ? candidates : Math.min(soFar, candidates);
  const m: Record<string, unknown> = {
    promptTokenCount: c.prompt,
    candidatesTokenCount: out,
    totalTokenCount: c.prompt + out + c.reasoning,
  };
  if (c.reasoning > 0) m.thoughtsTokenCount = c.reasoning;
  if (soFar === undefined) Object.assign(m, candidatesDetails(c));
  if (c.cacheRead > 0) m.cachedContentTokenCount = c.cacheRead;
  return m;
}

/** Per-modality output counts, as Gemini's image models send them. */
function candidatesDetails(c: Counts): { candidatesTokensDetails?: { modality: string; tokenCount: number }[] } {
  if (c.imageOut === undefined) return {};
  const text = c.completion - c.reasoning - c.imageOut;
  return { candidatesTokensDetails: [...(text > 0 ? [{ modality: 'TEXT', tokenCount: text }] : []), { modality: 'IMAGE', tokenCount: c.imageOut }] };
}

function imageParts(reply: FakeReply): unknown[] {
  return (reply.images ?? []).map((url) => ({ inlineData: dataUrlParts(url) }));
}

function functionCallParts(reply: FakeReply): unknown[] {
  return (reply.toolCalls ?? []).map((call) => {
    const args = argsText(call.arguments);
    const part: Record<string, unknown> = { functionCall: { name: call.name, args: args ? JSON.parse(args) : {} } };
    if (call.thoughtSignature !== undefined) part.thoughtSignature = call.thoughtSignature;
    return part;
  });
}

export const geminiRenderer: WireRenderer = {
  stream(reply: FakeReply, ctx: RenderCtx): Rendered {
    const c = counts(reply);
    const model = JSON.stringify(reply.model ?? ctx.model);
    const responseId = JSON.stringify(reply.id ?? `resp-fake-${ctx.seq}`);
    const chunks: { parts: string; n: number }[] = [];
    let n = 0;
    for (const t of tokens(reply.reasoning)) chunks.push({ parts: `[{"text":${JSON.stringify(t)},"thought":true}]`, n: n });
    for (const t of tokens(reply.text)) chunks.push({ parts: `[{"text":${JSON.stringify(t)}}]`, n: ++n });
    for (const part of imageParts(reply)) chunks.push({ parts: JSON.stringify([part]), n });
    const calls = functionCallParts(reply);
    if (calls.length > 0) chunks.push({ parts: JSON.stringify(calls), n });
    if (chunks.length === 0) chunks.push({ parts: '[{"text":""}]', n });
    const finish = reply.finishReason ?? 'STOP';
    const frames = chunks.map((chunk, i) => {
      const last = i === chunks.length - 1;
      const finishField = last && !ctx.omitTerminal ? `,"finishReason":${JSON.stringify(finish)}` : '';
      const usage = c ? `,"usageMetadata":${JSON.stringify(usageMetadata(c, last ? undefined : chunk.n))}` : '';
      return frame(`{"candidates":[{"content":{"parts":${chunk.parts},"role":"model"}${finishField},"index":0}]${usage},"modelVersion":${model},"responseId":${responseId}}`);
    });
    return { prelude: '', frames, terminal: ctx.omitTerminal ? 0 : 1 };
  },

  json(reply: FakeReply, ctx: RenderCtx): unknown {
    const parts: unknown[] = [];
    if (reply.reasoning !== undefined) parts.push({ text: fullText(reply.reasoning), thought: true });
    if (reply.text !== undefined) parts.push({ text: fullText(reply.text) });
    parts.push(...imageParts(reply), ...functionCallParts(reply));
    const c = counts(reply);
    return {
      candidates: [{ content: { parts, role: 'model' }, finishReason: reply.finishReason ?? 'STOP', index: 0 }],
      ...(c ? { usageMetadata: usageMetadata(c) } : {}),
      modelVersion: reply.model ?? ctx.model,
      responseId: reply.id ?? `resp-fake-${ctx.seq}`,
    };
  },

  errorBody(status: number, spec: FakeErrorSpec): unknown {
    const details: unknown[] = [];
    if (spec.retryDelaySeconds !== undefined) {
      details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${spec.retryDelaySeconds}s` });
    }
    return {
      error: {
        code: status, message: errorMessage(status, spec), status: spec.type ?? STATUS_NAMES[status] ?? 'UNKNOWN',
        ...(details.length ? { details } : {}),
      },
    };
  },

  midStreamError(status: number, spec: FakeErrorSpec): string {
    return frame(JSON.stringify({ error: { code: status, message: spec.message ?? 'The model is overloaded.', status: spec.type ?? STATUS_NAMES[status] ?? 'UNAVAILABLE' } }));
  },

  malformed: 'data: {"candidates":[{"content":{"parts":[{"text":"oops"}\r\n\r\n',
  keepAlive: ': keep-alive\r\n\r\n',

  fixtureFrames(lines: string[], omitTerminal: boolean): Rendered {
    const frames = lines.map((line) => {
      if (!omitTerminal) return frame(line);
      const chunk = JSON.parse(line) as { candidates?: { finishReason?: string }[] };
      for (const cand of chunk.candidates ?? []) delete cand.finishReason;
      return frame(JSON.stringify(chunk));
    });
    return { prelude: '', frames, terminal: omitTerminal ? 0 : 1 };
  },
};
