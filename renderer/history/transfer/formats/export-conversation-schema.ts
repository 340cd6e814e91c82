import { z } from 'zod';
import { sourcesSchema } from '../../../../shared/openrouter/annotations';
import type { ImportLimits } from './export-format';
import type { ExportFields } from './export-fields';
import { moneySchemas } from './export-money-schema';
import { base64Length } from '../../db/base64';
import { toolExportFields } from './export-tool-schema';
import { roomExtraSchemas } from './room-extras';

// A conversation as the export holds it: its columns, messages, attachments and generations.

function messageSchema(f: ExportFields, money: ReturnType<typeof moneySchemas>) {
  const { id, short, text, ms, count, finite, finishReason } = f;
  const { tokens, cost } = money;
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
    images: z.array(z.object({ id, mime: short, size: count })).max(1000).optional(), // generated images ("Images")
    status: z.enum(['streaming', 'done', 'error', 'interrupted', 'stopped']),
    continueFromId: id.nullable().optional(),
    model: z.object({ requested: short, used: short.nullable(), provider: short.nullable(), upstream: short.nullable(), chosenBy: short.optional(), pinned: short.optional() }).optional(),
    sources: sourcesSchema.optional(), // web search sources (docs/export-format.md, "Sources")
    ...toolExportFields.message, // a tool loop (docs/export-format.md, "Tool steps")
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
    blindLetter: z.string().regex(/^[A-Z][0-9]{0,4}$/).optional(),
    ...roomExtraSchemas(f).message,
    createdAt: ms,
    updatedAt: ms,
  });
  return message;
}

function columnSchema(f: ExportFields) {
  const { id, short, text } = f;
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
      ...toolExportFields.column,
    }),
  });
  return column;
}

export function conversationSchema(f: ExportFields, limits: ImportLimits) {
  const { id, short, ms, count, limitedRecord } = f;
  const money = moneySchemas(f);
  const message = messageSchema(f, money);
  const column = columnSchema(f);
  const { generation } = money;
  const attachment = z.object({
    id,
    messageId: id,
    name: short,
    mime: short,
    size: count,
    data: z.string().max(base64Length(limits.maxAttachmentBytes)),
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
    ...toolExportFields.conversation,
    ...roomExtraSchemas(f).room,
    folder: short.optional(),
    archived: z.boolean().optional(),
    messages: z.array(message).max(limits.maxMessages),
    attachments: z.array(attachment).max(100_000).optional(),
    images: z.array(z.object({ id, messageId: id, mime: short, size: count, data: z.string().max(base64Length(limits.maxAttachmentBytes)) })).max(100_000).optional(),
    generations: z.array(generation).max(limits.maxMessages).optional(),
  });
  return conversation;
}
