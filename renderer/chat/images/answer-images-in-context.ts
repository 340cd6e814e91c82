import type { ChatMessage, ChatRequest } from '../../../shared/openrouter/chat-request';
import type { ModelSummary } from '../../../shared/contract/models';
import type { MessageRow } from '../../history/db/types';
import { getImageBlob } from '../../history/db/images';
import { bytesToBase64 } from '../../history/db/base64';

// "Make it blue": the images of the most recent answer that has any go back with the next prompt, as the answer's
// `images` in OpenRouter's shape (docs/provider-wire-formats.md §8; each adapter moves them where its wire takes
// image input). Only models that take images as input get them.

/** The stored bytes of the most recent answer's images, as data: URLs keyed by image id (added to `data`). */
export async function withAnswerImageData(history: MessageRow[], data: Map<string, string>): Promise<Map<string, string>> {
  const last = history.findLast((m) => m.role === 'assistant' && m.images?.length);
  for (const ref of last?.images ?? []) {
    const blob = await getImageBlob(ref.id);
    if (blob) data.set(ref.id, await dataUrlOf(blob));
  }
  return data;
}

async function dataUrlOf(blob: Blob): Promise<string> {
  return `data:${blob.type || 'image/png'};base64,${bytesToBase64(await blob.arrayBuffer())}`;
}

/** An answer's images whose data was loaded, as the assistant message's `images` field (nothing when none). */
export function answerImagesOf(m: Pick<MessageRow, 'images'>, data: Map<string, string>): Pick<Extract<ChatMessage, { role: 'assistant' }>, 'images'> {
  const urls = (m.images ?? []).flatMap((r) => (data.has(r.id) ? [data.get(r.id)!] : []));
  return urls.length ? { images: urls.map((url) => ({ type: 'image_url' as const, image_url: { url } })) } : {};
}

/** A model that takes no image input gets earlier answers' text only. */
export function answerImagesForModel(request: ChatRequest, model: Pick<ModelSummary, 'inputModalities'> | undefined): ChatRequest {
  if (model?.inputModalities.includes('image')) return request;
  if (!request.messages.some((m) => m.role === 'assistant' && m.images)) return request;
  return {
    ...request,
    messages: request.messages.map((m) => {
      if (m.role !== 'assistant' || !m.images) return m;
      const { images: _dropped, ...rest } = m;
      return rest;
    }),
  };
}
