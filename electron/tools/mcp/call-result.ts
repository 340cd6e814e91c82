import type { McpCallResult } from '../../../shared/contract/mcp';
import { resultImages } from './result-images';

/** Results above this many bytes (UTF-8) are cut for the model and the view; the full size is stated. */
export const RESULT_CAP_BYTES = 1024 * 1024;

interface ContentItem {
  type?: unknown;
  text?: unknown;
  mimeType?: unknown;
  data?: unknown;
  uri?: unknown;
  name?: unknown;
  resource?: { uri?: unknown; text?: unknown; blob?: unknown; mimeType?: unknown };
}

function sizeOfBase64(data: unknown): string {
  const n = typeof data === 'string' ? Math.floor((data.length * 3) / 4) : 0;
  return formatBytes(n);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** One content item as plain text. Tool output is untrusted: it stays a string and is never parsed as markup;
 * media is described rather than passed on (images are also shown to the user: result-images.ts). */
function itemText(item: ContentItem): string {
  switch (item.type) {
    case 'text':
      return typeof item.text === 'string' ? item.text : '';
    case 'image':
      return `[image ${String(item.mimeType ?? '')}, ${sizeOfBase64(item.data)}]`;
    case 'audio':
      return `[${item.type} ${String(item.mimeType ?? '')}, ${sizeOfBase64(item.data)}: not shown]`;
    case 'resource_link':
      return `[resource ${String(item.name ?? '')} ${String(item.uri ?? '')}]`;
    case 'resource': {
      const r = item.resource ?? {};
      if (typeof r.text === 'string') return r.text;
      return `[resource ${String(r.uri ?? '')} ${String(r.mimeType ?? '')}, ${sizeOfBase64(r.blob)}: not shown]`;
    }
    default:
      return `[${String(item.type).slice(0, 40)} content: not shown]`;
  }
}

/** Cuts `text` to at most `cap` UTF-8 bytes without splitting a character. */
function cutUtf8(text: string, cap: number): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= cap) return text;
  let end = cap;
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--; // back off a continuation byte
  return buf.subarray(0, end).toString('utf8');
}

/** A CallToolResult as text for the model and the view, capped at `cap` bytes. */
export function toCallResult(raw: Record<string, unknown>, durationMs: number, cap = RESULT_CAP_BYTES, toolName = 'the tool'): McpCallResult {
  const items = Array.isArray(raw.content) ? (raw.content as ContentItem[]) : [];
  let text = items.map(itemText).join('\n');
  if (!items.length && raw.structuredContent !== undefined) text = JSON.stringify(raw.structuredContent);
  const fullBytes = Buffer.byteLength(text, 'utf8');
  const truncated = fullBytes > cap;
  if (truncated) {
    text = `${cutUtf8(text, cap)}\n[Truncated: the tool returned ${formatBytes(fullBytes)}; only the first ${formatBytes(cap)} is kept.]`;
  }
  const { images, skipped } = resultImages(raw.content, toolName);
  return {
    text, isError: raw.isError === true, truncated, fullBytes, durationMs,
    ...(images.length ? { images } : {}),
    ...(skipped ? { imagesSkipped: skipped } : {}),
  };
}
