import { z } from 'zod';
import { sourcesSchema } from '../openrouter/annotations';
import { chatRequestSchema } from '../openrouter/chat-request';
import { generationRecordSchema } from '../openrouter/generation';

// Model output streams are owned by main. The renderer starts one with an id it chose (so it can write its own
// placeholder row first), receives batched deltas as events, and can re-attach after a reload with chat.active.

export const streamMetaSchema = z.object({
  conversationId: z.string().max(128),
  messageId: z.string().max(128),
  columnId: z.string().max(128),
});
export type StreamMeta = z.infer<typeof streamMetaSchema>;

export const streamIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const chatStartInputSchema = z.object({
  streamId: streamIdSchema,
  meta: streamMetaSchema,
  request: chatRequestSchema,
});

export const toolCallSnapshotSchema = z.object({ id: z.string(), name: z.string(), arguments: z.string() });

export const streamStatusSchema = z.enum(['streaming', 'done', 'error', 'stopped']);
export type StreamStatus = z.infer<typeof streamStatusSchema>;

/** Everything a renderer needs to rebuild a column's answer: the full text so far, not only new deltas. */
export const streamSnapshotSchema = z.object({
  streamId: z.string(),
  meta: streamMetaSchema,
  status: streamStatusSchema,
  text: z.string(),
  reasoning: z.string(),
  toolCalls: z.array(toolCallSnapshotSchema),
  model: z.string().nullable(),
  provider: z.string().nullable(),
  startedAt: z.number(),
  firstTokenAt: z.number().nullable(),
  seq: z.number().int(),
  finishReason: z.string().nullable(),
  error: z.object({ code: z.number(), message: z.string() }).nullable(),
  record: generationRecordSchema.nullable(), // once finished
  sources: sourcesSchema.optional(), // web search sources (url_citation), as they arrived
});
export type StreamSnapshot = z.infer<typeof streamSnapshotSchema>;

export const streamDeltaSchema = z.object({
  streamId: z.string(),
  seq: z.number().int(), // the snapshot seq after applying this delta; a gap means "re-fetch the snapshot"
  text: z.string().optional(),
  reasoning: z.string().optional(),
  model: z.string().optional(),
  provider: z.string().optional(),
  firstTokenAt: z.number().optional(),
});
export type StreamDelta = z.infer<typeof streamDeltaSchema>;
