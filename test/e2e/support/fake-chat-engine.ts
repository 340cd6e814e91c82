import type { ChatEngine } from '../../../electron/backend/chat/chat-engine';
import type { EngineEvent } from '../../../electron/engine';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

// A stand-in for the routing engine, for UI tests and benches: answers every request by streaming paced chunks.
// The prompt steers it:
//   "echo: <text>"   answer exactly <text>
//   "[hang]"         stream a few tokens, then wait until stopped
//   "[fail]"         fail before the first token (502)
//   "[long N]"       answer N tokens
//   "[anon]"         answer without naming the model (a number derived from its slug tells models apart)
//   "[unbroken N]"   answer a paragraph, then one line of N characters without whitespace, then a closing
//                    paragraph, streamed 4,096 characters at a time
//   "[prose N]"      the same with N characters of ordinary paragraphs in place of the line (a baseline)
//   "[fallback]"     served by another provider (SecondChoice), as when OpenRouter falls back
//   "[image N]"      after the text, N generated images (1×1 PNG data: URLs, one event each)
// Model slugs steer the record: "…nocost…" has no price, "…fallback…" reports a fallback.

export interface FakeEngineOptions {
  tokensPerSecond?: number; // default 400
  tokensPerChunk?: number; // default 1
  reasoning?: (req: ChatRequest) => string;
  /** the answer to a prompt, before the steering rules above (undefined: they apply) */
  answer?: (prompt: string, model: string) => string | undefined;
  /** the data: URL "[image N]" sends (default FAKE_PNG) */
  image?: (n: number, model: string) => string;
  /** the provider that serves a model (default FakeProvider; "[fallback]" still names SecondChoice) */
  provider?: (model: string) => string;
}

