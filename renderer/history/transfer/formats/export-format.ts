import { z } from 'zod';
import { sourcesSchema } from '../../../../shared/openrouter/annotations';
import { upstreamKindSchema } from '../../../../shared/providers/upstream-kinds';
import { costReasonSchema } from '../../../../shared/openrouter/generation';
import { ID_PATTERN } from '../../db/ids';
import type { ConversationRow, GenerationRow, MessageRow } from '../../db/types';
import { base64Length } from './base64';

// Parley's JSON export, format "parley-export" version 1 (documented in docs/export-format.md). Every field is
// validated on import with the zod schema below, within configurable limits.

export const EXPORT_FORMAT = 'parley-export';
export const EXPORT_VERSION = 1;

export type ExportedMessage = Omit<MessageRow, 'conversationId' | 'groupId' | 'streaming' | 'dn'>;
export interface ExportedAttachment {
  id: string;
  messageId: string;
  name: string;
  mime: string;
  size: number;
  data: string; // base64
}
export type ExportedGeneration = Omit<GenerationRow, 'conversationId'>;
export interface ExportedConversation extends Omit<ConversationRow, 'deletedAt'> {
  messages: ExportedMessage[];
  attachments: ExportedAttachment[];
  generations: ExportedGeneration[];
}
export interface ParleyExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  app: { name: 'Parley'; version?: string };
  conversations: ExportedConversation[];
}

export interface ImportLimits {
  /** whole file, in bytes (default 512 MiB) */
  maxBytes: number;
  /** JSON nesting depth (default 32; a Parley export needs 8) */
  maxDepth: number;
  /** any text field: message content, reasoning, system prompt (default 10 M characters) */
  maxTextChars: number;
  /** one attachment's bytes (default 100 MiB) */
  maxAttachmentBytes: number;
  /** messages in one file (default 2 000 000) */
  maxMessages: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxDepth: 32,
  maxTextChars: 10_000_000,
  maxAttachmentBytes: 100 * 1024 * 1024,
  maxMessages: 2_000_000,
};

const SHORT = 2000;

