import { afterEach, describe, expect, it, vi } from 'vitest';
import { commonChatRequest, validateChatRequest } from '../../../electron/engine/validate-request';
import { chatRequestSchema } from '../../../shared/openrouter/chat-request';

const common = () => ({
  model: 'openai/gpt-4o',
  stream: true,
  messages: [
    { role: 'system', content: 'Be brief.' },
    { content: 'Say hello', role: 'user', name: 'ann' },
    { role: 'assistant', content: 'Hello.' },
    { role: 'developer', content: '' },
  ],
  temperature: 0.7,
  top_p: 1,
  max_tokens: 256,
  max_completion_tokens: 128,
  frequency_penalty: -2,
  presence_penalty: 2,
  seed: -3,
  user: 'u-1',
  app_specific: { nested: [1, 2] }, // unknown fields pass through, as on OpenRouter
});

/** What zod returns for the same input: the reference the direct check must match exactly. */
function expectSameAsSchema(input: unknown) {
  const ours = validateChatRequest(input);
  const zod = chatRequestSchema.safeParse(input);
  expect(ours.success).toBe(zod.success);
  if (ours.success && zod.success) {
    expect(ours.data).toEqual(zod.data);
    expect(JSON.stringify(ours.data)).toBe(JSON.stringify(zod.data)); // same key order: the same upstream body
  } else {
    expect(ours.error!.issues).toEqual(zod.error!.issues);
  }
}

// A small deterministic generator, so a failure names the input that caused it.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const VALUES: unknown[] = [
  undefined, null, true, false, 0, -0, 1, -1, 0.5, 1.5, 2, 2.5, 3, -2, -2.5, 256, 2 ** 53, 1e300, NaN, Infinity, -Infinity,
  '', 'x', 'openai/gpt-4o', [], ['a'], {}, { type: 'text', text: 'hi' }, [{ type: 'text', text: 'hi' }],
];
const FIELDS = [
  'model', 'models', 'stream', 'max_tokens', 'max_completion_tokens', 'temperature', 'top_p', 'top_k', 'frequency_penalty',
  'presence_penalty', 'repetition_penalty', 'seed', 'stop', 'user', 'session_id', 'provider', 'reasoning', 'tools', 'unknown_field',
];
const MESSAGE_FIELDS = ['role', 'content', 'name', 'tool_call_id', 'tool_calls', 'reasoning', 'extra'];
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'robot', 1];

describe('validateChatRequest', () => {
  afterEach(() => vi.restoreAllMocks());

  it('checks a common request without zod and returns what zod would, field for field and in the same order', () => {
    const parse = vi.spyOn(chatRequestSchema, 'safeParse');
    const input = common();
    const result = validateChatRequest(input);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expectSameAsSchema(input);
    expect(result.success && Object.keys(result.data)).toEqual(Object.keys(chatRequestSchema.parse(input)));
  });

  it('returns a copy: the request and its messages are not the caller’s objects', () => {
    const input = common();
    const result = validateChatRequest(input);
    expect(result.success).toBe(true);
    expect(result.data).not.toBe(input);
    expect(result.data!.messages[1]).not.toBe(input.messages[1]);
  });

  it('leaves every other shape to zod, so invalid requests get zod’s own errors', () => {
    const parse = vi.spyOn(chatRequestSchema, 'safeParse');
    const cases: unknown[] = [
      { ...common(), temperature: 3 },
      { ...common(), model: '' },
      { ...common(), messages: [] },
      { ...common(), max_tokens: 1.5 },
      { ...common(), messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] },
      { ...common(), messages: [{ role: 'tool', content: 'x', tool_call_id: 'c1' }] },
      { ...common(), messages: [{ role: 'user', content: 'x', extra: 1 }] },
      { ...common(), tools: [{ type: 'function', function: { name: 'f' } }] },
      'not an object', null, [],
    ];
    for (const input of cases) expect(commonChatRequest(input)).toBeUndefined();
    for (const input of cases) validateChatRequest(input);
    expect(parse).toHaveBeenCalledTimes(cases.length);
    parse.mockRestore();
    for (const input of cases) expectSameAsSchema(input);
  });

  it('agrees with zod on 1,500 generated requests, valid and not', () => {
    const random = rng(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    let direct = 0;
    for (let n = 0; n < 1500; n++) {
      const input = common() as Record<string, unknown>;
      for (let k = Math.floor(random() * 3); k > 0; k--) {
        const field = pick(FIELDS);
        const v = pick(VALUES);
        if (v === undefined && random() < 0.5) delete input[field];
        else input[field] = v;
      }
      if (random() < 0.4) {
        const messages = (input.messages as Record<string, unknown>[]).map((m) => ({ ...m }));
        const m = pick(messages);
        const field = pick(MESSAGE_FIELDS);
        const v = field === 'role' ? pick(ROLES) : pick(VALUES);
        if (v === undefined && random() < 0.5) delete m[field];
        else m[field] = v;
        input.messages = messages;
      }
      if (commonChatRequest(input)) direct++;
      expectSameAsSchema(input);
    }
    expect(direct).toBeGreaterThan(150); // the direct path was really exercised
  });
});
