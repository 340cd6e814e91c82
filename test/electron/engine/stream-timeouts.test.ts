import { afterEach, describe, expect, it } from 'vitest';
import { openRouterChunks } from '../../../electron/engine/api/openrouter-chunks';
import { startLocalApi } from '../../../electron/engine/api/local-api';
import { createEngine, type EngineOptions } from '../../../electron/engine/engine';
import type { ChatCompletionChunk } from '../../../shared/openrouter/chat-response';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { startFakeUpstream, type FakeUpstream } from '../../fakes';

// The two stream timers: the first token (per endpoint, not retried) and the silence between chunks after it.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(kind: Parameters<typeof startFakeUpstream>[0]): Promise<FakeUpstream> {
  const f = await startFakeUpstream(kind);
  cleanups.push(() => f.close());
  return f;
}

function engineOver(upstreams: EngineOptions['upstreams'], extra: Partial<EngineOptions> = {}) {
  const records: GenerationRecord[] = [];
  const engine = createEngine({ upstreams, onGeneration: (r) => records.push(r), sleep: async () => {}, ...extra });
  cleanups.push(async () => engine.close());
  return { engine, records };
}

const ask = { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hello' }], stream: true };

describe('a stream that stalls after its first token', () => {
  it('ends with a clear error after the idle timeout, keeping the text so far', async () => {
    const openai = await fake('openai');
    // frames: role, 'first ', 'second ', 'third', finish, usage, [DONE]; silence after 'second '
    openai.enqueue({ reply: { text: ['first ', 'second ', 'third'] }, stallAfterChunks: { after: 3 } });
    const { engine, records } = engineOver(() => [openai.upstream({ label: 'Slow AI' })], { idleTimeoutMs: 1000 });
    const chunks: ChatCompletionChunk[] = [];
    const result = await engine.chat(ask, { onEvent: openRouterChunks((c) => void chunks.push(c)) });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('first second ');
    const last = chunks.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe('error');
    expect(last.error).toMatchObject({ code: 408, message: 'Slow AI sent nothing for 1 s; the answer so far is kept', metadata: { error_type: 'timeout' } });
    expect(result.completion?.choices[0]?.message.content).toBe('first second ');
    expect(records[0]).toMatchObject({ finishReason: 'error', error: { code: 408, message: 'Slow AI sent nothing for 1 s; the answer so far is kept' } });
    expect(records[0]!.tokens?.completion).toBeGreaterThan(0); // estimated from what was said
    expect(openai.requests).toHaveLength(1); // no failover after the first byte
  });

  it('ends the local API stream with OpenRouter’s mid-stream error chunk', async () => {
    const openai = await fake('openai');
    openai.enqueue({ reply: { text: ['first ', 'second ', 'third'] }, stallAfterChunks: { after: 2 } });
    const { engine } = engineOver(() => [openai.upstream({ label: 'Slow AI' })], { idleTimeoutMs: 1000 });
    const api = await startLocalApi({ engine, port: 0, token: 'parley-test-token' });
    cleanups.push(() => api.close());
    const res = await fetch(`${api.url}/chat/completions`, {
      method: 'POST', headers: { authorization: 'Bearer parley-test-token', 'content-type': 'application/json' }, body: JSON.stringify(ask),
    });
    const frames = (await res.text()).split('\n\n').filter((f) => f.startsWith('data: {')).map((f) => JSON.parse(f.slice(6)) as ChatCompletionChunk);
    expect(frames.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('first ');
    expect(frames.at(-1)).toMatchObject({ error: { code: 408, message: 'Slow AI sent nothing for 1 s; the answer so far is kept' }, choices: [{ finish_reason: 'error' }] });
  });

  it('does not count the time the caller itself holds the stream (backpressure)', async () => {
    const openai = await fake('openai');
    openai.enqueue({ reply: { text: ['one ', 'two ', 'three'] } });
    const { engine } = engineOver(() => [openai.upstream()], { idleTimeoutMs: 300 });
    let held = false;
    const chunks: ChatCompletionChunk[] = [];
    const result = await engine.chat(ask, {
      onEvent: openRouterChunks(async (c) => {
        chunks.push(c);
        if (!held && c.choices[0]?.delta.content) {
          held = true;
          await new Promise((r) => setTimeout(r, 1000)); // a slow reader, far longer than the idle timeout
        }
      }),
    });
    expect(result.error).toBeUndefined();
    expect(result.completion?.choices[0]?.message.content).toBe('one two three');
    expect(result.record.error).toBeUndefined();
  });
});

describe('a stream that sends nothing before its first token', () => {
  it('waits the first-token timeout once, not once per retry, and says how long it waited', async () => {
    const openai = await fake('openai');
    openai.setDefault({ stallBeforeHeadersMs: Infinity });
    const { engine, records } = engineOver(() => [openai.upstream({ label: 'Stuck AI' })], { ttftTimeoutMs: 300, maxRetries: 2 });
    const result = await engine.chat(ask);
    expect(result.error).toMatchObject({ status: 408, error: { message: 'Stuck AI sent no output within 0.3 s', metadata: { error_type: 'timeout' } } });
    expect(openai.requests).toHaveLength(1);
    expect(records[0]!.attempts).toHaveLength(1);
  });

  it('with failover, the message states the whole wait across endpoints', async () => {
    const a = await fake('anthropic');
    const b = await fake('openrouter');
    a.setDefault({ stallBeforeHeadersMs: Infinity });
    b.setDefault({ stallBeforeHeadersMs: Infinity });
    const { engine, records } = engineOver(() => [a.upstream({ label: 'First' }), b.upstream({ label: 'Second' })], { ttftTimeoutMs: 300 });
    const result = await engine.chat({ ...ask, model: 'anthropic/claude-sonnet-4.5' });
    const waited = records[0]!.durationMs / 1000;
    expect(result.error?.error.message).toMatch(/^Second sent no output within 0\.3 s \(2 endpoints tried over (\d+(\.\d)?) s\)$/);
    const stated = Number(/over (\d+(?:\.\d)?) s/.exec(result.error!.error.message)![1]);
    expect(stated).toBeGreaterThanOrEqual(0.6);
    expect(Math.abs(stated - waited)).toBeLessThanOrEqual(0.1);
    expect(a.requests.length + b.requests.length).toBe(2);
  });
});
