import { afterEach, describe, expect, it } from 'vitest';
import { createStreamManager } from '../../../../electron/backend/chat/stream-manager';
import { createPricingHooks, createEngine, type UpstreamConfig } from '../../../../electron/engine';
import { createRoomApprovals } from '../../../../electron/tools/loop/room-approvals';
import { sumLoopSteps } from '../../../../electron/tools/loop/loop-cost';
import { loadBundledCatalog } from '../../../../shared/catalog';
import type { StreamSnapshot } from '../../../../shared/contract/chat';
import type { McpServerSummary } from '../../../../shared/contract/mcp';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { resolveOfferedTools } from '../../../../shared/tools/tool-selection';
import { startFakeUpstream, type FakeKind, type FakeUpstream } from '../../../fakes';
import { startFakeHttpMcp } from '../../../fakes/mcp/http-server';
import { addConfirmedStdio, newManager } from '../../tools/mcp/support';

// A whole tool loop per wire format, through main's stream manager and the real routing engine: the fake provider
// streams two parallel tool calls with their arguments in pieces, the real MCP server (stdio, or Streamable HTTP)
// answers them, the results go back to the provider in its own format, the final answer arrives, and every step is
// its own record priced as the fake billed.

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const hooks = createPricingHooks(() => loadBundledCatalog());
const QUESTION = 'Echo alpha and beta, please.';

/** Step 1: two parallel echo calls (arguments streamed in pieces); step 2: the answer. */
function scriptTwoSteps(fake: FakeUpstream, usage: { first: object; second: object }) {
  fake.enqueue(
    { reply: { toolCalls: [{ id: 'call_a', name: 'echo', arguments: { text: 'alpha' } }, { id: 'call_b', name: 'echo', arguments: { text: 'beta' } }], usage: usage.first } },
    { reply: { text: 'Both echoed back.', usage: usage.second } },
  );
}

async function mcpStdio(): Promise<{ servers: McpServerSummary[]; manager: ReturnType<typeof newManager>['manager'] }> {
  const m = newManager();
  cleanups.push(() => m.manager.close());
  const server = await m.manager.start((await addConfirmedStdio(m.manager, 'Fake')).id);
  return { servers: [server], manager: m.manager };
}

async function mcpHttp(): Promise<{ servers: McpServerSummary[]; manager: ReturnType<typeof newManager>['manager'] }> {
  const http = await startFakeHttpMcp({ kind: 'streamable' });
  cleanups.push(() => http.close());
  const m = newManager();
  cleanups.push(() => m.manager.close());
  const saved = await m.manager.save({ transport: 'http', name: 'Remote', url: http.url, headers: [] });
  const server = await m.manager.start(saved.id);
  expect(server).toMatchObject({ status: 'ready', connectedVia: 'streamable-http' });
  return { servers: [server], manager: m.manager };
}

async function fakeProvider(kind: FakeKind): Promise<FakeUpstream> {
  const fake = await startFakeUpstream(kind);
  cleanups.push(() => fake.close());
  return fake;
}

/** Runs one column's loop to its end, allowing every card once as it appears (as a user would). */
async function runLoop(model: string, upstream: UpstreamConfig, mcp: Awaited<ReturnType<typeof mcpStdio>>, extra: Partial<ChatRequest> = {}) {
  const records: GenerationRecord[] = [];
  const engine = createEngine({
    upstreams: () => [upstream],
    onGeneration: (r) => records.push(r),
    sleep: async () => {},
    pricing: hooks.pricing,
    priceUsage: hooks.priceUsage,
    priceSnapshot: hooks.priceSnapshot,
  });
  const offered = resolveOfferedTools({ servers: mcp.servers.map((s) => s.id), tools: [] }, mcp.servers);
  const asked: string[] = [];
  let done!: (s: StreamSnapshot) => void;
  const finished = new Promise<StreamSnapshot>((r) => (done = r));
  const streams = createStreamManager(
    engine,
    {
      delta: (d) => {
        for (const call of d.toolSteps?.flatMap((s) => s.calls) ?? []) {
          if (call.decision === 'pending' && streams.approveTool('loop', call.callId, 'once')) asked.push(`${call.tool} ${call.argumentsText}`);
        }
      },
      finished: (s) => done(s),
    },
    { flushMs: 5, tools: { callTool: mcp.manager.callTool, approvals: createRoomApprovals() } },
  );
  cleanups.push(() => streams.close());
  streams.start('loop', { conversationId: 'room', messageId: 'm', columnId: 'col' }, { ...extra, model, messages: [{ role: 'user', content: QUESTION }] }, { offered });
  const snap = await finished;
  return { snap, records, asked };
}

