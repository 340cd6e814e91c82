import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openRouterChunks } from '../../../../electron/engine/api/openrouter-chunks';
import { startLocalApi } from '../../../../electron/engine/api/local-api';
import { createPricingHooks } from '../../../../electron/engine/catalog/pricing-hooks';
import { createEngine, type EngineOptions } from '../../../../electron/engine/engine';
import { loadBundledCatalog } from '../../../../shared/catalog';
import type { ChatCompletionChunk } from '../../../../shared/openrouter/chat-response';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { startFakeUpstream, type FakeUpstream } from '../../../fakes';

// Every billable unit from the wire to the record, priced with the bundled catalog, against fake providers.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(kind: Parameters<typeof startFakeUpstream>[0]): Promise<FakeUpstream> {
  const f = await startFakeUpstream(kind);
  cleanups.push(() => f.close());
  return f;
}

const hooks = createPricingHooks(() => loadBundledCatalog());

function engineOver(upstreams: EngineOptions['upstreams']) {
  const records: GenerationRecord[] = [];
  const engine = createEngine({
    upstreams,
    onGeneration: (r) => records.push(r),
    sleep: async () => {},
    pricing: hooks.pricing,
    priceUsage: hooks.priceUsage,
    priceSnapshot: hooks.priceSnapshot,
  });
  return { engine, records };
}

async function streamed(engine: ReturnType<typeof createEngine>, model: string) {
  const chunks: ChatCompletionChunk[] = [];
  const result = await engine.chat({ model, messages: [{ role: 'user', content: 'hello' }], stream: true }, { onEvent: openRouterChunks((c) => void chunks.push(c)) });
  return { result, chunks, usage: chunks.at(-1)?.usage };
}

describe('Anthropic: 1-hour cache writes and web searches reach the cost', () => {
  it('prices them end to end: 1-hour writes at 2× input, searches at $10 per thousand', async () => {
    const anthropic = await fake('anthropic');
    // 12,000 prompt tokens: 1,000 plain input, 3,000 cache writes of which 2,000 with the 1-hour TTL, 8,000 reads;
    // 400 output tokens; 3 web searches.
    anthropic.enqueue({ reply: { text: 'Searched.', usage: { prompt: 12_000, completion: 400, cacheRead: 8_000, cacheWrite: 3_000, cacheWrite1h: 2_000, webSearchRequests: 3 } } });
    const { engine, records } = engineOver(() => [anthropic.upstream({ id: 'anthropic', label: 'Anthropic', apiKey: 'sk-ant-x' })]);
    const { usage } = await streamed(engine, 'anthropic/claude-sonnet-4.5');
    const r = records[0]!;
    expect(r.tokens).toMatchObject({ prompt: 12_000, completion: 400, cacheRead: 8_000, cacheWrite: 3_000, cacheWrite1h: 2_000, webSearchRequests: 3 });
    // input 1,000 × 3 = 3,000; reads 8,000 × 0.3 = 2,400; 5-minute writes 1,000 × 3.75 = 3,750;
    // 1-hour writes 2,000 × 6 = 12,000; output 400 × 15 = 6,000; searches 3 × 10,000 = 30,000 → 57,150 µ$
    expect(r.computedCostMicros).toBe(57_150);
    expect(r.costMicros).toBe(57_150);
    expect(Object.fromEntries(r.costLines!.map((l) => [l.component, l.micros]))).toEqual({
      input: 3_000, cache_read: 2_400, cache_write_5m: 3_750, cache_write_1h: 12_000, output: 6_000, web_search: 30_000,
    });
    // Had the 1-hour writes been priced as 5-minute ones, and the searches dropped, it would read $0.02265.
    expect(r.costMicros! - 22_650).toBe(2_000 * (6 - 3.75) + 30_000);
    expect(usage).toMatchObject({ server_tool_use: { web_search_requests: 3 }, cost: 0, is_byok: true, cost_details: { upstream_inference_cost: 0.05715 } });
  });
});

