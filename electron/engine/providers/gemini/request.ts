import type { ChatMessage, ChatRequest, ContentPart } from '../../../../shared/openrouter/chat-request';
import type { AdapterRequest, HttpRequestSpec } from '../../types';
import { contentParts, contentText, isHttpUrl, mimeFromName, parseDataUrl, parseToolArguments } from '../common/content';
import { EFFORT_RATIO, maxOutputTokens, reasoningWish } from '../common/reasoning';
import { obj, str } from '../common/values';
import { webSearchWish } from '../common/web-search';

// OpenRouter-shaped request → Gemini generateContent (docs/provider-wire-formats.md §4.2).
// The key goes in the x-goog-api-key header, never in the URL, so logged URLs never carry it.

type Part = Record<string, unknown>;
interface Content {
  role: 'user' | 'model';
  parts: Part[];
}

export const GEMINI_SIGNATURE_FORMAT = 'google-gemini-v1';

function inline(mimeType: string, data: string): Part {
  return { inlineData: { mimeType, data } };
}

function userPart(part: ContentPart): Part | undefined {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : { text: part.text };
    case 'image_url': {
      const url = part.image_url.url;
      const parsed = parseDataUrl(url);
      if (parsed) return inline(parsed.mediaType, parsed.base64);
      if (isHttpUrl(url)) return { fileData: { mimeType: mimeFromName(url, 'image/jpeg'), fileUri: url } };
      throw new Error('Gemini needs images as a data: URL or an https URL');
    }
    case 'file': {
      const data = part.file.file_data;
      const parsed = data ? parseDataUrl(data) : undefined;
      if (parsed) return inline(parsed.mediaType, parsed.base64);
      if (data && isHttpUrl(data)) {
        return { fileData: { mimeType: mimeFromName(part.file.filename ?? data, 'application/pdf'), fileUri: data } };
      }
      throw new Error('Gemini needs files as a data: URL or an https URL');
    }
    case 'input_audio':
      return inline(`audio/${part.input_audio.format}`, part.input_audio.data);
  }
}

function partsOf(content: ChatMessage['content']): Part[] {
  const out: Part[] = [];
  for (const p of contentParts(content ?? '')) {
    const part = userPart(p);
    if (part) out.push(part);
  }
  return out;
}

/** Signatures Gemini attached to function calls, keyed by the tool-call id Parley gave them. */
function signaturesById(details: Record<string, unknown>[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of details ?? []) {
    if (d.format === GEMINI_SIGNATURE_FORMAT && typeof d.id === 'string' && typeof d.data === 'string') map.set(d.id, d.data);
  }
  return map;
}

function toolResponse(content: ChatMessage['content']): Record<string, unknown> {
  const text = contentText(content);
  try {
    const v = JSON.parse(text) as unknown;
    if (obj(v)) return v as Record<string, unknown>;
    return { content: v };
  } catch {
    return { content: text };
  }
}

function contents(messages: ChatMessage[]): Content[] {
  const out: Content[] = [];
  const toolNames = new Map<string, string>();
  const push = (role: Content['role'], parts: Part[]) => {
    if (parts.length === 0) return;
    const last = out[out.length - 1];
    if (last && last.role === role) last.parts.push(...parts);
    else out.push({ role, parts });
  };
  for (const m of messages) {
    switch (m.role) {
      case 'system':
      case 'developer':
        break;
      case 'user':
        push('user', partsOf(m.content));
        break;
      case 'assistant': {
        const parts = partsOf(m.content ?? '');
        const signatures = signaturesById(m.reasoning_details);
        for (const call of m.tool_calls ?? []) {
          toolNames.set(call.id, call.function.name);
          const part: Part = { functionCall: { name: call.function.name, args: parseToolArguments(call.function.arguments) } };
          const sig = signatures.get(call.id);
          if (sig) part.thoughtSignature = sig;
          parts.push(part);
        }
        push('model', parts);
        break;
      }
      case 'tool':
        push('user', [{ functionResponse: { name: toolNames.get(m.tool_call_id) ?? m.tool_call_id, response: toolResponse(m.content) } }]);
        break;
    }
  }
  return out;
}