function expectTwoStepLoop(run: Awaited<ReturnType<typeof runLoop>>, serverLabel: string) {
  const { snap, records, asked } = run;
  expect(snap.error).toBeNull();
  expect(snap.status).toBe('done');
  expect(snap.text).toBe('Both echoed back.');
  // The calls reached the MCP server with the exact arguments the model streamed in pieces.
  expect(asked).toEqual(['echo {"text":"alpha"}', 'echo {"text":"beta"}']);
  expect(snap.toolSteps).toHaveLength(2);
  expect(snap.toolSteps![0]!.calls.map((c) => [c.decision, c.result?.text])).toEqual([
    ['allowed-once', `${serverLabel}: alpha`],
    ['allowed-once', `${serverLabel}: beta`],
  ]);
  // Each step is its own generation record, the same ones the engine journaled.
  expect(snap.toolSteps!.map((s) => s.record?.id)).toEqual(records.map((r) => r.id));
  expect(new Set(records.map((r) => r.id)).size).toBe(2);
  expect(snap.record?.id).toBe(records[1]!.id);
}

const costs = (run: Awaited<ReturnType<typeof runLoop>>) => run.snap.toolSteps!.map((s) => s.record!.costMicros);
const total = (run: Awaited<ReturnType<typeof runLoop>>) => sumLoopSteps(run.snap.toolSteps!.map((s) => s.record!));

