import type { ChatMessage, ChatRequest, ContentPart } from '../../../shared/openrouter/chat-request';
import { attachmentKindOf, type ColumnConfig, type MessageRow } from '../../common/room/types';
import { webPlugin } from '../web-search/web-plugin';
import { answerMessages } from '../tools/tool-history';
import { answerImagesOf } from '../images/answer-images-in-context';

/** What an attachment becomes in a request: a data: URL (images, PDFs) or its text (text files). */
export type AttachmentData = Map<string, string>;

function inlineText(name: string, text: string): string {
  return `\n\n--- ${name} ---\n${text}\n--- end of ${name} ---`;
}

/** A user message as OpenRouter content: text, or text first, then images and files (docs/openrouter-api.md §1.2). */
export function userContent(m: Pick<MessageRow, 'content' | 'attachments'>, data: AttachmentData): string | ContentPart[] {
  const atts = (m.attachments ?? []).filter((a) => data.has(a.id));
  const texts = atts.filter((a) => attachmentKindOf(a) === 'text');
  const text = m.content + texts.map((a) => inlineText(a.name, data.get(a.id)!)).join('');
  const binary = atts.filter((a) => attachmentKindOf(a) !== 'text');
  if (binary.length === 0) return text;
  const parts: ContentPart[] = [];
  if (text) parts.push({ type: 'text', text });
  for (const a of binary) {
    if (attachmentKindOf(a) === 'image') parts.push({ type: 'image_url', image_url: { url: data.get(a.id)! } });
    else parts.push({ type: 'file', file: { filename: a.name, file_data: data.get(a.id)! } });
  }
  return parts;
}

export function toChatMessages(history: MessageRow[], data: AttachmentData): ChatMessage[] {
  return history.flatMap((m): ChatMessage[] => (m.role === 'user' ? [{ role: 'user', content: userContent(m, data) }] : withAnswerImages(answerMessages(m), answerImagesOf(m, data))));
}

/** The request one column sends: its model (with variant), its own settings, its own history. */
export function buildChatRequest(column: ColumnConfig, history: MessageRow[], data: AttachmentData = new Map()): ChatRequest {
  const s = column.settings;
  const messages: ChatMessage[] = [];
  if (s.systemPrompt?.trim()) messages.push({ role: 'system', content: s.systemPrompt });
  messages.push(...toChatMessages(history, data));
  const req: ChatRequest = { model: column.model, messages, stream: true };
  if (s.temperature !== undefined) req.temperature = s.temperature;
  if (s.maxTokens !== undefined) req.max_tokens = s.maxTokens;
  if (s.reasoningEffort) req.reasoning = { effort: s.reasoningEffort };
  const p = s.provider;
  const provider: NonNullable<ChatRequest['provider']> = {};
  if (p?.order?.length) provider.order = p.order;
  if (p?.only?.length) provider.only = p.only;
  if (p?.ignore?.length) provider.ignore = p.ignore;
  if (p?.sort) provider.sort = p.sort;
  if (p?.allowFallbacks === false) provider.allow_fallbacks = false;
  if (Object.keys(provider).length) req.provider = provider;
  const plugin = webPlugin(s.webSearch);
  if (plugin) req.plugins = [plugin];
  return req;
}

/** An answer's images go with its last assistant message (after a tool loop, the one holding the final text). */
function withAnswerImages(messages: ChatMessage[], images: ReturnType<typeof answerImagesOf>): ChatMessage[] {
  if (!images.images) return messages;
  const last = messages.findLastIndex((m) => m.role === 'assistant');
  return messages.map((m, i) => (i === last && m.role === 'assistant' ? { ...m, ...images } : m));
}
