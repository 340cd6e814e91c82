import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openRouterChunks } from '../../../../electron/engine/api/openrouter-chunks';
import { createPricingHooks } from '../../../../electron/engine/catalog/pricing-hooks';
import { createEngine } from '../../../../electron/engine/engine';
import type { UpstreamConfig } from '../../../../electron/engine/types';
import { loadBundledCatalog } from '../../../../shared/catalog';
import type { Catalog } from '../../../../shared/catalog/types';
import type { UrlCitation } from '../../../../shared/openrouter/annotations';
import type { ChatCompletionChunk } from '../../../../shared/openrouter/chat-response';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { startFakeUpstream, type FakeUpstream } from '../../../fakes';

// Web search over each of the four wire formats: the request each provider gets, the sources normalised to
// OpenRouter's url_citation annotations (streamed and in the completion), the searches counted and priced.
// The streams are replayed from test/fixtures/web-search/.

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/web-search');
const fixture = (name: string) => path.join(FIXTURES, name);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(kind: Parameters<typeof startFakeUpstream>[0]): Promise<FakeUpstream> {
  const f = await startFakeUpstream(kind);
  cleanups.push(() => f.close());
  return f;
}

/** The bundled catalog, plus Google's grounding price (the bundled Google table has none): $14 per 1,000 queries. */
function catalogWithGrounding(): Catalog {
  const c = structuredClone(loadBundledCatalog());
  const flash = c.direct.google!.models['gemini-2.5-flash']!;
  flash.pricing = { ...flash.pricing, web_search: '0.014' };
  return c;
}
const catalog = catalogWithGrounding();

function engineOver(upstream: UpstreamConfig) {
  const hooks = createPricingHooks(() => catalog);
  const records: GenerationRecord[] = [];
  const engine = createEngine({
    upstreams: () => [upstream],
    onGeneration: (r) => records.push(r),
    sleep: async () => {},
    pricing: hooks.pricing,
    priceUsage: hooks.priceUsage,
    priceSnapshot: hooks.priceSnapshot,
  });
  return { engine, records };
}

const WEB = { id: 'web', max_results: 3 };

async function searched(upstream: UpstreamConfig, model: string, extra: Record<string, unknown> = {}) {
  const { engine, records } = engineOver(upstream);
  const chunks: ChatCompletionChunk[] = [];
  const body = { model, messages: [{ role: 'user' as const, content: 'When is high tide in Brest?' }], plugins: [WEB], ...extra };
  const result = await engine.chat({ ...body, stream: true }, { onEvent: openRouterChunks((c) => void chunks.push(c)) });
  const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
  const streamed = chunks.flatMap((c) => c.choices[0]?.delta.annotations ?? []).map((a) => a.url_citation);
  return { result, record: records[0]!, chunks, text, streamed, usage: chunks.at(-1)?.usage };
}

const lines = (r: GenerationRecord) => Object.fromEntries(r.costLines!.map((l) => [l.component, l.micros]));
const cited = (text: string, c: UrlCitation) => text.slice(c.start_index, c.end_index);