describe('a whole tool loop in each wire format, with the real stdio MCP server', () => {
  it('OpenAI chat: delta.tool_calls in pieces → `tool` messages; priced from the catalog', async () => {
    const fake = await fakeProvider('openai');
    scriptTwoSteps(fake, { first: { prompt: 120, completion: 30 }, second: { prompt: 200, completion: 8 } });
    const run = await runLoop('openai/gpt-4o', fake.upstream({ id: 'openai', label: 'OpenAI', apiKey: 'sk-proj-x' }), await mcpStdio());
    expectTwoStepLoop(run, 'stdio-fake');

    const [first, second] = fake.requests.map((r) => r.body as Record<string, unknown>);
    expect((first!.tools as { function: { name: string } }[]).map((t) => t.function.name)).toContain('echo');
    expect(second!.messages).toEqual([
      { role: 'user', content: QUESTION },
      {
        role: 'assistant', content: null, tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'echo', arguments: '{"text":"alpha"}' } },
          { id: 'call_b', type: 'function', function: { name: 'echo', arguments: '{"text":"beta"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'stdio-fake: alpha' },
      { role: 'tool', tool_call_id: 'call_b', content: 'stdio-fake: beta' },
    ]);
    // gpt-4o: $2.50 in, $10 out per million → 2.5 µ$ and 10 µ$ a token.
    // Step 1: 120 × 2.5 + 30 × 10 = 600 µ$; step 2: 200 × 2.5 + 8 × 10 = 580 µ$.
    expect(costs(run)).toEqual([600, 580]);
    expect(total(run)).toMatchObject({ steps: 2, costMicros: 1180, promptTokens: 320, completionTokens: 38 });
  });

  it('Anthropic Messages: tool_use blocks with input_json_delta pieces → tool_result blocks', async () => {
    const fake = await fakeProvider('anthropic');
    scriptTwoSteps(fake, { first: { prompt: 400, completion: 60 }, second: { prompt: 520, completion: 12 } });
    const run = await runLoop('anthropic/claude-sonnet-4.5', fake.upstream({ id: 'anthropic', label: 'Anthropic', apiKey: 'sk-ant-x' }), await mcpStdio());
    expectTwoStepLoop(run, 'stdio-fake');

    const [first, second] = fake.requests.map((r) => r.body as Record<string, unknown>);
    expect((first!.tools as { name: string; input_schema: unknown }[]).find((t) => t.name === 'echo')?.input_schema).toMatchObject({
      type: 'object', properties: { text: { type: 'string' } },
    });
    expect(second!.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: QUESTION }] },
      {
        role: 'assistant', content: [
          { type: 'tool_use', id: 'call_a', name: 'echo', input: { text: 'alpha' } },
          { type: 'tool_use', id: 'call_b', name: 'echo', input: { text: 'beta' } },
        ],
      },
      {
        role: 'user', content: [
          { type: 'tool_result', tool_use_id: 'call_a', content: 'stdio-fake: alpha' },
          { type: 'tool_result', tool_use_id: 'call_b', content: 'stdio-fake: beta' },
        ],
      },
    ]);
    // Claude Sonnet 4.5: $3 in, $15 out per million.
    // Step 1: 400 × 3 + 60 × 15 = 2,100 µ$; step 2: 520 × 3 + 12 × 15 = 1,740 µ$.
    expect(costs(run)).toEqual([2100, 1740]);
    expect(total(run)).toMatchObject({ steps: 2, costMicros: 3840, promptTokens: 920, completionTokens: 72 });
  });

  it('Gemini (streamGenerateContent?alt=sse): two functionCall parts in one candidate → functionResponse parts', async () => {
    const fake = await fakeProvider('gemini');
    scriptTwoSteps(fake, { first: { prompt: 1000, completion: 40 }, second: { prompt: 1100, completion: 20 } });
    const run = await runLoop('google/gemini-2.5-flash', fake.upstream({ id: 'gemini', label: 'Google AI Studio', apiKey: 'AIza-x' }), await mcpStdio());
    expectTwoStepLoop(run, 'stdio-fake');

    expect(fake.requests.map((r) => r.url)).toEqual([
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    ]);
    const [first, second] = fake.requests.map((r) => r.body as Record<string, unknown>);
    expect((first!.tools as { functionDeclarations: { name: string }[] }[])[0]!.functionDeclarations.map((d) => d.name)).toContain('echo');
    expect(second!.contents).toEqual([
      { role: 'user', parts: [{ text: QUESTION }] },
      { role: 'model', parts: [{ functionCall: { name: 'echo', args: { text: 'alpha' } } }, { functionCall: { name: 'echo', args: { text: 'beta' } } }] },
      {
        role: 'user', parts: [
          { functionResponse: { name: 'echo', response: { content: 'stdio-fake: alpha' } } },
          { functionResponse: { name: 'echo', response: { content: 'stdio-fake: beta' } } },
        ],
      },
    ]);
    // Gemini 2.5 Flash: $0.30 in, $2.50 out per million.
    // Step 1: 1,000 × 0.3 + 40 × 2.5 = 400 µ$; step 2: 1,100 × 0.3 + 20 × 2.5 = 380 µ$.
    expect(costs(run)).toEqual([400, 380]);
    expect(total(run)).toMatchObject({ steps: 2, costMicros: 780, promptTokens: 2100, completionTokens: 60 });
  });

  it('OpenRouter: the OpenAI shape, each step priced by its own usage.cost', async () => {
    const fake = await fakeProvider('openrouter');
    scriptTwoSteps(fake, { first: { prompt: 150, completion: 30, cost: 0.000734 }, second: { prompt: 230, completion: 9, cost: 0.000412 } });
    const run = await runLoop('openai/gpt-4o', fake.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-x' }), await mcpStdio());
    expectTwoStepLoop(run, 'stdio-fake');

    const second = fake.requests[1]!.body as { messages: unknown[] };
    expect(second.messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_a', content: 'stdio-fake: alpha' },
      { role: 'tool', tool_call_id: 'call_b', content: 'stdio-fake: beta' },
    ]);
    expect(run.snap.toolSteps!.map((s) => [s.record!.costSource, s.record!.reportedCostUsd])).toEqual([['upstream', '0.000734'], ['upstream', '0.000412']]);
    expect(costs(run)).toEqual([734, 412]);
    expect(total(run).costMicros).toBe(1146);
  });
});

