import type { ChatMessage, ChatRequest, ContentPart } from '../../shared/openrouter/chat-request';
import type { AttachmentRef, ColumnConfig, MessageRow } from './types';

/** "openai/gpt-4o" + variant "nitro" → "openai/gpt-4o:nitro" (a slug that already carries it is left alone). */
export function modelSlug(column: ColumnConfig): string {
  const v = column.settings.variant;
  if (!v || column.model.split(':').slice(1).includes(v)) return column.model;
  return `${column.model}:${v}`;
}

function inlineText(a: AttachmentRef): string {
  return `\n\n--- ${a.name} ---\n${a.data}\n--- end of ${a.name} ---`;
}

/** A user message as OpenRouter content: plain text, or text first, then images and files as parts (§1.2). */
export function userContent(m: Pick<MessageRow, 'content' | 'attachments'>): string | ContentPart[] {
  const atts = m.attachments ?? [];
  const text = m.content + atts.filter((a) => a.kind === 'text').map(inlineText).join('');
  const binary = atts.filter((a) => a.kind !== 'text');
  if (binary.length === 0) return text;
  const parts: ContentPart[] = [];
  if (text) parts.push({ type: 'text', text });
  for (const a of binary) {
    if (a.kind === 'image') parts.push({ type: 'image_url', image_url: { url: a.data } });
    else parts.push({ type: 'file', file: { filename: a.name, file_data: a.data } });
  }
  return parts;
}

export function toChatMessages(history: MessageRow[]): ChatMessage[] {
  return history.map((m) =>
    m.role === 'user' ? { role: 'user', content: userContent(m) } : { role: 'assistant', content: m.content },
  );
}

/** The request one column sends: its model/variant, its own settings, its own history. */
export function buildChatRequest(column: ColumnConfig, history: MessageRow[]): ChatRequest {
  const s = column.settings;
  const messages: ChatMessage[] = [];
  if (s.system.trim()) messages.push({ role: 'system', content: s.system });
  messages.push(...toChatMessages(history));
  const req: ChatRequest = { model: modelSlug(column), messages, stream: true };
  if (s.temperature !== null) req.temperature = s.temperature;
  if (s.maxTokens !== null) req.max_tokens = s.maxTokens;
  if (s.reasoningEffort) req.reasoning = { effort: s.reasoningEffort };
  const provider: NonNullable<ChatRequest['provider']> = {};
  if (s.providerOrder.length) provider.order = s.providerOrder;
  if (s.providerOnly.length) provider.only = s.providerOnly;
  if (s.providerIgnore.length) provider.ignore = s.providerIgnore;
  if (s.providerSort) provider.sort = s.providerSort;
  if (Object.keys(provider).length) req.provider = provider;
  return req;
}
