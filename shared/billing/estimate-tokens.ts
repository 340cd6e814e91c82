import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import type { CatalogModel } from '../catalog/types';
import type { ChatRequest } from '../openrouter/chat-request';

// Input tokens of a request before it is sent, for the "this will cost about…" hint and the context-window
// check. The count uses OpenAI's o200k_base BPE (bundled with gpt-tokenizer, no download, works in the
// renderer); other model families tokenize differently (Claude and Gemini typically count somewhat more), so
// the result is an estimate, never a bill. Per-message overhead follows OpenAI's published chat format:
// 3 tokens per message, 1 more when it has a name, 3 to prime the reply.

export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_NAME = 1;
export const REPLY_PRIMING_TOKENS = 3;
/** An image at "high"/"auto" detail is counted as one 1024×1024 image in 512-px tiles (85 + 4 × 170). */
export const IMAGE_TOKENS_HIGH = 765;
export const IMAGE_TOKENS_LOW = 85;
/** Tool definitions are wrapped in a system preamble; a small fixed allowance for it. */
export const TOOLS_OVERHEAD_TOKENS = 12;

export interface TokenEstimate {
  tokens: number;
  estimated: true;
  encoding: 'o200k_base';
  images: number; // image parts counted at a fixed size
  uncountedParts: number; // files and audio whose size in tokens cannot be known before sending
}

const NO_SPECIALS = { disallowedSpecial: new Set<string>() }; // user text like "<|endoftext|>" is just text

/** Texts up to this many characters are counted exactly; a longer one (a pasted log, a 1 MB answer) from three
 * slices of SAMPLE_CHARS scaled by its length. BPE costs milliseconds per kilobyte (far more on long runs without
 * whitespace), and the estimate is recounted as the user types: it must stay cheap whatever the history holds. */
export const EXACT_COUNT_CHARS = 16_384;
const SAMPLE_CHARS = 1_024;

// History texts are counted again on every keystroke, for every column: remember them (the strings are the history's
// own, so an entry costs little). Texts shorter than a few words are cheaper to count than to look up.
const counted = new Map<string, number>();
const COUNTED_MAX = 20_000;
const REMEMBER_FROM_CHARS = 32;

function sampledTokens(text: string): number {
  const starts = [0, Math.floor((text.length - SAMPLE_CHARS) / 2), text.length - SAMPLE_CHARS];
  const sampled = starts.reduce((n, at) => n + countTokens(text.slice(at, at + SAMPLE_CHARS), NO_SPECIALS), 0);
  return Math.round((sampled * text.length) / (SAMPLE_CHARS * starts.length));
}

function textTokens(text: string): number {
  if (!text) return 0;
  if (text.length < REMEMBER_FROM_CHARS) return countTokens(text, NO_SPECIALS);
  let n = counted.get(text);
  if (n === undefined) {
    n = text.length <= EXACT_COUNT_CHARS ? countTokens(text, NO_SPECIALS) : sampledTokens(text);
    if (counted.size >= COUNTED_MAX) counted.delete(counted.keys().next().value!);
    counted.set(text, n);
  }
  return n;
}

/** Tokens of a history text, remembered: the context meters and the send estimate count the same messages, so
 * what one counted the other finds here. */
export function historyTextTokens(text: string): number {
  return textTokens(text);
}

/** Tokens of a text of any length without remembering it: exact up to EXACT_COUNT_CHARS, beyond that from samples
 * (a 1 MB line must not hold the page for seconds). */
export function boundedTextTokens(text: string): number {
  if (!text) return 0;
  return text.length <= EXACT_COUNT_CHARS ? countTokens(text, NO_SPECIALS) : sampledTokens(text);
}

/** Tokens of a piece of output as it streams: counted once and not remembered (unlike history texts). */
export function countTextTokens(text: string): number {
  return text ? countTokens(text, NO_SPECIALS) : 0;
}

export function estimateRequestTokens(req: Pick<ChatRequest, 'messages' | 'tools'>): TokenEstimate {
  let tokens = REPLY_PRIMING_TOKENS;
  let images = 0;
  let uncountedParts = 0;
  for (const m of req.messages) {
    tokens += TOKENS_PER_MESSAGE + textTokens(m.role);
    if ('name' in m && m.name) tokens += TOKENS_PER_NAME + textTokens(m.name);
    const content = m.content;
    if (typeof content === 'string') tokens += textTokens(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        if (part.type === 'text') tokens += textTokens(part.text);
        else if (part.type === 'image_url') {
          images += 1;
          tokens += part.image_url.detail === 'low' ? IMAGE_TOKENS_LOW : IMAGE_TOKENS_HIGH;
        } else uncountedParts += 1;
      }
    }
    if (m.role === 'assistant') for (const call of m.tool_calls ?? []) tokens += textTokens(call.function.name) + textTokens(call.function.arguments);
  }
  if (req.tools?.length) tokens += TOOLS_OVERHEAD_TOKENS + textTokens(JSON.stringify(req.tools));
  return { tokens, estimated: true, encoding: 'o200k_base', images, uncountedParts };
}

/**
 * True when the estimated prompt plus the room reserved for the answer (`reserveOutputTokens`, e.g. the
 * request's max_tokens) does not fit the model's context window. Unknown context length → false (no claim).
 */
export function exceedsContext(
  estimate: TokenEstimate | number,
  model: Pick<CatalogModel, 'context_length'> | undefined,
  reserveOutputTokens = 0,
): boolean {
  const ctx = model?.context_length;
  if (!ctx || ctx <= 0) return false;
  const tokens = typeof estimate === 'number' ? estimate : estimate.tokens;
  return tokens + Math.max(0, reserveOutputTokens) > ctx;
}