describe('a whole tool loop with the Streamable HTTP MCP server', () => {
  it('OpenAI chat against the HTTP server: the same loop, the HTTP server answers', async () => {
    const fake = await fakeProvider('openai');
    scriptTwoSteps(fake, { first: { prompt: 120, completion: 30 }, second: { prompt: 200, completion: 8 } });
    const run = await runLoop('openai/gpt-4o', fake.upstream({ id: 'openai', label: 'OpenAI', apiKey: 'sk-proj-x' }), await mcpHttp());
    expectTwoStepLoop(run, 'http-fake');
    const second = fake.requests[1]!.body as { messages: unknown[] };
    expect(second.messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_a', content: 'http-fake: alpha' },
      { role: 'tool', tool_call_id: 'call_b', content: 'http-fake: beta' },
    ]);
    expect(total(run).costMicros).toBe(1180);
  });
});

describe('signed reasoning goes back with the calls it belongs to', () => {
  it('Gemini 3: each functionCall part’s thoughtSignature is sent back on that part', async () => {
    const fake = await fakeProvider('gemini');
    fake.enqueue(
      { reply: { toolCalls: [{ name: 'echo', arguments: { text: 'alpha' }, thoughtSignature: 'sig-alpha' }, { name: 'echo', arguments: { text: 'beta' } }] } },
      { reply: { text: 'Both echoed back.' } },
    );
    const run = await runLoop('google/gemini-3-flash-preview', fake.upstream({ id: 'gemini', label: 'Google AI Studio', apiKey: 'AIza-x' }), await mcpStdio());
    expect(run.snap.error).toBeNull();
    expect(run.snap.status).toBe('done');
    const second = fake.requests[1]!.body as { contents: unknown[] };
    // Gemini refuses a function call turn whose signature is missing; only the part that carried one gets it back.
    expect(second.contents[1]).toEqual({
      role: 'model',
      parts: [{ functionCall: { name: 'echo', args: { text: 'alpha' } }, thoughtSignature: 'sig-alpha' }, { functionCall: { name: 'echo', args: { text: 'beta' } } }],
    });
  });

  it('Anthropic with thinking: the signed thinking block leads the assistant turn that carries the tool_use blocks', async () => {
    const fake = await fakeProvider('anthropic');
    fake.enqueue(
      { reply: { reasoning: 'Echo both words.', toolCalls: [{ id: 'call_a', name: 'echo', arguments: { text: 'alpha' } }] } },
      { reply: { text: 'Both echoed back.' } },
    );
    const run = await runLoop(
      'anthropic/claude-sonnet-4.5',
      fake.upstream({ id: 'anthropic', label: 'Anthropic', apiKey: 'sk-ant-x' }),
      await mcpStdio(),
      { reasoning: { max_tokens: 2000 } },
    );
    expect(run.snap.status).toBe('done');
    const second = fake.requests[1]!.body as { messages: { role: string; content: unknown }[] };
    // With thinking on, Anthropic refuses a tool_use turn that does not start with its signed thinking.
    expect(second.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Echo both words.', signature: 'fake-signature' },
        { type: 'tool_use', id: 'call_a', name: 'echo', input: { text: 'alpha' } },
      ],
    });
  });
});
