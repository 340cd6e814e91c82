import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildUpstreams, upstreamsFromEnv } from '../../../../electron/engine/config/build-upstreams';
import { detectLocalServers } from '../../../../electron/engine/config/detect-local';
import { listUpstreamModels } from '../../../../electron/engine/config/list-models';
import type { UpstreamConfig } from '../../../../electron/engine/types';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => {
    s.closeAllConnections();
    return new Promise((r) => s.close(r));
  }));
});

async function serve(handler: (req: IncomingMessage) => { status?: number; json?: unknown; stall?: boolean }) {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    const out = handler(req);
    if (out.stall) return;
    res.writeHead(out.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(out.json ?? {}));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { port, seen, url: `http://127.0.0.1:${port}` };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('upstreams from environment variables', () => {
  it('reads the four keys with default base URLs', () => {
    const list = upstreamsFromEnv({ OPENROUTER_API_KEY: 'sk-or-1', OPENAI_API_KEY: 'sk-2', ANTHROPIC_API_KEY: 'sk-ant-3', GEMINI_API_KEY: 'AIza4' });
    expect(list.map((u) => [u.id, u.kind, u.label, u.baseUrl, u.isByok])).toEqual([
      ['env:openrouter', 'openrouter', 'OpenRouter', 'https://openrouter.ai/api/v1', false],
      ['env:openai', 'openai-compatible', 'OpenAI', 'https://api.openai.com/v1', true],
      ['env:anthropic', 'anthropic', 'Anthropic', 'https://api.anthropic.com', true],
      ['env:gemini', 'gemini', 'Google AI Studio', 'https://generativelanguage.googleapis.com', true],
    ]);
    expect(list.map((u) => u.apiKey)).toEqual(['sk-or-1', 'sk-2', 'sk-ant-3', 'AIza4']);
    expect(list[0]!.supportsWebSearch).toBe(true);
  });

  it('honours the *_BASE_URL overrides and skips empty keys', () => {
    const list = upstreamsFromEnv({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'http://127.0.0.1:5555/', OPENAI_API_KEY: '  ' });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ baseUrl: 'http://127.0.0.1:5555', kind: 'anthropic' });
  });
});

