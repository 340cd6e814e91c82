import { historyTextTokens } from '../../../shared/billing/estimate-tokens';
import { attachmentKindOf, type MessageRow } from '../../common/room/types';
import { FORMAT_RULES, promptFormatOf, type FormatRule, type PromptFormat } from './provider-format';
import { nextTask } from '../../common/next-task';

// The tokens a column's next request carries: system prompt, its history on the shown branch, attachments and
// tools. Counted once per message and remembered (the meter recounts on every change to the room; a 1,000-turn
// column must stay within a few milliseconds), so only new or edited messages are tokenized.

/** A text attachment's bytes per token until its text is read at send time (English prose and code average ~4). */
export const TEXT_ATTACHMENT_BYTES_PER_TOKEN = 4;

interface Counted {
  content: string;
  attachments: MessageRow['attachments'];
  tokens: number; // o200k_base tokens of the text, before the format's factor
  images: number;
  files: number; // PDFs and other files: their size in tokens is unknown before sending
  textAttachmentTokens: number;
}

const byMessage = new Map<string, Counted>();
const MAX_REMEMBERED = 50_000;

/** Exact for ordinary messages; a very long one (a pasted log, a 1 MB answer) is estimated from samples. */
function rawTokens(text: string): number {
  return historyTextTokens(text);
}

function countMessage(m: Pick<MessageRow, 'id' | 'content' | 'attachments'>): Counted {
  const hit = byMessage.get(m.id);
  if (hit && hit.content === m.content && hit.attachments === m.attachments) return hit;
  let images = 0;
  let files = 0;
  let textAttachmentTokens = 0;
  for (const a of m.attachments ?? []) {
    const kind = attachmentKindOf(a);
    if (kind === 'image') images += 1;
    else if (kind === 'text') textAttachmentTokens += Math.ceil(a.size / TEXT_ATTACHMENT_BYTES_PER_TOKEN);
    else files += 1;
  }
  const counted: Counted = { content: m.content, attachments: m.attachments, tokens: rawTokens(m.content), images, files, textAttachmentTokens };
  if (!hit && byMessage.size >= MAX_REMEMBERED) byMessage.delete(byMessage.keys().next().value!);
  byMessage.set(m.id, counted);
  return counted;
}

const scaled = (rule: FormatRule, tokens: number) => Math.ceil(tokens * rule.textFactor);

/** One history message's tokens in a format (its framing included). */
export function messageTokens(m: Pick<MessageRow, 'id' | 'content' | 'attachments'>, format: PromptFormat): number {
  const rule = FORMAT_RULES[format];
  const c = countMessage(m);
  return rule.perMessage + 1 /* role */ + scaled(rule, c.tokens + c.textAttachmentTokens) + c.images * rule.imageTokens;
}

export interface ContextInput {
  model: string;
  systemPrompt?: string;
  history: Pick<MessageRow, 'id' | 'content' | 'attachments' | 'role'>[];
  /** tool and web-search definitions the request will carry, when a column has any */
  tools?: readonly unknown[];
}

export interface ContextCount {
  format: PromptFormat;
  /** system prompt, tools and priming: sent whatever history is dropped */
  fixed: number;
  /** each history message's tokens, oldest first (same order as the input) */
  perMessage: number[];
  total: number;
  /** files whose tokens are unknown before sending (not in the total) */
  uncountedFiles: number;
}

const systemCache = new Map<string, number>();

function fixedTokens(input: ContextInput, rule: FormatRule): number {
  let n = rule.priming;
  const sys = input.systemPrompt?.trim() ? input.systemPrompt : '';
  if (sys) {
    let t = systemCache.get(sys);
    if (t === undefined) {
      t = rawTokens(sys);
      if (systemCache.size > 200) systemCache.clear();
      systemCache.set(sys, t);
    }
    n += scaled(rule, t) + (rule.systemOutsideMessages ? 0 : rule.perMessage + 1);
  }
  if (input.tools?.length) n += scaled(rule, rawTokens(JSON.stringify(input.tools)));
  return n;
}

/** What a column's next request will carry, in tokens, counted by its model's family rule. */
export function countContext(input: ContextInput): ContextCount {
  const format = promptFormatOf(input.model);
  const rule = FORMAT_RULES[format];
  const fixed = fixedTokens(input, rule);
  let total = fixed;
  let uncountedFiles = 0;
  const perMessage = input.history.map((m) => {
    const t = messageTokens(m, format);
    uncountedFiles += byMessage.get(m.id)!.files;
    total += t;
    return t;
  });
  return { format, fixed, perMessage, total, uncountedFiles };
}

const SLICE_MS = 8;

/** Counts the messages not counted before, yielding to the page every few milliseconds: the first send from a long
 * room opened part-way (whose meters have not counted it) would otherwise tokenize hundreds of answers in one task. */
export async function countInSlices(history: Pick<MessageRow, 'id' | 'content' | 'attachments'>[], yieldTo: () => Promise<void> = nextTask): Promise<void> {
  let sliceStart = performance.now();
  for (const m of history) {
    countMessage(m);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldTo();
      sliceStart = performance.now();
    }
  }
}

/** How many of these messages have no remembered count (or one of an older text). */
export function uncountedMessages(history: Pick<MessageRow, 'id' | 'content' | 'attachments'>[]): number {
  let n = 0;
  for (const m of history) {
    const hit = byMessage.get(m.id);
    if (!hit || hit.content !== m.content || hit.attachments !== m.attachments) n += 1;
  }
  return n;
}

/** For tests and benches: forget every remembered count. */
export function forgetContextCounts() {
  byMessage.clear();
  systemCache.clear();
}