describe('web search: Anthropic (BYOK) → the web_search_20250305 server tool', () => {
  it('sends the tool, streams its citations as url_citation over the cited text, and prices the search', async () => {
    const anthropic = await fake('anthropic');
    anthropic.enqueue({ fixture: fixture('anthropic-web-search.chunks.txt') });
    const up = anthropic.upstream({ id: 'anthropic', label: 'Anthropic', apiKey: 'sk-ant-ws' });
    const { text, streamed, record, usage } = await searched(up, 'anthropic/claude-sonnet-4.5', { plugins: [{ id: 'web', max_uses: 2 }] });

    expect(anthropic.requests[0]!.body).toMatchObject({ tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 2 }] });
    expect(text).toBe('Here is what I found. High tide is at 06:12. The harbour closes at dusk.');
    expect(streamed.map((c) => [c.url, cited(text, c)])).toEqual([
      ['https://tides.example.org/brest', 'High tide is at 06:12.'],
      ['https://harbour.example.net/notes?x=1', 'The harbour closes at dusk.'],
    ]);
    expect(streamed[0]).toMatchObject({ title: 'Tide tables for Brest', content: 'High tide at Brest is at 06:12.' });
    expect(record.tokens).toMatchObject({ prompt: 2000, completion: 120, webSearchRequests: 1 });
    // input 2,000 × $3/M = 6,000 µ$; output 120 × $15/M = 1,800 µ$; 1 search × $0.01 = 10,000 µ$
    expect(lines(record)).toEqual({ input: 6_000, output: 1_800, web_search: 10_000 });
    expect(record.costMicros).toBe(17_800);
    expect(usage).toMatchObject({ server_tool_use: { web_search_requests: 1 } });
  });

  it('without the plugin sends no search tool', async () => {
    const anthropic = await fake('anthropic');
    anthropic.enqueue({ reply: { text: 'No search.' } });
    const up = anthropic.upstream({ id: 'anthropic', label: 'Anthropic', apiKey: 'sk-ant-ws' });
    await searched(up, 'anthropic/claude-sonnet-4.5', { plugins: [{ id: 'web', enabled: false }] });
    expect(anthropic.requests[0]!.body).not.toHaveProperty('tools');
  });
});

describe('web search: OpenRouter → the web plugin passed through', () => {
  it('passes the plugin, relays the annotations and takes the search cost from usage.cost', async () => {
    const or = await fake('openrouter');
    or.enqueue({ fixture: fixture('openrouter-web-plugin.chunks.txt') });
    const up = or.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-ws' });
    const { text, streamed, record, usage } = await searched(up, 'openai/gpt-4o');

    expect(or.requests[0]!.body).toMatchObject({ model: 'openai/gpt-4o', plugins: [WEB] });
    expect(text).toBe('High tide is at 06:12 ([tides.example.org](https://tides.example.org/brest)).');
    expect(streamed.map((c) => c.url)).toEqual(['https://tides.example.org/brest', 'javascript:alert(1)']);
    expect(streamed[0]).toEqual({
      url: 'https://tides.example.org/brest', title: 'Tide tables for Brest', content: 'High tide at Brest is at 06:12.', start_index: 0, end_index: 77,
    });
    expect(streamed[1]).not.toHaveProperty('start_index'); // an empty range cites nothing
    expect(record.tokens).toMatchObject({ prompt: 1000, completion: 50, webSearchRequests: 1 });
    // OpenRouter's bill: 1,000 × $2.5/M + 50 × $10/M = $0.003, plus the search ($0.02 for Exa's results) = $0.023
    expect(record).toMatchObject({ reportedCostMicros: 23_000, costMicros: 23_000, costSource: 'upstream' });
    expect(usage).toMatchObject({ cost: 0.023, server_tool_use: { web_search_requests: 1 } });
  });

  it(':online adds the plugin itself', async () => {
    const or = await fake('openrouter');
    or.enqueue({ fixture: fixture('openrouter-web-plugin.chunks.txt') });
    const up = or.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-ws' });
    await searched(up, 'openai/gpt-4o:online', { plugins: undefined });
    expect(or.requests[0]!.body).toMatchObject({ plugins: [{ id: 'web' }] });
  });
});

