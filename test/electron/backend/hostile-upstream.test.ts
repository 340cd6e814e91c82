import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';
import { startFakeUpstream, type FakeUpstream } from '../../fakes';
import type { StreamSnapshot } from '../../../shared/contract/chat';

// A provider that reflects the keys it can see into every field it controls. None of it may reach what Parley
// shows (events), stores (records, snapshots) or journals (ledger/journal.jsonl), nor the local API's answers.

// Keys that no key-shaped pattern would catch: only knowing the configured keys (and their encodings) helps.
const KEY_OR = 'live_K3y+W1th/Odd=Chars_9f8e7d6c';
const KEY_OTHER = 'second.Upstream_Key_5a4b3c2d1e0f';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

/** What must never appear: the key itself, its URL-encoding, and a long stretch of its base64 at any alignment. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const key of [KEY_OR, KEY_OTHER]) {
    for (const f of [key, encodeURIComponent(key)]) if (text.includes(f)) found.push(f);
    for (let pad = 0; pad < 3; pad++) {
      const enc = b64('x'.repeat(pad) + key);
      const core = enc.slice(4, -4); // clear of the padding and of the neighbouring bytes
      for (const c of [core, core.replace(/\+/g, '-').replace(/\//g, '_')]) if (text.includes(c)) found.push(c);
    }
  }
  return found;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

async function setup(): Promise<{ backend: Backend; upstream: FakeUpstream; dataDir: string; seen: string[] }> {
  const upstream = await startFakeUpstream('openrouter');
  cleanups.push(() => upstream.close());
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-hostile-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const seen: string[] = [];
  for (const level of ['warn', 'error', 'log', 'info'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void seen.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
  }
  const backend = createBackend({
    dataDir, transport: 'host', version: 't', cipher: createLocalCipher(dataDir), detectLocalServers: false,
    env: { OPENROUTER_API_KEY: KEY_OR, OPENROUTER_BASE_URL: upstream.url },
  });
  cleanups.push(() => backend.close());
  await backend.dispatch('keys.set', { kind: 'openai-compatible', label: 'Other', baseUrl: 'http://127.0.0.1:9/v1', apiKey: KEY_OTHER });
  backend.hub.attach((event, payload) => void seen.push(`${event} ${JSON.stringify(payload)}`));
  return { backend, upstream, dataDir, seen };
}

function finished(b: Backend, streamId: string): Promise<StreamSnapshot> {
  return new Promise((done) => {
    const off = b.hub.attach((event, payload) => {
      if (event === 'chat.finished' && (payload as StreamSnapshot).streamId === streamId) {
        off();
        done(payload as StreamSnapshot);
      }
    });
  });
}

async function ask(b: Backend, streamId: string): Promise<StreamSnapshot> {
  const done = finished(b, streamId);
  await b.dispatch('chat.start', {
    streamId, meta: { conversationId: 'c1', messageId: `m-${streamId}`, columnId: `col-${streamId}` },
    request: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
  });
  return done;
}

describe('an upstream that reflects keys outside error bodies', () => {
  it('never gets a key, in any form, into events, snapshots, records, the journal, logs or the local API', async () => {
    const { backend, upstream, dataDir, seen } = await setup();
    // 1. Header, chunk id, model, provider and finish reason carry the keys.
    upstream.enqueue({
      generationId: KEY_OR,
      reply: { text: 'Hello there', id: `gen-${KEY_OR}`, model: `openai/${encodeURIComponent(KEY_OTHER)}`, provider: b64(KEY_OR), finishReason: b64url(KEY_OTHER) },
    });
    const first = await ask(backend, 'stream-hostile1');
    expect(first).toMatchObject({ status: 'done', text: 'Hello there', model: 'openai/gpt-4o', provider: 'OpenRouter' });
    expect(first.record).toMatchObject({ model: 'openai/gpt-4o', provider: 'OpenRouter', nativeFinishReason: null });
    expect(first.record!.upstreamGenerationId).toBeUndefined();

    // 2. An error body with the key base64-encoded inside a longer base64 text, and URL-encoded.
    upstream.enqueue({ status: 400, error: { message: `Bad credentials: ${b64(`Authorization: Bearer ${KEY_OR}`)} / ${encodeURIComponent(KEY_OTHER)}` } });
    const second = await ask(backend, 'stream-hostile2');
    expect(second.status).toBe('error');
    expect(second.error!.message).toMatch(/^OpenRouter returned HTTP 400: Bad credentials: /);

    // 3. A mid-stream error chunk after the first token.
    upstream.enqueue({ reply: { text: 'Partial answer here' }, midStreamError: { after: 2, message: `upstream saw ${b64url(KEY_OTHER)} and ${KEY_OR}` } });
    const third = await ask(backend, 'stream-hostile3');
    expect(third.status).toBe('error');
    expect(third.text.length).toBeGreaterThan(0);

    // 4. The same through the local API, streaming.
    await backend.localApi.set(true, 0);
    const api = backend.localApi.status();
    upstream.enqueue({ generationId: b64(KEY_OR), reply: { text: 'From the API', model: KEY_OR, provider: encodeURIComponent(KEY_OTHER), id: KEY_OTHER } });
    const res = await fetch(`${api.url}/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${backend.localApi.printableToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-4o', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const apiText = `${JSON.stringify([...res.headers])}\n${await res.text()}`;
    expect(apiText).toContain('"content":"API"');

    const journal = readFileSync(join(dataDir, 'ledger', 'journal.jsonl'), 'utf8');
    expect(journal.split('\n').filter((l) => l.includes('"kind":"record"'))).toHaveLength(4);
    const everything = [JSON.stringify([first, second, third]), apiText, journal, ...seen].join('\n');
    expect(leaks(everything)).toEqual([]);
    // The upstream did hold the key it reflected.
    expect(upstream.requests[0]!.headers.authorization).toBe(`Bearer ${KEY_OR}`);
  });
});
