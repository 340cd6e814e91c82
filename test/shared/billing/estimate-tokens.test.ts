import { randomBytes } from 'node:crypto';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import {
  EXACT_COUNT_CHARS,
  estimateRequestTokens,
  exceedsContext,
  IMAGE_TOKENS_HIGH,
  IMAGE_TOKENS_LOW,
  REPLY_PRIMING_TOKENS,
  TOKENS_PER_MESSAGE,
} from '../../../shared/billing/estimate-tokens';

// o200k_base facts used below: "user" = 1 token, "hello" = 1, "hello world" = 2, "Hello, world!" = 4.

describe('estimateRequestTokens', () => {
  it('counts text plus the per-message overhead', () => {
    // priming 3 + message 3 + role "user" 1 + "hello world" 2 = 9
    const e = estimateRequestTokens({ messages: [{ role: 'user', content: 'hello world' }] });
    expect(e).toEqual({ tokens: 9, estimated: true, encoding: 'o200k_base', images: 0, uncountedParts: 0 });
  });

  it('adds each message', () => {
    // 3 + (3 + 1 + 1 "hello") + (3 + 1 "system" + 4 "Hello, world!") = 16
    const e = estimateRequestTokens({
      messages: [
        { role: 'user', content: 'hello' },
        { role: 'system', content: 'Hello, world!' },
      ],
    });
    expect(e.tokens).toBe(16);
  });

  it('counts images at a fixed size and reports files it cannot count', () => {
    const e = estimateRequestTokens({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hello' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
            { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,AAAA' } },
          ],
        },
      ],
    });
    expect(e.tokens).toBe(REPLY_PRIMING_TOKENS + TOKENS_PER_MESSAGE + 1 + 1 + IMAGE_TOKENS_HIGH + IMAGE_TOKENS_LOW);
    expect(e.images).toBe(2);
    expect(e.uncountedParts).toBe(1);
  });

  it('treats special-token text as plain text', () => {
    expect(() => estimateRequestTokens({ messages: [{ role: 'user', content: 'x <|endoftext|> y' }] })).not.toThrow();
  });

  it('counts tool definitions and tool calls', () => {
    const base = estimateRequestTokens({ messages: [{ role: 'user', content: 'hello' }] }).tokens;
    const withTools = estimateRequestTokens({
      messages: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
    }).tokens;
    expect(withTools).toBeGreaterThan(base + 3 + 2); // assistant message overhead + "get_weather" + more
  });

  it('scales with long text (about 4 characters per English token)', () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(500); // 22,500 chars
    const e = estimateRequestTokens({ messages: [{ role: 'user', content: text }] });
    expect(e.tokens).toBeGreaterThan(4000);
    expect(e.tokens).toBeLessThan(7000);
  });
});

describe('estimates of very long texts', () => {
  const tokensOf = (text: string) => estimateRequestTokens({ messages: [{ role: 'user', content: text }] }).tokens - REPLY_PRIMING_TOKENS - TOKENS_PER_MESSAGE - 1;
  const prose = (chars: number) => {
    const words = ['model', 'answers', 'the', 'question', 'carefully,', 'with', 'examples', 'and', 'a', 'table.', 'Then', 'costs', 'follow\n'];
    let out = '';
    for (let i = 0; out.length < chars; i++) out += `${words[(i * 7) % words.length]} `;
    return out.slice(0, chars);
  };

  it('counts a long prose text within a few percent of the exact count', () => {
    const text = prose(200_000);
    expect(text.length).toBeGreaterThan(EXACT_COUNT_CHARS);
    const exact = countTokens(text);
    expect(Math.abs(tokensOf(text) - exact) / exact).toBeLessThan(0.05);
  });

  it('estimates a 1 MB line without whitespace (a pasted blob) without freezing the page, in the right range', () => {
    const blob = randomBytes(768 * 1024).toString('base64'); // 1 MB; counting it exactly takes tens of seconds
    const n = tokensOf(blob);
    const sampleRatio = countTokens(blob.slice(0, 8_192)) / 8_192;
    expect(n / blob.length).toBeGreaterThan(sampleRatio * 0.8);
    expect(n / blob.length).toBeLessThan(sampleRatio * 1.2);
  });
});

describe('exceedsContext', () => {
  it('compares prompt plus reserved output with the context window', () => {
    expect(exceedsContext(90, { context_length: 100 })).toBe(false);
    expect(exceedsContext(90, { context_length: 100 }, 10)).toBe(false); // exactly fits
    expect(exceedsContext(90, { context_length: 100 }, 11)).toBe(true);
    expect(exceedsContext(101, { context_length: 100 })).toBe(true);
  });

  it('accepts an estimate object', () => {
    const e = estimateRequestTokens({ messages: [{ role: 'user', content: 'hello world' }] }); // 9 tokens
    expect(exceedsContext(e, { context_length: 8 })).toBe(true);
    expect(exceedsContext(e, { context_length: 9 })).toBe(false);
  });

  it('makes no claim when the context length is unknown', () => {
    expect(exceedsContext(1_000_000, { context_length: null })).toBe(false);
    expect(exceedsContext(1_000_000, undefined)).toBe(false);
  });
});
