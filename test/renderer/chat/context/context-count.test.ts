import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { countContext, countInSlices, forgetContextCounts } from '../../../../renderer/chat/context/context-count';
import { promptFormatOf } from '../../../../renderer/chat/context/provider-format';

const text = 'The quick brown fox jumps over the lazy dog, twice over.';
const o200k = countTokens(text);
const msg = (id: string, role: 'user' | 'assistant', content: string, attachments?: { id: string; name: string; mime: string; size: number }[]) => ({ id, role, content, ...(attachments ? { attachments } : {}) });

beforeEach(() => forgetContextCounts());

describe('context count per provider format', () => {
  it('names the family from the slug', () => {
    expect(promptFormatOf('openai/gpt-4o')).toBe('openai');
    expect(promptFormatOf('anthropic/claude-sonnet-4.5')).toBe('anthropic');
    expect(promptFormatOf('google/gemini-2.5-pro')).toBe('gemini');
    expect(promptFormatOf('meta-llama/llama-3.3-70b')).toBe('openai');
  });

  it('OpenAI: o200k tokens, 3 per message plus the role, 3 to prime the reply, the system prompt as a message', () => {
    const c = countContext({ model: 'openai/gpt-4o', systemPrompt: text, history: [msg('u1', 'user', text)] });
    expect(c.perMessage).toEqual([3 + 1 + o200k]);
    expect(c.fixed).toBe(3 + (3 + 1 + o200k));
    expect(c.total).toBe(c.fixed + c.perMessage[0]!);
  });

  it('Anthropic: text × 1.2, the system prompt outside the messages, no priming, images at 1,600', () => {
    const img = { id: 'a1', name: 'x.png', mime: 'image/png', size: 1000 };
    const c = countContext({ model: 'anthropic/claude-sonnet-4.5', systemPrompt: text, history: [msg('u1', 'user', text, [img])] });
    expect(c.fixed).toBe(Math.ceil(o200k * 1.2));
    expect(c.perMessage).toEqual([3 + 1 + Math.ceil(o200k * 1.2) + 1_600]);
  });

  it('Gemini: o200k tokens, no message framing, images at 258', () => {
    const img = { id: 'a1', name: 'x.png', mime: 'image/png', size: 1000 };
    const c = countContext({ model: 'google/gemini-2.5-pro', history: [msg('u1', 'user', text, [img]), msg('a1', 'assistant', text)] });
    expect(c.fixed).toBe(0);
    expect(c.perMessage).toEqual([1 + o200k + 258, 1 + o200k]);
  });

  it('counts text attachments by size, PDFs as uncounted, and tools when present', () => {
    const txt = { id: 't', name: 'notes.txt', mime: 'text/plain', size: 4_000 };
    const pdf = { id: 'p', name: 'paper.pdf', mime: 'application/pdf', size: 9_000 };
    const tools = [{ type: 'function', function: { name: 'search', parameters: {} } }];
    const c = countContext({ model: 'openai/gpt-4o', history: [msg('u1', 'user', 'see', [txt, pdf])], tools });
    expect(c.perMessage[0]).toBe(3 + 1 + countTokens('see') + 1_000);
    expect(c.uncountedFiles).toBe(1);
    expect(c.fixed).toBe(3 + countTokens(JSON.stringify(tools)));
  });

  it('recounts a message whose text changed (the cache is per message, not per id alone)', () => {
    const a = countContext({ model: 'openai/gpt-4o', history: [msg('a1', 'assistant', 'short')] }).total;
    const b = countContext({ model: 'openai/gpt-4o', history: [msg('a1', 'assistant', `${text} ${text}`)] }).total;
    expect(b).toBeGreaterThan(a);
  });
});

describe('counting a long history before a send', () => {
  const history = Array.from({ length: 40 }, (_, i) => msg(`m${i}`, i % 2 ? 'assistant' : 'user', `${text} (${i})`));

  it('yields to the page between slices of a few milliseconds, and counts what countContext counts', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 3)); // each message "takes" 3 ms
    let yields = 0;
    await countInSlices(history, async () => void yields++);
    vi.restoreAllMocks();
    expect(yields).toBeGreaterThanOrEqual(10); // about one per 8 ms of counting
    const counted = countContext({ model: 'openai/gpt-4o', history });
    forgetContextCounts();
    expect(counted).toEqual(countContext({ model: 'openai/gpt-4o', history }));
  });

  it('does not yield when every message was counted before', async () => {
    countContext({ model: 'openai/gpt-4o', history });
    let yields = 0;
    await countInSlices(history, async () => void yields++);
    expect(yields).toBe(0);
  });
});
