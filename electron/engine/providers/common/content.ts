import type { ChatMessage, ContentPart } from '../../../../shared/openrouter/chat-request';

// Helpers for translating OpenAI-style message content into other wire formats.

export interface DataUrl {
  mediaType: string;
  base64: string;
}

/** `data:<type>[;params];base64,<data>` → parts; undefined for anything else (http URLs, non-base64). */
export function parseDataUrl(url: string): DataUrl | undefined {
  if (!url.startsWith('data:')) return undefined;
  const comma = url.indexOf(',');
  if (comma < 0) return undefined;
  const meta = url.slice(5, comma).split(';');
  if (!meta.includes('base64')) return undefined;
  return { mediaType: (meta[0] || 'application/octet-stream').toLowerCase(), base64: url.slice(comma + 1) };
}

export function isHttpUrl(url: string): boolean {
  return url.startsWith('https://') || url.startsWith('http://');
}

const MIME_BY_EXT: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', heic: 'image/heic',
  pdf: 'application/pdf', txt: 'text/plain', md: 'text/markdown', csv: 'text/csv', html: 'text/html',
  mp3: 'audio/mp3', wav: 'audio/wav', ogg: 'audio/ogg', flac: 'audio/flac', m4a: 'audio/m4a',
  mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime',
};

export function mimeFromName(nameOrUrl: string | undefined, fallback: string): string {
  if (!nameOrUrl) return fallback;
  const path = nameOrUrl.split(/[?#]/)[0] ?? '';
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && MIME_BY_EXT[path.slice(dot + 1).toLowerCase()]) || fallback;
}

type Content = ChatMessage['content'];

/** All text of a message's content (non-text parts dropped), parts joined without separator. */
export function contentText(content: Content): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let out = '';
  for (const p of content as ContentPart[]) if (p.type === 'text') out += p.text;
  return out;
}

export function contentParts(content: Content): ContentPart[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return Array.isArray(content) ? (content as ContentPart[]) : [];
}

/** Tool-call arguments as an object; providers other than OpenAI want a JSON object, not a string. */
export function parseToolArguments(args: string): Record<string, unknown> {
  if (args.trim() === '') return {};
  try {
    const v = JSON.parse(args) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    throw new Error('a tool call in the conversation has arguments that are not valid JSON');
  }
}
