import { chatRequestSchema, type ChatRequest } from '../../shared/openrouter/chat-request';

// Request validation on every chat call. Nearly every request is a model id, plain-text messages and a few
// sampling numbers: those are checked here directly, in a fraction of what the zod schema costs, and come out
// exactly as zod would return them (same fields, same key order: the schema's fields first, then unknown ones).
// Anything else — another field the schema knows, a content array, a value out of range, a tool message — goes
// through the schema itself, so every invalid request gets zod's own error.

export type ValidatedRequest = ReturnType<typeof chatRequestSchema.safeParse>;

const SCHEMA_KEYS = Object.keys(chatRequestSchema.shape);
const IN_SCHEMA = new Set(SCHEMA_KEYS);

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const positiveInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
const between = (lo: number, hi: number) => (v: unknown) => finite(v) && v >= lo && v <= hi;

/** The schema fields the direct check takes, each with a test no stricter than the schema's own. */
const SIMPLE_FIELDS: Record<string, (v: unknown) => boolean> = {
  model: (v) => typeof v === 'string' && v.length > 0,
  stream: (v) => typeof v === 'boolean',
  max_tokens: positiveInt,
  max_completion_tokens: positiveInt,
  temperature: between(0, 2),
  top_p: (v) => finite(v) && v > 0 && v <= 1,
  frequency_penalty: between(-2, 2),
  presence_penalty: between(-2, 2),
  seed: (v) => Number.isSafeInteger(v),
  user: (v) => typeof v === 'string',
};

const TEXT_ROLES = new Set(['system', 'developer', 'user', 'assistant']);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** `{ role, content: string, name? }` as the schema returns it, or undefined for any other message. */
function textMessage(m: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(m)) return undefined;
  let keys = 0;
  for (const k in m) {
    if (k !== 'role' && k !== 'content' && k !== 'name') return undefined;
    keys++;
  }
  const { role, content, name } = m;
  if (typeof role !== 'string' || !TEXT_ROLES.has(role) || typeof content !== 'string') return undefined;
  if (name === undefined) return keys === 2 ? { role, content } : undefined;
  return typeof name === 'string' ? { role, content, name } : undefined;
}

/** The request as the schema would return it, when it is of the common shape; undefined otherwise. */
export function commonChatRequest(input: unknown): ChatRequest | undefined {
  if (!isPlainObject(input)) return undefined;
  const messages = input.messages;
  if (!Array.isArray(messages) || messages.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of SCHEMA_KEYS) {
    if (!Object.hasOwn(input, key)) continue;
    if (key === 'messages') {
      const copied: Record<string, unknown>[] = new Array(messages.length);
      for (let i = 0; i < messages.length; i++) {
        const m = textMessage(messages[i]);
        if (!m) return undefined;
        copied[i] = m;
      }
      out.messages = copied;
      continue;
    }
    const value = input[key];
    const check = SIMPLE_FIELDS[key];
    if (!check || !check(value)) return undefined;
    out[key] = value;
  }
  for (const key in input) {
    if (IN_SCHEMA.has(key)) continue;
    if (key === '__proto__') return undefined;
    out[key] = input[key];
  }
  return out as ChatRequest;
}

export function validateChatRequest(input: unknown): ValidatedRequest {
  const common = commonChatRequest(input);
  return common ? { success: true, data: common } : chatRequestSchema.safeParse(input);
}
