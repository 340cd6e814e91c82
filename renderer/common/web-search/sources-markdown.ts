import type { UrlCitation } from '../../../shared/openrouter/annotations';
import { numberSources } from './sources';

// An answer's sources in a Markdown export: a numbered list under the answer, titles escaped so a page's title
// cannot become markup, and only http(s) URLs as links.

const escapeMd = (s: string) => s.replace(/[\\`*_{}[\]()<>#+!|~-]/g, (c) => `\\${c}`);
const target = (href: string) => href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function sourcesMarkdown(sources: readonly UrlCitation[] | undefined): string {
  const list = numberSources(sources);
  if (list.length === 0) return '';
  const lines = list.map((s) => `${s.n}. ${s.href ? `[${escapeMd(s.title)}](${target(s.href)})` : `${escapeMd(s.title)} (${escapeMd(s.url)})`}`);
  return `\n\nSources:\n\n${lines.join('\n')}`;
}
