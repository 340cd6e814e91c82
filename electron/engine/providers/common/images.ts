import type { ChatMessage, ChatRequest, ContentPart } from '../../../../shared/openrouter/chat-request';
import type { NormalizedEvent } from '../../types';
import { arr, obj, str } from './values';

// Image output (docs/provider-wire-formats.md §9): a request asks for it with OpenRouter's
// `modalities: ["image", "text"]`; every adapter reports an image as one `image` event carrying a data: URL, and
// the relay hands it on in OpenRouter's shape (`images: [{type: "image_url", image_url: {url}}]`).

export type ImageEvent = Extract<NormalizedEvent, { type: 'image' }>;

/** The request asks for images back. */
export function wantsImageOutput(body: ChatRequest): boolean {
  const m = (body as { modalities?: unknown }).modalities;
  return Array.isArray(m) && m.includes('image');
}

/** OpenRouter's `images` list (a message or a delta) → image events. */
export function imageEvents(images: unknown, out: NormalizedEvent[]): void {
  for (const item of arr(images) ?? []) {
    const url = str(obj(obj(item)?.image_url)?.url);
    if (url) out.push({ type: 'image', url });
  }
}

/** The images an earlier answer returned (its `images` field), as image inputs. */
export function assistantImageParts(m: ChatMessage): ContentPart[] {
  if (m.role !== 'assistant') return [];
  return (m.images ?? []).map((img) => ({ type: 'image_url' as const, image_url: { url: img.image_url.url } }));
}

/** Chat-completions wires take images as input from the user only: an answer's images move to the start of the
 * next user message (the one that asks to edit them, "make it blue"), or into a user message of their own. */
export function answerImagesAsUserInput(messages: ChatMessage[]): ChatMessage[] {
  if (!messages.some((m) => m.role === 'assistant' && m.images && m.images.length > 0)) return messages;
  const out: ChatMessage[] = [];
  let carried: ContentPart[] = [];
  for (const m of messages) {
    if (m.role === 'assistant' && m.images) {
      const { images: _i, ...rest } = m;
      out.push(rest);
      carried.push(...assistantImageParts(m));
      continue;
    }
    if (m.role === 'user' && carried.length > 0) {
      const own: ContentPart[] = typeof m.content === 'string' ? (m.content === '' ? [] : [{ type: 'text', text: m.content }]) : m.content;
      out.push({ ...m, content: [...carried, ...own] });
      carried = [];
      continue;
    }
    out.push(m);
  }
  if (carried.length > 0) out.push({ role: 'user', content: carried });
  return out;
}
