import type { NormalizedEvent } from '../../types';

// Keys must never reach a log line, an error message, a record or the renderer. An upstream may echo a key —
// whole, masked ("Incorrect API key provided: sk-proj-****…Xy1z"), URL-encoded or base64-encoded — in an error
// message, a response header or a chunk's id / model / provider. Every configured key is removed in each of those
// forms, with any word that starts or ends like it (also masked), and anything key-shaped.

const KEY_SHAPES = [
  /\bsk-[A-Za-z0-9_*.-]{6,}/g, // OpenAI, OpenRouter (sk-or-v1-…), Anthropic (sk-ant-…), DeepSeek
  /\bAIza[A-Za-z0-9_-]{10,}/g, // Google
  /\bgsk_[A-Za-z0-9]{10,}/g, // Groq
  /\bxai-[A-Za-z0-9]{10,}/g, // xAI
  /\b(Bearer|x-api-key:?|x-goog-api-key:?|key=)\s*[A-Za-z0-9_*.-]{8,}/gi,
];

// Every key shape above starts with one of these (any case): text without any of them is left alone in one test
// instead of five replaces. Upstream ids, model and provider names pass here on every request's first token.
const KEY_SHAPE_START = /sk-|aiza|gsk_|xai-|bearer|x-api-key|x-goog-api-key|key=/i;

export const REDACTED = '[redacted]';
const WORD = /[^\s"'`,;()<>[\]{}]+/g;
const MASK = /[*•…]{2,}|\.{3,}|…/;

function resembles(word: string, secret: string): boolean {
  const bare = word.replace(/[.!?:]+$/, '');
  if (bare.includes(secret.slice(0, 8)) || bare.endsWith(secret.slice(-6))) return true;
  return MASK.test(bare) && (bare.startsWith(secret.slice(0, 4)) || bare.endsWith(secret.slice(-4)));
}

/** The characters of base64(… + secret + …) that depend on the secret's bytes alone, for each of the three byte
 * alignments the secret can have inside a longer encoded text, in the standard and the URL-safe alphabet. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out = new Set<string>();
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    if (core.length < 8) continue;
    out.add(core);
    out.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...out];
}

/** Every form of `secret` an upstream might send back: as is, URL-encoded, base64 (standard and URL-safe). */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'), ...base64Cores(secret)]);
  return [...forms].sort((a, b) => b.length - a.length);
}

interface Prepared {
  forms: string[];
  long: string[]; // keys long enough to match by their first / last characters
}

function prepare(secrets: readonly (string | undefined)[]): Prepared {
  const forms = new Set<string>();
  const long: string[] = [];
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const f of secretForms(secret)) forms.add(f);
    if (secret.length >= 12) long.push(secret);
  }
  return { forms: [...forms].sort((a, b) => b.length - a.length), long };
}

function scrubPrepared(text: string, p: Prepared): string {
  let out = text;
  for (const form of p.forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  if (p.long.length > 0) out = out.replace(WORD, (w) => (p.long.some((s) => resembles(w, s)) ? REDACTED : w));
  if (KEY_SHAPE_START.test(out)) for (const re of KEY_SHAPES) out = out.replace(re, REDACTED);
  return out;
}

export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  return scrubPrepared(text, prepare(secrets));
}

/** The one scrubber a request's upstream output passes through (failover/attempt.ts), built once from every
 * configured key — not only the key of the endpoint that answers. */
export interface Scrubber {
  /** `text` with every key removed. */
  text(text: string): string;
  /** An identifier (generation id, model, provider, finish reason): itself when clean, else undefined, so the
   * caller falls back to its own value rather than storing a redacted one. */
  id(value: string | undefined): string | undefined;
  /** An adapter's event with every upstream-chosen name and message scrubbed. Content — the answer's text,
   * reasoning and tool arguments — is the model's output and passes unchanged (docs/provider-wire-formats.md §6). */
  event(ev: NormalizedEvent): NormalizedEvent;
}

export function createScrubber(secrets: readonly (string | undefined)[]): Scrubber {
  const p = prepare(secrets);
  const text = (t: string) => scrubPrepared(t, p);
  const id = (v: string | undefined) => (v === undefined || text(v) === v ? v : undefined);
  return {
    text,
    id,
    event(ev) {
      switch (ev.type) {
        case 'start': {
          const out: NormalizedEvent = { type: 'start' };
          const upstreamId = id(ev.upstreamId);
          const model = id(ev.model);
          const provider = id(ev.provider);
          if (upstreamId !== undefined) out.upstreamId = upstreamId;
          if (model !== undefined) out.model = model;
          if (provider !== undefined) out.provider = provider;
          return out;
        }
        case 'finish':
          return ev.native === null ? ev : { ...ev, native: id(ev.native) ?? null };
        case 'error':
          return { ...ev, message: text(ev.message), ...(ev.errorType !== undefined ? { errorType: id(ev.errorType) ?? 'provider_unavailable' } : {}) };
        case 'tool_call': {
          if (ev.id === undefined && ev.name === undefined) return ev;
          const out = { ...ev };
          if (ev.id !== undefined) out.id = id(ev.id) ?? `call_${ev.index}`;
          if (ev.name !== undefined) out.name = text(ev.name);
          return out;
        }
        default:
          return ev;
      }
    },
  };
}
