import { z } from 'zod';

// Web search results as OpenRouter returns them: `message.annotations` (and `delta.annotations` when streaming)
// of type `url_citation` (docs/openrouter-api.md §1.5). Every upstream's citations are normalised to this shape.
// `start_index` / `end_index` are UTF-16 offsets into the answer's text, present when the text cites the source.

export interface UrlCitation {
  url: string;
  title?: string;
  content?: string;
  start_index?: number;
  end_index?: number;
}

export interface UrlCitationAnnotation {
  type: 'url_citation';
  url_citation: UrlCitation;
}

const MAX_TEXT = 4000;

/** One stored source: bounded so a hostile page cannot bloat a row, the contract or an export. */
export const urlCitationSchema = z.object({
  url: z.string().max(4096),
  title: z.string().max(MAX_TEXT).optional(),
  content: z.string().max(MAX_TEXT).optional(),
  start_index: z.number().int().min(0).optional(),
  end_index: z.number().int().min(0).optional(),
});

export const MAX_SOURCES = 200;
export const sourcesSchema = z.array(urlCitationSchema).max(MAX_SOURCES);

/** A citation with its strings cut to the schema's bounds and its indices dropped when they make no range. */
export function boundedCitation(c: UrlCitation): UrlCitation {
  const out: UrlCitation = { url: c.url.slice(0, 4096) };
  if (c.title) out.title = c.title.slice(0, MAX_TEXT);
  if (c.content) out.content = c.content.slice(0, MAX_TEXT);
  const s = c.start_index;
  const e = c.end_index;
  if (Number.isInteger(s) && Number.isInteger(e) && s! >= 0 && e! > s!) {
    out.start_index = s;
    out.end_index = e;
  }
  return out;
}