describe('OpenRouter: reported money kept at its own precision', () => {
  it('0.0001245 becomes 125 µ$ on the record and stays 0.0001245 for the caller', async () => {
    const or = await fake('openrouter');
    or.enqueue({ reply: { text: 'ok', usage: { prompt: 10, completion: 5, cost: 0.0001245 } } });
    const { engine, records } = engineOver(() => [or.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-x' })]);
    const { usage } = await streamed(engine, 'openai/gpt-4o');
    expect(records[0]).toMatchObject({ reportedCostMicros: 125, reportedCostUsd: '0.0001245', costMicros: 125, costSource: 'upstream' });
    expect(usage?.cost).toBe(0.0001245);
    expect(JSON.stringify(usage)).toContain('"cost":0.0001245');
  });

  it('the local API sends the exact decimal on the wire', async () => {
    const or = await fake('openrouter');
    or.setDefault({ reply: { text: 'ok', usage: { prompt: 10, completion: 5, cost: 0.0001245 } } });
    const { engine } = engineOver(() => [or.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-x' })]);
    const api = await startLocalApi({ engine, token: 'tok' });
    cleanups.push(() => api.close());
    const res = await fetch(`${api.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const text = await res.text();
    expect(text).toContain('"cost":0.0001245');
    expect(text).toContain('"is_byok":false');
  });

  it('BYOK through OpenRouter: the fee and the provider’s charge are both kept, the total is shown', async () => {
    const or = await fake('openrouter');
    // The provider charged $0.0105; OpenRouter's 5 % fee on that is $0.000525.
    or.enqueue({ reply: { text: 'ok', usage: { prompt: 1000, completion: 500, cost: 0.000525, isByok: true, upstreamCost: 0.0105 } } });
    const { engine, records } = engineOver(() => [or.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-x' })]);
    const { usage } = await streamed(engine, 'anthropic/claude-sonnet-4.5');
    expect(records[0]).toMatchObject({
      isByok: true, reportedCostMicros: 525, reportedCostUsd: '0.000525', upstreamCostMicros: 10_500, upstreamCostUsd: '0.0105',
      costMicros: 11_025, costSource: 'upstream', computedCostMicros: 10_500,
    });
    expect(usage).toMatchObject({ cost: 0.000525, is_byok: true, cost_details: { upstream_inference_cost: 0.0105 } });
  });
});

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('requests that failed', () => {
  it('nothing reached a provider (connection refused): not sent, $0', async () => {
    const port = await closedPort();
    const { engine, records } = engineOver(() => [
      { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'sk-x', isByok: true, providerId: 'openai' },
    ]);
    const { result } = await streamed(engine, 'openai/gpt-4o');
    expect(result.error?.status).toBe(502);
    expect(records[0]).toMatchObject({ costMicros: 0, costReason: 'not-sent', tokens: null });
    expect(records[0]!.attempts.every((a) => a.sent === false)).toBe(true);
  });

  it('a provider answered with an error before any output, without usage: failed, $0', async () => {
    const or = await fake('openrouter');
    or.enqueue({ status: 400, error: { message: 'bad' } });
    const { engine, records } = engineOver(() => [or.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-x' })]);
    await streamed(engine, 'openai/gpt-4o');
    expect(records[0]).toMatchObject({ costMicros: 0, costReason: 'failed' });
  });

  it('a provider reported usage on a failed request: priced, and marked so', async () => {
    const or = await fake('openrouter');
    const usage = '{"prompt_tokens":1000,"completion_tokens":0,"total_tokens":1000,"cost":0.0025}';
    or.setDefault({ // the same answer on every retry
      frames: [
        `data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"openai/gpt-4o","provider":"P","choices":[],"usage":${usage}}\n\n`,
        'data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"openai/gpt-4o","error":{"code":502,"message":"upstream died"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}\n\n',
      ],
    });
    const { engine, records } = engineOver(() => [or.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-x' })]);
    const { result } = await streamed(engine, 'openai/gpt-4o');
    expect(result.error).toBeDefined();
    // three attempts (the first and two retries), each reported the same usage
    expect(records[0]!.attempts).toHaveLength(3);
    expect(records[0]).toMatchObject({ costMicros: 7500, costReason: 'charged-on-error', tokens: { prompt: 3000 } });
  });
});
