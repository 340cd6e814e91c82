import type { McpResultImage } from '../../../shared/contract/mcp';
import { IMAGE_MIME_TYPES, MAX_RESULT_IMAGE_BYTES, MAX_RESULT_IMAGES } from '../../../shared/contract/mcp';

// Images in a tool result, for the user to see in the result card (the model gets their text description only).
// Only raster types a browser decodes without running anything: no SVG, which can carry script.

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

interface ImageItem {
  type?: unknown;
  data?: unknown;
  mimeType?: unknown;
}

function decodedBytes(base64: string): number {
  const pad = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - pad;
}

/** The result's `image` items that may be shown, as data: URLs: at most MAX_RESULT_IMAGES, each at most
 * MAX_RESULT_IMAGE_BYTES, of the allowed types; `skipped` counts the rest, for the card to say so. */
export function resultImages(content: unknown, toolName: string): { images: McpResultImage[]; skipped: number } {
  const items = Array.isArray(content) ? (content as ImageItem[]).filter((i) => i?.type === 'image') : [];
  const images: McpResultImage[] = [];
  for (const item of items) {
    if (images.length >= MAX_RESULT_IMAGES) break;
    const mime = typeof item.mimeType === 'string' ? item.mimeType.toLowerCase() : '';
    const data = typeof item.data === 'string' ? item.data.replace(/\s+/g, '') : '';
    if (!(IMAGE_MIME_TYPES as readonly string[]).includes(mime) || data === '' || !BASE64.test(data)) continue;
    if (decodedBytes(data) > MAX_RESULT_IMAGE_BYTES) continue;
    images.push({ url: `data:${mime};base64,${data}`, alt: `Image ${images.length + 1} returned by ${toolName}` });
  }
  return { images, skipped: items.length - images.length };
}