function thinkingConfig(body: ChatRequest, model: string): Record<string, unknown> | undefined {
  const wish = reasoningWish(body);
  if (!wish) return undefined;
  const gemini3 = /gemini-3/.test(model);
  if (!wish.enabled) return gemini3 ? { thinkingLevel: 'low' } : { thinkingBudget: /pro/.test(model) ? 128 : 0 };
  const include = { includeThoughts: !wish.exclude };
  if (wish.maxTokens !== undefined) return { thinkingBudget: wish.maxTokens, ...include };
  if (wish.effort) {
    if (gemini3) return { thinkingLevel: wish.effort === 'max' || wish.effort === 'xhigh' ? 'high' : wish.effort, ...include };
    const budget = Math.floor((maxOutputTokens(body) ?? 8192) * EFFORT_RATIO[wish.effort]);
    return { thinkingBudget: Math.min(Math.max(budget, 128), 24_576), ...include };
  }
  return include;
}

function toolConfig(choice: unknown): Record<string, unknown> | undefined {
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  const name = str(obj(obj(choice)?.function)?.name);
  return name ? { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [name] } } : undefined;
}

export function geminiBody(req: AdapterRequest): Record<string, unknown> {
  const src = req.body;
  const body: Record<string, unknown> = { contents: contents(src.messages) };
  const system = src.messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => contentText(m.content))
    .filter((t) => t !== '')
    .join('\n\n');
  if (system) body.systemInstruction = { parts: [{ text: system }] };
  const gen: Record<string, unknown> = {};
  const max = maxOutputTokens(src);
  if (max !== undefined) gen.maxOutputTokens = max;
  if (src.temperature !== undefined) gen.temperature = src.temperature;
  if (src.top_p !== undefined) gen.topP = src.top_p;
  if (src.top_k !== undefined) gen.topK = src.top_k;
  if (src.seed !== undefined) gen.seed = src.seed;
  if (src.presence_penalty !== undefined) gen.presencePenalty = src.presence_penalty;
  if (src.frequency_penalty !== undefined) gen.frequencyPenalty = src.frequency_penalty;
  if (src.stop !== undefined) gen.stopSequences = Array.isArray(src.stop) ? src.stop : [src.stop];
  const format = src.response_format;
  if (format?.type === 'json_object' || format?.type === 'json_schema') {
    gen.responseMimeType = 'application/json';
    const schema = obj(obj(format.json_schema)?.schema);
    if (schema) gen.responseJsonSchema = schema;
  }
  const thinking = thinkingConfig(src, req.model);
  if (thinking) gen.thinkingConfig = thinking;
  if (Object.keys(gen).length > 0) body.generationConfig = gen;
  if (src.tools && src.tools.length > 0) {
    body.tools = [{
      functionDeclarations: src.tools.map((t) => {
        const fn: Record<string, unknown> = { name: t.function.name };
        if (t.function.description) fn.description = t.function.description;
        if (t.function.parameters) fn.parametersJsonSchema = t.function.parameters;
        return fn;
      }),
    }];
    const cfg = toolConfig(src.tool_choice);
    if (cfg) body.toolConfig = cfg;
  }
  // The web plugin is Google Search grounding (docs/provider-wire-formats.md §8).
  if (webSearchWish(src)) body.tools = [...((body.tools as unknown[] | undefined) ?? []), { google_search: {} }];
  return body;
}

export function geminiRequest(req: AdapterRequest): HttpRequestSpec {
  const base = req.upstream.baseUrl.replace(/\/+$/, '');
  const model = encodeURIComponent(req.model.replace(/^models\//, ''));
  const method = req.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: req.stream ? 'text/event-stream' : 'application/json',
  };
  if (req.upstream.apiKey) headers['x-goog-api-key'] = req.upstream.apiKey;
  return { url: `${base}/v1beta/models/${model}:${method}`, method: 'POST', headers, body: JSON.stringify(geminiBody(req)) };
}
