import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { createBackend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { startFakeUpstream } from '../../../fakes';

// The local API is for other apps: their `tools`, `tool_choice` and tool messages pass through untouched (no MCP).

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A backend whose only key is `kind`'s, pointing at `upstream`; its local API on, and an app token for it. */
async function localApiOver(upstream: Awaited<ReturnType<typeof startFakeUpstream>>, key: { id: string; kind: string; label: string; apiKey: string }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-local-api-tools-'));
  const b = createBackend({ dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  cleanups.push(() => b.close());
  const call = async (route: string, input: unknown) => {
    const r = await b.dispatch(route as never, input as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Record<string, unknown>;
  };
  await call('keys.set', { ...key, baseUrl: upstream.url });
  await call('settings.update', { localApiEnabled: true, localApiPort: 0 });
  const url = (await call('api.status', {})).url as string;
  const token = (await call('apiKeys.create', { label: 'Agent' })).token as string;
  return new OpenAI({ baseURL: url, apiKey: token, maxRetries: 0 });
}

const WEATHER_TOOL = { type: 'function' as const, function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };
const WEATHER_TURN = [
  { role: 'user' as const, content: 'Weather in Oslo?' },
  { role: 'assistant' as const, content: null, tool_calls: [{ id: 'call_1', type: 'function' as const, function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] },
  { role: 'tool' as const, tool_call_id: 'call_1', content: 'sunny, 21°C' },
];

describe('local API: tools reach BYOK upstreams in their own wire format', () => {
  it('Anthropic: tools with input_schema, a named tool_choice, tool_use and tool_result blocks; the model’s calls come back', async () => {
    const upstream = await startFakeUpstream('anthropic', { requireKey: 'sk-ant-local-api' });
    cleanups.push(() => upstream.close());
    upstream.setDefault({ reply: { toolCalls: [{ id: 'toolu_9', name: 'get_weather', arguments: { city: 'Bergen' } }] } });
    const client = await localApiOver(upstream, { id: 'anthropic', kind: 'anthropic', label: 'Anthropic', apiKey: 'sk-ant-local-api' });
    const res = await client.chat.completions.create({
      model: 'anthropic/claude-sonnet-4.5', tools: [WEATHER_TOOL], tool_choice: { type: 'function', function: { name: 'get_weather' } }, messages: WEATHER_TURN,
    });
    expect(res.choices[0]?.finish_reason).toBe('tool_calls');
    expect(res.choices[0]?.message.tool_calls).toEqual([{ id: 'toolu_9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Bergen"}' } }]);
    const sent = upstream.requests.at(-1)!.body as Record<string, unknown>;
    expect(sent.tools).toEqual([{ name: 'get_weather', description: 'Weather', input_schema: WEATHER_TOOL.function.parameters }]);
    expect(sent.tool_choice).toEqual({ type: 'tool', name: 'get_weather' });
    expect(sent.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Oslo?' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Oslo' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1', content: 'sunny, 21°C' }] },
    ]);
  });

  it('Gemini: functionDeclarations, ANY with the allowed name, functionCall and functionResponse parts; the calls come back', async () => {
    const upstream = await startFakeUpstream('gemini', { requireKey: 'AIza-local-api' });
    cleanups.push(() => upstream.close());
    upstream.setDefault({ reply: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Bergen' } }] } });
    const client = await localApiOver(upstream, { id: 'gemini', kind: 'gemini', label: 'Google AI Studio', apiKey: 'AIza-local-api' });
    const res = await client.chat.completions.create({
      model: 'google/gemini-2.5-flash', tools: [WEATHER_TOOL], tool_choice: { type: 'function', function: { name: 'get_weather' } }, messages: WEATHER_TURN,
    });
    expect(res.choices[0]?.finish_reason).toBe('tool_calls');
    expect(res.choices[0]?.message.tool_calls).toEqual([{ id: 'call_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Bergen"}' } }]);
    const sent = upstream.requests.at(-1)!.body as Record<string, unknown>;
    expect(sent.tools).toEqual([{ functionDeclarations: [{ name: 'get_weather', description: 'Weather', parametersJsonSchema: WEATHER_TOOL.function.parameters }] }]);
    expect(sent.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } });
    expect(sent.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Oslo?' }] },
      { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Oslo' } } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { content: 'sunny, 21°C' } } }] },
    ]);
  });
});

describe('local API: tools pass through', () => {
  it('forwards tools, tool_choice, the assistant’s calls and the tool results to the upstream', async () => {
    const KEY = 'sk-upstream-secret-4242';
    const upstream = await startFakeUpstream('openai', { requireKey: KEY });
    cleanups.push(() => upstream.close());
    upstream.setDefault({ reply: { text: 'It is sunny.', usage: { prompt: 10, completion: 5 } } });
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-local-api-tools-'));
    const b = createBackend({ dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
    cleanups.push(() => b.close());
    const call = async (route: string, input: unknown) => {
      const r = await b.dispatch(route as never, input as never);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as Record<string, unknown>;
    };
    await call('keys.set', { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: upstream.url, apiKey: KEY });
    await call('settings.update', { localApiEnabled: true, localApiPort: 0 });
    const url = (await call('api.status', {})).url as string;
    const token = (await call('apiKeys.create', { label: 'Agent' })).token as string;

    const tools = [{ type: 'function' as const, function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    const res = await new OpenAI({ baseURL: url, apiKey: token, maxRetries: 0 }).chat.completions.create({
      model: 'openai/gpt-4o',
      tools,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      messages: [
        { role: 'user', content: 'Weather in Oslo?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny, 21°C' },
      ],
    });
    expect(res.choices[0]?.message.content).toBe('It is sunny.');
    const sent = upstream.requests.at(-1)!.body as Record<string, unknown>;
    expect(sent.tools).toEqual(tools);
    expect(sent.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(sent.messages).toEqual([
      { role: 'user', content: 'Weather in Oslo?' },
      expect.objectContaining({ role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] }),
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny, 21°C' },
    ]);
  });
});
