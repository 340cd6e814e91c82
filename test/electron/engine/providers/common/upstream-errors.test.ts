import { describe, expect, it } from 'vitest';
import { parseErrorResponse, retryAfterFromHeaders } from '../../../../../electron/engine/providers/common/upstream-errors';
import { createScrubber, scrubSecrets } from '../../../../../electron/engine/providers/common/scrub';

const json = (o: unknown) => JSON.stringify(o);

describe('parseErrorResponse', () => {
  it('OpenAI 401 that echoes a masked key: names the upstream, removes the key', () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';
    const err = parseErrorResponse(401, new Headers(), json({ error: { message: 'Incorrect API key provided: sk-proj-****************************************6789. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', code: 'invalid_api_key' } }), 'OpenAI', [key]);
    expect(err.code).toBe(401);
    expect(err.errorType).toBe('authentication');
    expect(err.message.startsWith('OpenAI returned HTTP 401: Incorrect API key provided: [redacted]')).toBe(true);
    expect(err.message).not.toMatch(/6789|sk-proj/);
  });

  it('OpenAI 429 insufficient_quota is a payment problem, not a rate limit', () => {
    const err = parseErrorResponse(429, new Headers(), json({ error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }), 'OpenAI');
    expect(err).toMatchObject({ code: 402, status: 429, errorType: 'payment_required', providerCode: 'insufficient_quota' });
  });

  it('Anthropic 529 overloaded → 503 provider_overloaded; 400 prompt too long → context_length_exceeded', () => {
    expect(parseErrorResponse(529, new Headers(), json({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }), 'Anthropic'))
      .toEqual({ code: 503, status: 529, errorType: 'provider_overloaded', message: 'Anthropic returned HTTP 529: Overloaded', providerCode: 'overloaded_error' });
    expect(parseErrorResponse(400, new Headers(), json({ type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' } }), 'Anthropic'))
      .toMatchObject({ code: 400, errorType: 'context_length_exceeded' });
    expect(parseErrorResponse(413, new Headers(), json({ type: 'error', error: { type: 'request_too_large', message: 'Request exceeds the maximum size' } }), 'Anthropic'))
      .toMatchObject({ code: 413, errorType: 'payload_too_large' });
  });

  it('OpenRouter envelopes keep their error_type; Retry-After seconds are read', () => {
    const err = parseErrorResponse(402, new Headers(), json({ error: { code: 402, message: 'Insufficient credits', metadata: { error_type: 'payment_required' } } }), 'OpenRouter');
    expect(err).toEqual({ code: 402, status: 402, errorType: 'payment_required', message: 'OpenRouter returned HTTP 402: Insufficient credits' });
    expect(parseErrorResponse(429, new Headers({ 'Retry-After': '3' }), json({ error: { code: 429, message: 'Rate limited' } }), 'OpenRouter').retryAfterMs).toBe(3000);
  });

  it('Google 400 API_KEY_INVALID is an authentication error', () => {
    const err = parseErrorResponse(400, new Headers(), json({ error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }] } }), 'Google AI Studio');
    expect(err).toMatchObject({ code: 401, errorType: 'authentication', providerCode: 'API_KEY_INVALID' });
  });

  it('Google errors wrapped in an array, 503 UNAVAILABLE', () => {
    expect(parseErrorResponse(503, {}, json([{ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } }]), 'Google AI Studio'))
      .toMatchObject({ code: 503, errorType: 'provider_overloaded', message: 'Google AI Studio returned HTTP 503: The model is overloaded.' });
  });

  it('plain text and HTML bodies; unknown 5xx → 502', () => {
    expect(parseErrorResponse(500, {}, 'upstream exploded', 'Ollama')).toMatchObject({ code: 502, errorType: 'provider_unavailable', message: 'Ollama returned HTTP 500: upstream exploded' });
    expect(parseErrorResponse(502, {}, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'LM Studio').message).toBe('LM Studio returned HTTP 502');
    expect(parseErrorResponse(504, {}, '', 'X')).toMatchObject({ code: 408, errorType: 'timeout', message: 'X returned HTTP 504' });
    expect(parseErrorResponse(418, {}, '{}', 'X')).toMatchObject({ code: 400, errorType: 'invalid_request' });
  });

  it('truncates very long messages', () => {
    const err = parseErrorResponse(400, {}, json({ error: { message: 'x'.repeat(5000) } }), 'X');
    expect(err.message.length).toBeLessThan(350);
    expect(err.message.endsWith('…')).toBe(true);
  });
});

