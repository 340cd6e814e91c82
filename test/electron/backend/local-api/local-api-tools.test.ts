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