describe('buildUpstreams', () => {
  it('merges vault, env, custom and local, vault winning over env for the same provider', () => {
    const local: UpstreamConfig = { id: 'local:ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', isByok: true, models: ['llama3'] };
    const list = buildUpstreams({
      vault: [
        { id: 'anthropic:1', kind: 'anthropic', label: 'Anthropic', apiKey: 'vault-key' },
        { id: 'openai-compatible:2', kind: 'openai-compatible', label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', apiKey: 'g' },
      ],
      env: { ANTHROPIC_API_KEY: 'env-key', OPENROUTER_API_KEY: 'or' },
      custom: [{ name: 'My vLLM', baseUrl: 'http://10.0.0.5:8000/v1', models: ['qwen'] }],
      local: [local],
    });
    expect(list.map((u) => u.id)).toEqual(['anthropic:1', 'openai-compatible:2', 'env:openrouter', 'custom:my-vllm', 'local:ollama']);
    expect(list[0]).toMatchObject({ apiKey: 'vault-key', baseUrl: 'https://api.anthropic.com', isByok: true });
    expect(list[3]).toMatchObject({ kind: 'openai-compatible', label: 'My vLLM', models: ['qwen'] });
  });

  it('a keyless stored entry does not hide the environment key for its provider', () => {
    const list = buildUpstreams({
      vault: [{ id: 'anthropic:old', kind: 'anthropic', label: 'Anthropic (no key)' }],
      env: { ANTHROPIC_API_KEY: 'env-key' },
    });
    expect(list.find((u) => u.kind === 'anthropic' && u.apiKey)).toMatchObject({ id: 'env:anthropic', apiKey: 'env-key' });
  });

  it('never calls a base URL that is not http(s), whether stored or from the environment', () => {
    const list = buildUpstreams({
      vault: [
        { id: 'openai-compatible:js', kind: 'openai-compatible', label: 'JS', baseUrl: 'javascript:alert(1)', apiKey: 'k' },
        { id: 'openai-compatible:file', kind: 'openai-compatible', label: 'File', baseUrl: 'file:///etc/passwd', apiKey: 'k' },
      ],
      env: { OPENROUTER_API_KEY: 'or', OPENROUTER_BASE_URL: 'data:text/plain,hi' },
    });
    expect(list).toEqual([]);
  });

  it('sends a typed key without its own base URL where the environment points its kind', () => {
    const list = buildUpstreams({
      vault: [
        { id: 'openrouter:1', kind: 'openrouter', label: 'My OpenRouter', apiKey: 'typed' },
        { id: 'anthropic:1', kind: 'anthropic', label: 'Anthropic', baseUrl: 'https://proxy.example/anthropic', apiKey: 'a' },
      ],
      env: { OPENROUTER_BASE_URL: 'http://127.0.0.1:9999/api/v1/', ANTHROPIC_BASE_URL: 'http://127.0.0.1:5555' },
    });
    expect(list.map((u) => [u.id, u.baseUrl])).toEqual([
      ['openrouter:1', 'http://127.0.0.1:9999/api/v1'],
      ['anthropic:1', 'https://proxy.example/anthropic'], // its own base URL wins
    ]);
  });

  it('prefers a configured custom endpoint over a detected server on the same URL', () => {
    const local: UpstreamConfig = { id: 'local:ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', isByok: true };
    const list = buildUpstreams({ custom: [{ name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1/' }], local: [local] });
    expect(list.map((u) => u.id)).toEqual(['custom:ollama']);
    expect(list[0]!.dataCollection).toBe('deny'); // loopback servers keep data local
  });
});

describe('local server detection', () => {
  it('finds Ollama and LM Studio with their models', async () => {
    const ollama = await serve((req) => (req.url === '/api/tags' ? { json: { models: [{ name: 'llama3:latest' }, { name: 'qwen2.5:7b' }] } } : { status: 404 }));
    const lm = await serve((req) => (req.url === '/v1/models' ? { json: { data: [{ id: 'mistral-7b-instruct' }] } } : { status: 404 }));
    const found = await detectLocalServers({ ollamaPort: ollama.port, lmStudioPort: lm.port });
    expect(found).toEqual([
      { id: 'local:ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: `${ollama.url}/v1`, isByok: true, models: ['llama3:latest', 'llama3', 'qwen2.5:7b'], dataCollection: 'deny', supportsWebSearch: false },
      { id: 'local:lm-studio', kind: 'openai-compatible', label: 'LM Studio', baseUrl: `${lm.url}/v1`, isByok: true, models: ['mistral-7b-instruct'], dataCollection: 'deny', supportsWebSearch: false },
    ]);
  });

  it('returns nothing for closed ports and gives up on a server that does not answer', async () => {
    const stalled = await serve(() => ({ stall: true }));
    const started = Date.now();
    const found = await detectLocalServers({ ollamaPort: await freePort(), lmStudioPort: stalled.port, timeoutMs: 150 });
    expect(found).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('listUpstreamModels', () => {
  const base = (kind: UpstreamConfig['kind'], url: string, extra: Partial<UpstreamConfig> = {}): UpstreamConfig => ({
    id: kind, kind, label: extra.label ?? kind, baseUrl: url, isByok: kind !== 'openrouter', apiKey: 'sk-test-KEY-123456', ...extra,
  });

  it('calls each provider its own way', async () => {
    const srv = await serve((req) => {
      if (req.url === '/v1/models/models') return { json: { data: [{ id: 'gpt-4o' }] } };
      if (req.url === '/v1/models?limit=1000') return { json: { data: [{ id: 'claude-sonnet-4-5' }] } };
      if (req.url === '/v1beta/models?pageSize=1000') return { json: { models: [{ name: 'models/gemini-2.5-pro' }] } };
      if (req.url === '/api/tags') return { json: { models: [{ name: 'llama3:latest' }] } };
      return { status: 404 };
    });
    expect(await listUpstreamModels(base('openai-compatible', `${srv.url}/v1/models`))).toEqual({ ok: true, models: ['gpt-4o'], url: `${srv.url}/v1/models/models`, status: 200 });
    expect(srv.seen[0]!.headers.authorization).toBe('Bearer sk-test-KEY-123456');
    expect(await listUpstreamModels(base('anthropic', srv.url))).toMatchObject({ ok: true, models: ['claude-sonnet-4-5'] });
    expect(srv.seen[1]!.headers).toMatchObject({ 'x-api-key': 'sk-test-KEY-123456', 'anthropic-version': '2023-06-01' });
    // the address shown drops the query string
    expect(await listUpstreamModels(base('gemini', srv.url))).toEqual({ ok: true, models: ['gemini-2.5-pro'], url: `${srv.url}/v1beta/models`, status: 200 });
    expect(srv.seen[2]!.headers['x-goog-api-key']).toBe('sk-test-KEY-123456');
    expect(await listUpstreamModels(base('openai-compatible', `${srv.url}/v1`, { id: 'local:ollama', label: 'Ollama', apiKey: undefined }))).toMatchObject({ ok: true, models: ['llama3:latest', 'llama3'] });
  });

  it('does not list a "model" whose id carries the key, in any form', async () => {
    const key = 'sk-test-KEY-123456';
    const srv = await serve(() => ({ json: { data: [{ id: 'gpt-4o' }, { id: key }, { id: Buffer.from(key).toString('base64') }, { id: `x-${encodeURIComponent(key)}` }] } }));
    expect(await listUpstreamModels(base('openai-compatible', `${srv.url}/v1`))).toMatchObject({ ok: true, models: ['gpt-4o'] });
  });

  it('reports a rejected key by upstream name, without the key', async () => {
    const srv = await serve(() => ({ status: 401, json: { error: { message: 'Incorrect API key provided: sk-test-KEY-123456' } } }));
    const result = await listUpstreamModels(base('openrouter', srv.url, { label: 'OpenRouter' }));
    expect(result).toEqual({ ok: false, status: 401, message: `OpenRouter rejected the API key: HTTP 401 from ${srv.url}/models.`, url: `${srv.url}/models` });
  });

  it('redacts the key from other errors and reports unreachable servers', async () => {
    const srv = await serve(() => ({ status: 500, json: { error: 'bad key sk-test-KEY-123456' } }));
    const result = await listUpstreamModels(base('openai-compatible', srv.url, { label: 'Custom' }));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('KEY-123456');
    const dead = await listUpstreamModels(base('anthropic', `http://127.0.0.1:${await freePort()}`, { label: 'Anthropic' }));
    expect(dead).toMatchObject({ ok: false, status: null });
    expect(!dead.ok && dead.message).toMatch(/^Could not reach Anthropic at http:\/\/127\.0\.0\.1:\d+\/v1\/models \(ECONNREFUSED\)\.$/);
  });

  it('names the address it tried without credentials or query secrets', async () => {
    const srv = await serve(() => ({ status: 500, json: { error: 'down' } }));
    const withUser = srv.url.replace('http://', 'http://user:hunter2@');
    const result = await listUpstreamModels(base('openai-compatible', `${withUser}/v1?api_key=sk-test-KEY-123456`, { label: 'Custom' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(`${srv.url}/v1`);
    expect(!result.ok && result.url).toBe(`${srv.url}/v1`);
    expect(JSON.stringify(result)).not.toMatch(/hunter2|KEY-123456|api_key/);
  });
});
