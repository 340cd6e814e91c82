/**
 * Fake provider HTTP servers on 127.0.0.1 (random port) speaking the exact wire formats of OpenAI-compatible
 * servers, OpenRouter, Anthropic and Gemini — for adapter, router, local-API, e2e tests and benchmarks.
 *
 *   const fake = await startFakeUpstream('anthropic', { requireKey?: 'k', models?: ['m'] });
 *   fake.url;                       // base URL as Parley configures it (…/v1, …/api/v1, or the origin)
 *   fake.upstream({ apiKey: 'k' }); // an UpstreamConfig pointing at it
 *   fake.enqueue({ reply: { text: 'Hi', usage: { prompt: 5, completion: 2 } } });   // next request(s), FIFO
 *   fake.enqueue({ status: 429, retryAfter: 2 }, { fixture: 'anthropic/anthropic-text.chunks.txt' });
 *   fake.setDefault(req => ({ reply: { text: `echo ${(req.body as any).model}` } }));  // when the queue is empty
 *   fake.requests;                  // [{ method, path, url, query, headers, body (parsed JSON), rawBody }]
 *   await fake.close();
 *
 * A script (FakeScript in ./types.ts) answers from `reply` (text / reasoning / toolCalls / usage in normalised
 * terms, rendered per wire), a recorded `fixture` (path under test/fixtures/provider-streams), raw
 * `frames` or `body`. Errors: `status` >= 400 sends the provider's error envelope (`error: {message, type,
 * code, retryDelaySeconds}`), `retryAfter` / `retryAfterMs` headers. Faults: stallBeforeHeadersMs,
 * resetBeforeHeaders, stallAfterChunks {after, ms?}, resetAfterChunks, malformedAfterChunks, endAfterChunks
 * (truncated), omitTerminal (no [DONE] / message_stop / finishReason), midStreamError {after, status?, message?,
 * type?}, keepAliveEvery. Pacing: tokensPerSecond; chunksPerWrite coalesces frames per socket write. OpenRouter
 * sends `: OPENROUTER PROCESSING` first and an X-Generation-Id header; Anthropic sends a ping after
 * message_start; Gemini frames with CRLF. Streaming follows the request (`stream: true`, or Gemini's
 * :streamGenerateContent) unless the script sets `stream`.
 */
export { startFakeUpstream, FAKE_KIND_OF } from './fake-upstream';
export { FIXTURES_DIR, fixtureLines, readFixture, fixturePath } from './fixtures';
export type {
  FakeKind, FakeKindInput, FakeReply, FakeUsage, FakeErrorSpec, FakeScript, RecordedRequest, ScriptSource,
  FakeUpstream, StartFakeOptions,
} from './types';