export function exportSchema(limits: ImportLimits) {
  const id = z.string().regex(ID_PATTERN, 'not a valid id');
  const short = z.string().max(SHORT);
  const text = z.string().max(limits.maxTextChars);
  const ms = z.number().int().min(0).max(8.64e15);
  const count = z.number().int().min(0).max(1e12);
  const micros = z.number().int().min(-1e15).max(1e15);
  const finite = z.number().finite();
  const limitedRecord = <V extends z.ZodType>(key: z.ZodString, value: V, max: number) =>
    z.record(key, value).refine((r) => Object.keys(r).length <= max, `more than ${max} entries`);

  const tokens = z.object({
    prompt: count,
    completion: count,
    cacheRead: count,
    cacheWrite: count,
    reasoning: count,
    estimated: z.boolean().optional(),
    cacheWrite1h: count.optional(),
    audioIn: count.optional(),
    audioOut: count.optional(),
    imageIn: count.optional(),
    imageOut: count.optional(),
    webSearchRequests: count.optional(),
  });
  const costSource = z.enum(['upstream', 'computed', 'none']);
  const costReason = costReasonSchema;
  const usdText = z.string().regex(/^-?\d{1,15}(\.\d{1,30})?$/, 'not a decimal amount');
  const pricingSnapshot = z.object({
    capturedAt: ms,
    source: short.optional(),
    rates: limitedRecord(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), z.string().max(64), 64),
    listDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  });
  const costLine = z.object({
    component: z.string().regex(/^[a-z0-9_]{1,32}$/),
    units: count,
    unit: z.enum(['token', 'request', 'image', 'search']),
    rateMicrosPerUnit: usdText,
    micros,
  });
  /** The cost facts a record and an answer share (shared/openrouter/generation.ts). */
  const costFacts = {
    reportedCostUsd: usdText.optional(),
    upstreamCostMicros: micros.optional(),
    computedCostUsd: usdText.optional(),
    costLines: z.array(costLine).max(32).optional(),
    cacheSavingsMicros: micros.optional(),
    costDetail: z.string().max(300).optional(),
  };
  const cost = z.object({
    costMicros: micros.optional(),
    costSource,
    costReason: costReason.optional(),
    reportedCostMicros: micros.optional(),
    computedCostMicros: micros.optional(),
    pricingSnapshot: pricingSnapshot.optional(),
    ...costFacts,
    isByok: z.boolean().optional(),
    estimate: z
      .object({
        inputTokens: count,
        inputMicros: micros.optional(),
        outputLowTokens: count.optional(),
        outputHighTokens: count.optional(),
        outputLowMicros: micros.optional(),
        outputHighMicros: micros.optional(),
        basis: z.enum(['history', 'max_tokens']).optional(),
      })
      .optional(),
  });
  const finishReason = z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'error']);
  const attachmentRef = z.object({ id, name: short, mime: short, size: count });
  const vote = z.object({
    verdict: z.enum(['best', 'tie', 'all-bad']),
    winnerId: id.optional(),
    answers: z
      .array(z.object({ messageId: id, columnId: id, model: short, generationId: short.optional(), label: z.string().max(8) }))
      .min(2)
      .max(64),
    blind: z.boolean(),
    at: ms,
  });
  const message = z.object({
    id,
    seq: z.number().int().min(1).max(1e12),
    parentId: id.nullable(),
    columnId: id.nullable(),
    role: z.enum(['user', 'assistant']),
    content: text,
    reasoning: text.optional(),
    attachments: z.array(attachmentRef).max(1000).optional(),
    status: z.enum(['streaming', 'done', 'error', 'interrupted', 'stopped']),
    continueFromId: id.nullable().optional(),
    model: z.object({ requested: short, used: short.nullable(), provider: short.nullable(), upstream: short.nullable(), chosenBy: short.optional(), pinned: short.optional() }).optional(),
    tokens: tokens.nullable().optional(),
    cost: cost.optional(),
    generationId: short.optional(),
    timings: z.object({ ttftMs: finite.nullable(), durationMs: finite.nullable(), tokensPerSecond: finite.nullable() }).optional(),
    finishReason: finishReason.nullable().optional(),
    nativeFinishReason: short.nullable().optional(),
    error: z.object({ code: z.number().int().optional(), message: text }).optional(),
    blind: z.boolean().optional(),
    vote: vote.optional(),
    fused: z.object({ sources: z.array(id).max(64) }).optional(),
    sources: sourcesSchema.optional(), // web search sources (docs/export-format.md, "Sources")
    blindLetter: z.string().regex(/^[A-Z][0-9]{0,4}$/).optional(),
    createdAt: ms,
    updatedAt: ms,
  });
  const attachment = z.object({
    id,
    messageId: id,
    name: short,
    mime: short,
    size: count,
    data: z.string().max(base64Length(limits.maxAttachmentBytes)),
  });
  const generation = z.object({
    id: short.min(1),
    createdAt: ms,
    requestedModel: short,
    model: short.nullable(),
    upstreamId: short.nullable(),
    upstreamKind: upstreamKindSchema.nullable(),
    provider: short.nullable(),
    upstreamGenerationId: short.optional(),
    attempts: z
      .array(
        z.object({
          upstreamId: short,
          provider: short,
          model: short,
          status: z.number().int().nullable(),
          error: short.optional(),
          errorType: z.enum(['http', 'network', 'timeout', 'aborted', 'stream']).optional(),
          durationMs: finite,
          sent: z.boolean().optional(),
        }),
      )
      .max(100),
    tokens: tokens.nullable(),
    reportedCostMicros: micros.optional(),
    computedCostMicros: micros.optional(),
    costMicros: micros.optional(),
    costSource,
    costReason: costReason.optional(),
    ...costFacts,
    upstreamCostUsd: usdText.optional(),
    pricingSnapshot: pricingSnapshot.extend({ source: short }).optional(),
    ttftMs: finite.nullable(),
    durationMs: finite,
    tokensPerSecond: finite.nullable(),
    finishReason: finishReason.nullable(),
    nativeFinishReason: short.nullable(),
    isByok: z.boolean(),
    streamed: z.boolean(),
    cancelled: z.boolean(),
    fallbackUsed: z.boolean(),
    source: z.enum(['app', 'local-api']),
    appKeyId: short.optional(),
    error: z.object({ code: z.number().int(), message: short }).optional(),
    messageId: id.optional(),
    billedCostMicros: micros.optional(),
    reconciledAt: ms.optional(),
    mismatch: z.boolean().optional(),
    billedFeeMicros: micros.optional(),
    billedProviderMicros: micros.optional(),
    billedComparedMicros: micros.optional(),
  });
  const column = z.object({
    id,
    model: short.min(1),
    label: short.optional(),
    settings: z.object({
      systemPrompt: text.optional(),
      temperature: z.number().min(0).max(10).optional(),
      maxTokens: z.number().int().min(1).max(1e9).optional(),
      reasoningEffort: z.enum(['minimal', 'low', 'medium', 'high', 'xhigh']).optional(),
      provider: z
        .object({
          order: z.array(short).max(100).optional(),
          only: z.array(short).max(100).optional(),
          ignore: z.array(short).max(100).optional(),
          sort: z.enum(['price', 'throughput', 'latency']).optional(),
          allowFallbacks: z.boolean().optional(),
        })
        .optional(),
      webSearch: z.object({ enabled: z.boolean(), engine: z.enum(['native', 'exa']).optional(), maxResults: z.number().int().min(1).max(10).optional() }).optional(),
    }),
  });
  const conversation = z.object({
    id,
    title: short,
    createdAt: ms,
    updatedAt: ms,
    columns: z.array(column).max(64),
    lastSeq: z.number().int().min(0).optional(),
    headId: id.nullable().optional(),
    selection: limitedRecord(z.string().regex(/^[A-Za-z0-9_.:-]{1,140}\/[A-Za-z0-9_.:-]{1,128}$/), id, 1_000_000).optional(),
    pendingContinueFromId: id.nullable().optional(),
    pinned: z.boolean().optional(),
    blind: z.boolean().optional(),
    messages: z.array(message).max(limits.maxMessages),
    attachments: z.array(attachment).max(100_000).optional(),
    generations: z.array(generation).max(limits.maxMessages).optional(),
  });
  return z.object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: short.optional(),
    app: z.object({ name: short, version: short.optional() }).optional(),
    conversations: z.array(conversation).max(1_000_000),
  });
}

export type ValidatedExport = z.infer<ReturnType<typeof exportSchema>>;
