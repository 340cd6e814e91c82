import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, listUpstreamModels, PROVIDERS, upstreamsFromEnv, type EngineEvent, type UpstreamConfig } from '../../../../electron/engine';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { UPSTREAM_KIND_INFO, UPSTREAM_KINDS, type UpstreamKind } from '../../../../shared/providers/upstream-kinds';
import { FAKE_KIND_OF, startFakeUpstream, type FakeUpstream } from '../../../fakes';

// Every kind of upstream, end to end through the real engine against a fake that speaks its wire: streaming and
// not, usage, errors, model listing and the environment variables. A new kind that misses a piece fails here
// (and a kind without a provider module or a fake fails to compile).

const KEY = 'sk-conformance-0123456789abcdef';
let fake: FakeUpstream | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A slug the kind serves: its own author's model for first-hand providers, any slug through a router. */
function modelFor(kind: UpstreamKind): string {
  const direct = PROVIDERS[kind].direct;
  return direct ? `${direct.author}/conformance-model` : 'someone/conformance-model';
}

async function setup(kind: UpstreamKind) {
  fake = await startFakeUpstream(FAKE_KIND_OF[kind], { requireKey: KEY, models: ['conformance-model', 'other-model'] });
  const upstream: UpstreamConfig = fake.upstream({ id: `test:${kind}`, kind, label: UPSTREAM_KIND_INFO[kind].label, apiKey: KEY });
  const records: GenerationRecord[] = [];
  const engine = createEngine({ upstreams: () => [upstream], onGeneration: (r) => records.push(r), maxRetries: 0 });
  return { fake, upstream, engine, records };
}

const ask = (model: string, stream: boolean) => ({ model, stream, messages: [{ role: 'user', content: 'Say hello' }] });

describe.each(UPSTREAM_KINDS)('the %s provider', (kind) => {
  it('has a module for its kind, and its environment variables configure it', () => {
    expect(PROVIDERS[kind].kind).toBe(kind);
    expect(PROVIDERS[kind].adapter.kind).toBe(kind);
    const info = UPSTREAM_KIND_INFO[kind];
    const [fromEnv] = upstreamsFromEnv({ [info.env.key]: 'k', [info.env.baseUrl]: 'http://127.0.0.1:9/v9' });
    expect(fromEnv).toMatchObject({ kind, baseUrl: 'http://127.0.0.1:9/v9', apiKey: 'k', label: info.label });
  });

  it('streams an answer with its usage into OpenRouter semantics and a generation record', async () => {
    const { fake, engine, records } = await setup(kind);
    fake.enqueue({ reply: { text: 'Hello there, friend', usage: { prompt: 11, completion: 4 } } });
    const events: EngineEvent[] = [];
    const result = await engine.chat(ask(modelFor(kind), true), { onEvent: (e) => void events.push(e) });
    expect(result.error).toBeUndefined();
    expect(events[0]).toMatchObject({ type: 'start' });
    expect(events.filter((e) => e.type === 'text').map((e) => (e as { text: string }).text).join('')).toBe('Hello there, friend');
    expect(events.find((e) => e.type === 'finish')).toMatchObject({ reason: 'stop' });
    expect(events.at(-1)).toMatchObject({ type: 'usage', usage: { prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 } });
    expect(records[0]).toMatchObject({ upstreamKind: kind, tokens: { prompt: 11, completion: 4 }, finishReason: 'stop', streamed: true });
    expect(records[0]!.tokens!.estimated).toBeUndefined();
    expect(JSON.stringify(records[0])).not.toContain(KEY);
  });

  it('answers a non-streaming request with the same content', async () => {
    const { fake, engine } = await setup(kind);
    fake.enqueue({ reply: { text: 'Plain answer', usage: { prompt: 5, completion: 2 } } });
    const result = await engine.chat(ask(modelFor(kind), false));
    expect(result.completion?.choices[0]).toMatchObject({ message: { role: 'assistant', content: 'Plain answer' }, finish_reason: 'stop' });
    expect(result.completion?.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 2 });
  });

  it('turns a provider error into OpenRouter’s error shape, naming the provider and never the key', async () => {
    const { fake, engine, records } = await setup(kind);
    fake.enqueue({ status: 400, error: { message: `bad request for ${KEY}` } });
    const result = await engine.chat(ask(modelFor(kind), true));
    expect(result.error?.status).toBe(400);
    expect(result.error?.error.message).toContain(UPSTREAM_KIND_INFO[kind].label);
    expect(JSON.stringify(result.error)).not.toContain(KEY);
    expect(records[0]!.attempts[0]).toMatchObject({ status: 400 });
  });

  it('lists its models with the key, and says the key was rejected without it', async () => {
    const { upstream } = await setup(kind);
    expect(await listUpstreamModels(upstream)).toMatchObject({ ok: true, status: 200, models: expect.arrayContaining(['conformance-model', 'other-model']) });
    const refused = await listUpstreamModels({ ...upstream, apiKey: 'sk-wrong-key-000' });
    // Most providers answer 401; Gemini answers 400 API_KEY_INVALID. Either way the message says it was the key.
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/key/i) });
    expect(JSON.stringify(refused)).not.toContain('sk-wrong-key-000');
  });
});
