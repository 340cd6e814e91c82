import type { ChatMessage, ChatRequest, ContentPart } from '../../../../shared/openrouter/chat-request';
import type { AdapterRequest, HttpRequestSpec } from '../../types';
import { contentParts, isHttpUrl, parseDataUrl, parseToolArguments } from '../common/content';
import { EFFORT_RATIO, maxOutputTokens, reasoningWish } from '../common/reasoning';
import { obj, str } from '../common/values';
import { webSearchWish } from '../common/web-search';
import { answerImagesAsUserInput } from '../common/images';

// OpenRouter-shaped request → Anthropic Messages API (POST {baseUrl}/v1/messages,
// docs/provider-wire-formats.md §3.2). System text goes top-level, tool results become user
// `tool_result` blocks, images and PDFs become content blocks, `reasoning` becomes a thinking budget, and the
// `web` plugin becomes the server tool `web_search_20250305` (docs/provider-wire-formats.md §8).

export const ANTHROPIC_VERSION = '2023-06-01';
export const DEFAULT_MAX_TOKENS = 4096;
const MIN_BUDGET = 1024;
const MAX_BUDGET = 128_000;
/** Searches one answer may run when the request does not say (`max_uses`): each is billed. */
export const DEFAULT_MAX_SEARCHES = 5;

type Block = Record<string, unknown>;
interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: Block[];
}

function textBlock(part: Extract<ContentPart, { type: 'text' }>): Block | undefined {
  if (part.text === '') return undefined; // Anthropic rejects empty text blocks
  const block: Block = { type: 'text', text: part.text };
  if (part.cache_control) block.cache_control = part.cache_control;
  return block;
}

function fileBlock(file: { filename?: string; file_data?: string; file_id?: string }): Block {
  const data = file.file_data;
  const title = file.filename ? { title: file.filename } : {};
  if (data && isHttpUrl(data)) return { type: 'document', source: { type: 'url', url: data }, ...title };
  const parsed = data ? parseDataUrl(data) : undefined;
  if (!parsed) throw new Error('Anthropic needs files as a data: URL or an https URL');
  if (parsed.mediaType === 'application/pdf') {
    return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: parsed.base64 }, ...title };
  }
  if (parsed.mediaType.startsWith('text/')) {
    const text = Buffer.from(parsed.base64, 'base64').toString('utf8');
    return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: text }, ...title };
  }
  if (parsed.mediaType.startsWith('image/')) {
    return { type: 'image', source: { type: 'base64', media_type: parsed.mediaType, data: parsed.base64 } };
  }
  throw new Error(`Anthropic cannot read ${parsed.mediaType} files`);
}

function partBlock(part: ContentPart): Block | undefined {
  switch (part.type) {
    case 'text':
      return textBlock(part);
    case 'image_url': {
      const url = part.image_url.url;
      if (isHttpUrl(url)) return { type: 'image', source: { type: 'url', url } };
      const parsed = parseDataUrl(url);
      if (!parsed) throw new Error('Anthropic needs images as a data: URL or an https URL');
      return { type: 'image', source: { type: 'base64', media_type: parsed.mediaType, data: parsed.base64 } };
    }
    case 'file':
      return fileBlock(part.file);
    case 'input_audio':
      throw new Error('Anthropic models do not accept audio input');
  }
}

function blocksOf(content: ChatMessage['content']): Block[] {
  const out: Block[] = [];
  for (const part of contentParts(content ?? '')) {
    const b = partBlock(part);
    if (b) out.push(b);
  }
  return out;
}

/** Signed thinking from an earlier answer (reasoning_details), to be sent back unchanged. */
function thinkingBlocks(details: Record<string, unknown>[] | undefined): Block[] {
  const out: Block[] = [];
  for (const d of details ?? []) {
    const format = str(d.format);
    if (format !== undefined && format !== 'anthropic-claude-v1') continue;
    if (d.type === 'reasoning.text' && typeof d.signature === 'string' && d.signature !== '') {
      out.push({ type: 'thinking', thinking: str(d.text) ?? '', signature: d.signature });
    } else if (d.type === 'reasoning.encrypted' && typeof d.data === 'string') {
      out.push({ type: 'redacted_thinking', data: d.data });
    }
  }
  return out;
}

function assistantBlocks(m: Extract<ChatMessage, { role: 'assistant' }>, withThinking: boolean): Block[] {
  const out = withThinking ? thinkingBlocks(m.reasoning_details) : [];
  out.push(...blocksOf(m.content ?? ''));
  for (const call of m.tool_calls ?? []) {
    out.push({ type: 'tool_use', id: call.id, name: call.function.name, input: parseToolArguments(call.function.arguments) });
  }
  return out;
}

function toolResultBlock(m: Extract<ChatMessage, { role: 'tool' }>): Block {
  const content = typeof m.content === 'string' ? m.content : blocksOf(m.content);
  return { type: 'tool_result', tool_use_id: m.tool_call_id, content };
}

