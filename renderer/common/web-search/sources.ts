import type { UrlCitation } from '../../../shared/openrouter/annotations';

// An answer's web sources as the view shows them: one numbered entry per URL (a page cited twice keeps its first
// number), titles made plain one-line text, and http(s) URLs only as links. Titles and snippets come from web
// pages and are untrusted: they are only ever rendered as text.

export interface NumberedSource {
  n: number;
  title: string;
  /** the site, shown beside the title ("example.org") */
  domain: string;
  /** the URL as text, always shown to anyone who asks where a link goes */
  url: string;
  /** set only for http(s) URLs without credentials: what a click opens */
  href: string | null;
}

const TITLE_MAX = 200;
// C0/C1 controls, and the bidi controls that can make text read differently from what it is.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function plainText(s: string, max = TITLE_MAX): string {
  const flat = s.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function webHref(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return null;
  return u.href;
}

function domainOf(href: string | null): string {
  return href ? new URL(href).hostname.replace(/^www\./, '') : '';
}

export function numberSources(sources: readonly UrlCitation[] | undefined): NumberedSource[] {
  const out: NumberedSource[] = [];
  const seen = new Set<string>();
  for (const s of sources ?? []) {
    if (typeof s?.url !== 'string' || s.url === '' || seen.has(s.url)) continue;
    seen.add(s.url);
    const href = webHref(s.url);
    const domain = domainOf(href);
    const title = plainText(s.title ?? '') || domain || plainText(s.url);
    out.push({ n: out.length + 1, title, domain, url: plainText(s.url, 2048), href });
  }
  return out;
}

/** A markdown link target that cannot end early or break out of the link: parentheses and spaces escaped. */
function linkTarget(href: string): string {
  return href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The answer's markdown with a `[n]` marker after each passage a source cites (its `end_index`), linked to the
 * source when its URL is http(s). Markers of one passage are joined (`[1][2]`); indices outside the text, and
 * sources without them, add nothing.
 */
export function withCitationMarkers(text: string, sources: readonly UrlCitation[] | undefined): string {
  const numbered = numberSources(sources);
  if (numbered.length === 0) return text;
  const byUrl = new Map(numbered.map((s) => [s.url, s]));
  const at = new Map<number, NumberedSource[]>();
  for (const s of sources ?? []) {
    const end = s.end_index;
    const entry = byUrl.get(plainText(s.url ?? '', 2048));
    if (!entry || end === undefined || s.start_index === undefined || end > text.length || end <= 0) continue;
    const list = at.get(end) ?? [];
    if (!list.includes(entry)) list.push(entry);
    at.set(end, list);
  }
  if (at.size === 0) return text;
  let out = text;
  for (const end of [...at.keys()].sort((a, b) => b - a)) {
    const markers = at.get(end)!
      .sort((a, b) => a.n - b.n)
      .map((s) => (s.href ? `[\\[${s.n}\\]](${linkTarget(s.href)} "Source ${s.n}")` : `\\[${s.n}\\]`))
      .join('');
    out = `${out.slice(0, end)} ${markers}${out.slice(end)}`;
  }
  return out;
}