describe('web search: OpenAI (BYOK) → web_search_options on a search model', () => {
  it('sends web_search_options, relays url_citation annotations and prices one search per request', async () => {
    const openai = await fake('openai');
    openai.enqueue({ fixture: fixture('openai-search-model.chunks.txt') });
    const up = openai.upstream({ id: 'openai', label: 'OpenAI', apiKey: 'sk-proj-ws' });
    const { text, streamed, record } = await searched(up, 'openai/gpt-4o-mini-search-preview');

    const sent = openai.requests[0]!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ model: 'gpt-4o-mini-search-preview', web_search_options: {} });
    expect(sent).not.toHaveProperty('plugins');
    expect(streamed).toHaveLength(1);
    expect(cited(text, streamed[0]!)).toBe('[tides.example.org](https://tides.example.org/brest?utm_source=openai)');
    expect(record.tokens).toMatchObject({ prompt: 300, completion: 40, webSearchRequests: 1 });
    // input 300 × $0.15/M = 45 µ$; output 40 × $0.6/M = 24 µ$; 1 search × $0.01 = 10,000 µ$
    expect(lines(record)).toEqual({ input: 45, output: 24, web_search: 10_000 });
    expect(record.costMicros).toBe(10_069);
  });

  it('a model that cannot search says so before anything is sent', async () => {
    const openai = await fake('openai');
    const up = openai.upstream({ id: 'openai', label: 'OpenAI', apiKey: 'sk-proj-ws' });
    const { result } = await searched(up, 'openai/gpt-4o');
    expect(result.error?.error.message).toContain('Web search is not available for this model');
    expect(result.error?.status).toBe(400);
    expect(openai.requests).toHaveLength(0);
  });

  it('so does any other OpenAI-compatible server', async () => {
    const groq = await fake('openai-compatible');
    const up = groq.upstream({ id: 'custom:groq', label: 'Groq', apiKey: 'gsk-ws', models: ['llama-3.3-70b-versatile'] });
    const { result } = await searched(up, 'llama-3.3-70b-versatile');
    expect(result.error?.error.message).toContain('Web search is not available for this model');
    expect(groq.requests).toHaveLength(0);
  });
});

describe('web search: Gemini (BYOK) → Google Search grounding', () => {
  it('sends google_search, maps grounding supports to url_citation (bytes → characters), counts the queries', async () => {
    const gemini = await fake('gemini');
    gemini.enqueue({ fixture: fixture('gemini-grounding.chunks.txt') });
    const up = gemini.upstream({ id: 'gemini', label: 'Google AI Studio', apiKey: 'AIza-ws' });
    const { text, streamed, record, usage } = await searched(up, 'google/gemini-2.5-flash');

    expect(gemini.requests[0]!.body).toMatchObject({ tools: [{ google_search: {} }] });
    expect(text).toBe('Le café ouvre à 7 h. La marée haute est à 06:12.');
    expect(streamed.map((c) => [c.title, c.start_index === undefined ? null : cited(text, c)])).toEqual([
      ['cafe.example.fr', 'Le café ouvre à 7 h.'],
      ['tides.example.org', 'La marée haute est à 06:12.'],
      ['uncited.example.com', null],
    ]);
    expect(record.tokens).toMatchObject({ prompt: 100, completion: 50, webSearchRequests: 2 });
    // input 100 × $0.3/M = 30 µ$; output 50 × $2.5/M = 125 µ$; 2 queries × $0.014 = 28,000 µ$
    expect(lines(record)).toEqual({ input: 30, output: 125, web_search: 28_000 });
    expect(record.costMicros).toBe(28_155);
    expect(usage).toMatchObject({ server_tool_use: { web_search_requests: 2 } });
  });
});

describe('web search: non-streaming callers get message.annotations', () => {
  it('the completion carries every url_citation', async () => {
    const anthropic = await fake('anthropic');
    anthropic.enqueue({ fixture: fixture('anthropic-web-search.chunks.txt') });
    const up = anthropic.upstream({ id: 'anthropic', label: 'Anthropic', apiKey: 'sk-ant-ws' });
    const { engine } = engineOver(up);
    const result = await engine.chat({ model: 'anthropic/claude-sonnet-4.5', messages: [{ role: 'user', content: 'tides?' }], plugins: [WEB] });
    const message = result.completion!.choices[0]!.message;
    expect(message.annotations?.map((a) => a.url_citation.url)).toEqual(['https://tides.example.org/brest', 'https://harbour.example.net/notes?x=1']);
  });
});