function systemField(messages: ChatMessage[]): string | Block[] | undefined {
  const blocks: Block[] = [];
  let cached = false;
  for (const m of messages) {
    if (m.role !== 'system' && m.role !== 'developer') continue;
    for (const part of contentParts(m.content)) {
      if (part.type !== 'text' || part.text === '') continue;
      if (part.cache_control) cached = true;
      blocks.push(textBlock(part)!);
    }
  }
  if (blocks.length === 0) return undefined;
  return cached ? blocks : blocks.map((b) => b.text as string).join('\n\n');
}

function conversation(messages: ChatMessage[], withThinking: boolean): AnthropicMessage[] {
  const out: AnthropicMessage[] = [];
  const push = (role: AnthropicMessage['role'], blocks: Block[]) => {
    if (blocks.length === 0) return;
    const last = out[out.length - 1];
    if (last && last.role === role) last.content.push(...blocks); // roles must alternate
    else out.push({ role, content: blocks });
  };
  for (const m of messages) {
    switch (m.role) {
      case 'system':
      case 'developer':
        break;
      case 'user':
        push('user', blocksOf(m.content));
        break;
      case 'assistant':
        push('assistant', assistantBlocks(m, withThinking));
        break;
      case 'tool':
        push('user', [toolResultBlock(m)]);
        break;
    }
  }
  return out;
}

function toolChoice(choice: unknown, parallel: boolean | undefined): Block | undefined {
  let out: Block | undefined;
  if (choice === 'auto') out = { type: 'auto' };
  else if (choice === 'required') out = { type: 'any' };
  else if (choice === 'none') out = { type: 'none' };
  else {
    const name = str(obj(obj(choice)?.function)?.name);
    if (name) out = { type: 'tool', name };
  }
  if (parallel === false && out?.type !== 'none') out = { ...(out ?? { type: 'auto' }), disable_parallel_tool_use: true };
  return out;
}

/** Thinking budget per docs/openrouter-api.md §1.4, and a max_tokens that leaves room for the answer. */
export function thinkingConfig(body: ChatRequest): { budget: number; maxTokens: number } | undefined {
  const requested = maxOutputTokens(body) ?? DEFAULT_MAX_TOKENS;
  const wish = reasoningWish(body);
  if (!wish?.enabled || (wish.effort === undefined && wish.maxTokens === undefined)) return undefined;
  const budget = wish.maxTokens !== undefined
    ? Math.max(wish.maxTokens, MIN_BUDGET)
    : Math.max(Math.min(Math.floor(requested * EFFORT_RATIO[wish.effort ?? 'medium']), MAX_BUDGET), MIN_BUDGET);
  return { budget, maxTokens: requested > budget ? requested : budget + requested };
}

export function anthropicBody(req: AdapterRequest): Record<string, unknown> {
  const src = req.body;
  const thinking = thinkingConfig(src);
  const body: Record<string, unknown> = {
    model: req.model,
    max_tokens: thinking?.maxTokens ?? maxOutputTokens(src) ?? DEFAULT_MAX_TOKENS,
  };
  const system = systemField(src.messages);
  if (system !== undefined) body.system = system;
  // an earlier answer's images (to edit them) move to the next user message: Anthropic takes images from users only
  body.messages = conversation(answerImagesAsUserInput(src.messages), thinking !== undefined);
  if (thinking) {
    body.thinking = { type: 'enabled', budget_tokens: thinking.budget };
  } else {
    // Anthropic's temperature range is 0..1 (OpenAI's 0..2).
    if (src.temperature !== undefined) body.temperature = Math.min(src.temperature, 1);
    if (src.top_p !== undefined) body.top_p = src.top_p;
    if (src.top_k !== undefined) body.top_k = src.top_k;
  }
  if (src.stop !== undefined) body.stop_sequences = Array.isArray(src.stop) ? src.stop : [src.stop];
  if (src.tools && src.tools.length > 0) {
    body.tools = src.tools.map((t) => {
      const tool: Block = {
        name: t.function.name,
        input_schema: t.function.parameters ?? { type: 'object', properties: {} },
      };
      if (t.function.description) tool.description = t.function.description;
      const cache = (t as { cache_control?: unknown }).cache_control;
      if (cache) tool.cache_control = cache;
      return tool;
    });
    const choice = toolChoice(src.tool_choice, src.parallel_tool_calls);
    if (choice) body.tool_choice = choice;
  }
  const search = webSearchWish(src);
  if (search) {
    const tool: Block = { type: 'web_search_20250305', name: 'web_search', max_uses: search.maxUses ?? DEFAULT_MAX_SEARCHES };
    body.tools = [...((body.tools as Block[] | undefined) ?? []), tool];
  }
  if (src.user) body.metadata = { user_id: src.user };
  const topCache = (src as { cache_control?: unknown }).cache_control;
  if (topCache) body.cache_control = topCache; // automatic prompt caching
  if (req.stream) body.stream = true;
  return body;
}

export function anthropicRequest(req: AdapterRequest): HttpRequestSpec {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: req.stream ? 'text/event-stream' : 'application/json',
    'anthropic-version': ANTHROPIC_VERSION,
  };
  if (req.upstream.apiKey) headers['x-api-key'] = req.upstream.apiKey;
  return {
    url: `${req.upstream.baseUrl.replace(/\/+$/, '')}/v1/messages`,
    method: 'POST',
    headers,
    body: JSON.stringify(anthropicBody(req)),
  };
}