function lastUserText(req: ChatRequest): string {
  for (let i = req.messages.length - 1; i >= 0; i--) {
    const m = req.messages[i]!;
    if (m.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    return m.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
  }
  return '';
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    if (signal.aborted) return done();
    const onAbort = () => {
      clearTimeout(t);
      done();
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** A 1×1 PNG, as a generated image. */
export const FAKE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const WORDS = ['the', 'answer', 'streams', 'along', 'with', 'ordinary', 'words,', 'commas', 'and', 'sentences.'];
/** n characters between two short paragraphs, cut into 4,096-character deltas: one line of base64 characters
 * without whitespace, or paragraphs of words. */
function bulkTokens(unbroken: boolean, n: number): string[] {
  let body = '';
  let x = 12345; // a fixed pseudo-random sequence: base64 of random bytes has no repeating pattern
  for (let i = 0; body.length < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    if (unbroken) body += BASE64[x >>> 26];
    else body += i % 60 === 59 ? 'end.\n\n' : `${WORDS[(x >>> 16) % WORDS.length]} `;
  }
  const text = `Here is the text:\n\n${body.slice(0, n)}\n\nThat was the **text**.`;
  const out: string[] = [];
  for (let at = 0; at < text.length; at += 4096) out.push(text.slice(at, at + 4096));
  return out;
}

export function createFakeChatEngine(opts: FakeEngineOptions = {}) {
  const requests: ChatRequest[] = [];
  let n = 0;
  const engine: ChatEngine = {
    async chat(request, { signal, onEvent }) {
      requests.push(structuredClone(request));
      const id = `gen-fake-${++n}`;
      const startedAt = Date.now();
      const requested = request.model ?? 'unknown/model';
      const model = requested.split(':')[0]!;
      const prompt = lastUserText(request);
      const provider = model.includes('fallback') || prompt.includes('[fallback]') ? 'SecondChoice' : (opts.provider?.(model) ?? 'FakeProvider');
      const record = (over: Partial<GenerationRecord>): GenerationRecord => ({
        id, createdAt: startedAt, requestedModel: requested, model, upstreamId: 'fake', upstreamKind: 'openrouter', provider, attempts: [],
        tokens: null, costSource: 'none', ttftMs: null, durationMs: Date.now() - startedAt, tokensPerSecond: null, finishReason: 'stop',
        nativeFinishReason: 'stop', isByok: false, streamed: true, cancelled: false, fallbackUsed: model.includes('fallback'), source: 'app', ...over,
      });
      if (prompt.includes('[fail]')) {
        const error = { code: 502, message: `Upstream error from ${provider}: model overloaded` };
        return { record: record({ finishReason: 'error', error }), error: { error } };
      }
      const long = /\[long (\d+)\]/.exec(prompt);
      const anon = [...model].reduce((n, ch) => (n * 31 + ch.charCodeAt(0)) % 9973, 7);
      const bulk = /\[(unbroken|prose) (\d+)\]/.exec(prompt);
      const text = opts.answer?.(prompt, model) ?? (prompt.startsWith('echo: ')
        ? prompt.slice(6)
        : prompt.includes('[anon]')
          ? `Answer number ${anon}: the ${anon % 2 ? 'short' : 'long'} way is best for "${prompt.split('\n')[0]}".`
          : long
          ? Array.from({ length: Number(long[1]) }, (_, i) => (i % 40 === 39 ? 'word.\n\n' : `w${i} `)).join('')
          : `Answer from ${model} to "${prompt}" (turn ${request.messages.filter((m) => m.role === 'user').length})`);
      const tokens = bulk ? bulkTokens(bulk[1] === 'unbroken', Number(bulk[2])) : (text.match(/\S+\s*|\s+/g) ?? []);
      const per = opts.tokensPerChunk ?? 1;
      const delay = (1000 / (opts.tokensPerSecond ?? 400)) * per;
      let started = false;
      const emit = (ev: Exclude<EngineEvent, { type: 'start' }>) => {
        if (!started) void onEvent({ type: 'start', id, created: Math.floor(startedAt / 1000), model, provider });
        started = true;
        void onEvent(ev);
      };
      let firstAt: number | null = null;
      const reasoning = opts.reasoning?.(request);
      if (reasoning) {
        emit({ type: 'reasoning', text: reasoning });
        firstAt = Date.now();
      }
      let sent = 0;
      for (let i = 0; i < tokens.length && !signal.aborted; i += per) {
        await sleep(delay, signal);
        if (signal.aborted) break;
        emit({ type: 'text', text: tokens.slice(i, i + per).join('') });
        firstAt ??= Date.now();
        sent += Math.min(per, tokens.length - i);
        if (prompt.includes('[hang]') && sent >= 3) await sleep(3_600_000, signal);
      }
      const completion = sent + (reasoning ? 5 : 0);
      const prompted = JSON.stringify(request.messages).length >> 2;
      const priced = !model.includes('nocost');
      const cost = priced ? 100 + completion : undefined;
      const images = Number(/\[image (\d+)\]/.exec(prompt)?.[1] ?? 0);
      for (let i = 0; i < images && !signal.aborted; i++) emit({ type: 'image', url: opts.image?.(i, model) ?? FAKE_PNG });
      if (!signal.aborted) emit({ type: 'finish', reason: 'stop', native: 'stop' });
      const durationMs = Date.now() - startedAt;
      return {
        record: record({
          tokens: { prompt: prompted, completion, cacheRead: 0, cacheWrite: 0, reasoning: reasoning ? 5 : 0 },
          ...(priced ? { costMicros: cost, reportedCostMicros: cost, costSource: 'upstream' as const } : { costSource: 'none' as const, costReason: 'no-pricing' as const }),
          ttftMs: firstAt ? firstAt - startedAt : null,
          durationMs,
          tokensPerSecond: durationMs > 0 ? (completion * 1000) / durationMs : null,
          finishReason: signal.aborted ? null : 'stop',
          cancelled: signal.aborted,
        }),
      };
    },
  };
  return { engine, requests };
}
