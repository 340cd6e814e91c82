import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import { boundedCitation, type UrlCitation, type UrlCitationAnnotation } from '../../../../shared/openrouter/annotations';
import { num, obj, str } from './values';

// The `web` plugin (docs/openrouter-api.md §1.5; `:online` adds it) as each adapter reads it, and helpers that
// turn each provider's citations into OpenRouter's `url_citation` annotations (docs/provider-wire-formats.md §8).

export interface WebSearchWish {
  engine?: string;
  maxResults?: number;
  maxUses?: number;
  searchPrompt?: string;
}

/** The request's `web` plugin, unless it is absent or `enabled: false`. */
export function webSearchWish(body: ChatRequest): WebSearchWish | undefined {
  const plugin = (body.plugins ?? []).find((p) => p.id === 'web');
  if (!plugin || plugin.enabled === false) return undefined;
  const wish: WebSearchWish = {};
  const p = plugin as Record<string, unknown>;
  const engine = str(p.engine);
  if (engine) wish.engine = engine;
  const maxResults = num(p.max_results);
  if (maxResults !== undefined && maxResults > 0) wish.maxResults = Math.floor(maxResults);
  const maxUses = num(p.max_uses);
  if (maxUses !== undefined && maxUses > 0) wish.maxUses = Math.floor(maxUses);
  const prompt = str(p.search_prompt);
  if (prompt) wish.searchPrompt = prompt;
  return wish;
}

export function urlCitation(c: UrlCitation): UrlCitationAnnotation {
  return { type: 'url_citation', url_citation: boundedCitation(c) };
}

/** OpenAI's and OpenRouter's annotations (`{type:"url_citation", url_citation:{…}}`, or the fields inline). */
export function chatCompletionsAnnotations(list: unknown): UrlCitationAnnotation[] {
  if (!Array.isArray(list)) return [];
  const out: UrlCitationAnnotation[] = [];
  for (const item of list) {
    const a = obj(item);
    if (a?.type !== 'url_citation') continue;
    const c = obj(a.url_citation) ?? a;
    const url = str(c.url);
    if (!url) continue;
    const cite: UrlCitation = { url };
    const title = str(c.title);
    if (title) cite.title = title;
    const content = str(c.content);
    if (content) cite.content = content;
    const s = num(c.start_index);
    const e = num(c.end_index);
    if (s !== undefined && e !== undefined) {
      cite.start_index = s;
      cite.end_index = e;
    }
    out.push(urlCitation(cite));
  }
  return out;
}

/** A UTF-8 byte offset into `text` as a UTF-16 index (Gemini's grounding segments count bytes). */
export function utf16IndexOfByte(text: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const cp = text.codePointAt(i)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}