describe('retryAfterFromHeaders', () => {
  it('prefers retry-after-ms, then seconds, then an HTTP date', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500);
    expect(retryAfterFromHeaders({ 'Retry-After': '2.5' })).toBe(2500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterFromHeaders({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, now)).toBe(10_000);
    expect(retryAfterFromHeaders({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterFromHeaders(new Headers())).toBeUndefined();
  });
});

describe('scrubSecrets', () => {
  it('removes the configured key, masked forms of it and key-shaped tokens', () => {
    const key = 'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0';
    const text = [
      `key ${key} rejected`,
      'masked sk-ant-a…2Jh1Gf0',
      'ends …2Jh1Gf0.',
      'google AIzaSyA1234567890abcdefghij',
      'groq gsk_abcdefghijklmnop',
      'header Bearer abcdefghijklmnopqrstu',
      'x-api-key: zzzzzzzzzzzzzzzz',
      'key=abcdefgh12345678',
    ].join(' | ');
    const out = scrubSecrets(text, [key]);
    for (const leak of ['Zx9Yw8', '2Jh1Gf0', 'AIzaSy', 'gsk_', 'abcdefghijklmnopqrstu', 'zzzzzzzz', 'abcdefgh12345678']) expect(out).not.toContain(leak);
    expect(out).toContain('key [redacted] rejected');
  });

  it('catches masked echoes of keys that have no well-known shape', () => {
    const key = 'localserverkey-9f8e7d6c5b4a';
    expect(scrubSecrets('Invalid key locals****5b4a given', [key])).toBe('Invalid key [redacted] given');
    expect(scrubSecrets('Invalid key loca...5b4a given', [key])).toBe('Invalid key [redacted] given');
    expect(scrubSecrets('See the docs... for help', [key])).toBe('See the docs... for help');
  });

  it('removes URL-encoded and base64 forms of a key, at any byte alignment inside a longer encoded text', () => {
    const key = 'odd+key/with=chars_0123456789';
    for (const prefix of ['', 'a', 'ab', 'Authorization: Bearer ']) {
      const std = Buffer.from(prefix + key + ' tail').toString('base64');
      const url = Buffer.from(prefix + key + ' tail').toString('base64url');
      for (const encoded of [std, url]) {
        const out = scrubSecrets(`token ${encoded} refused`, [key]);
        expect(out).toContain('[redacted]');
        // What is left of the encoded text no longer decodes to the key, nor to most of it.
        const rest = out.replace('token ', '').replace(' refused', '').split('[redacted]').join('');
        expect(Buffer.from(rest, 'base64').toString('latin1')).not.toContain(key.slice(2, -2));
      }
    }
    expect(scrubSecrets(`url ${encodeURIComponent(key)} and form ${encodeURIComponent(key).replace(/%20/g, '+')}`, [key])).toBe('url [redacted] and form [redacted]');
  });

  it('scrubs every configured key, not only the one of the upstream that answered', () => {
    const scrub = createScrubber(['first-key-aaaaaaaaaaaa', 'second-key-bbbbbbbbbbbb']);
    expect(scrub.text('saw second-key-bbbbbbbbbbbb')).toBe('saw [redacted]');
    expect(scrub.id(Buffer.from('first-key-aaaaaaaaaaaa').toString('base64'))).toBeUndefined();
    expect(scrub.id('gen-123')).toBe('gen-123');
    expect(scrub.event({ type: 'start', upstreamId: 'first-key-aaaaaaaaaaaa', model: 'openai/gpt-4o', provider: 'second-key-bbbbbbbbbbbb' })).toEqual({ type: 'start', model: 'openai/gpt-4o' });
    expect(scrub.event({ type: 'finish', reason: 'stop', native: 'first-key-aaaaaaaaaaaa' })).toEqual({ type: 'finish', reason: 'stop', native: null });
    expect(scrub.event({ type: 'text', text: 'model output passes unchanged' })).toEqual({ type: 'text', text: 'model output passes unchanged' });
  });

  it('leaves ordinary text alone', () => {
    expect(scrubSecrets('The model is overloaded. Please try again later.', ['sk-test-1234567890abcdef'])).toBe('The model is overloaded. Please try again later.');
  });

  it('catches key shapes in any letter case and anywhere in the text, with no key configured', () => {
    const cases: [string, string][] = [
      ['BEARER abcdefgh12345678 was refused', '[redacted] was refused'],
      ['header X-Api-Key: abcdefgh12345678', 'header [redacted]'],
      ['X-GOOG-API-KEY:abcdefghijklmnop', '[redacted]'],
      ['url ?KEY=abcdefghij123', 'url ?[redacted]'],
      ['id sk-proj-abcdef123 end', 'id [redacted] end'],
      ['AIzaSyA1234567890abcdef', '[redacted]'],
      ['gsk_abcdefghij12345 xai-abcdefghij12345', '[redacted] [redacted]'],
    ];
    for (const [text, scrubbed] of cases) expect(scrubSecrets(text)).toBe(scrubbed);
    for (const id of ['chatcmpl-fake-1', 'gen-1770000000-AbCdEf', 'openai/gpt-4o', 'Together', 'stop']) expect(scrubSecrets(id)).toBe(id);
  });
});
