import { z } from 'zod';
import { mcpCallResultSchema } from '../contract/mcp';
import { generationRecordSchema } from '../openrouter/generation';
import { offeredToolSchema } from './tool-selection';
import { toolStepLimitSchema } from './step-limit';

// A tool loop as it happened, step by step: what the renderer shows (cards) and stores with the answer.

export const toolDecisionSchema = z.enum(['pending', 'allowed-once', 'always-allowed', 'pre-approved', 'denied', 'invalid', 'stopped']);

export const toolCallRecordSchema = z.object({
  callId: z.string(),
  functionName: z.string(),
  serverId: z.string().nullable(),
  serverName: z.string().nullable(),
  tool: z.string().nullable(),
  /** Exactly what the model sent. */
  argumentsText: z.string(),
  /** 'pending' while its approval card waits for the user. */
  decision: toolDecisionSchema,
  result: mcpCallResultSchema.nullable(),
  /** Why it did not run or failed, in words. */
  error: z.string().nullable(),
});
export type ToolCallRecord = z.infer<typeof toolCallRecordSchema>;

export const loopStepSchema = z.object({
  text: z.string(),
  record: generationRecordSchema.nullable(),
  calls: z.array(toolCallRecordSchema),
});
export type LoopStep = z.infer<typeof loopStepSchema>;

/** What chat.start takes to run a column's tool loop: the tools offered (stored with the turn) and the step limit. */
export const chatToolsInputSchema = z.object({
  offered: z.array(offeredToolSchema).max(1000),
  stepLimit: toolStepLimitSchema.optional(),
});
export type ChatToolsInput = z.infer<typeof chatToolsInputSchema>;

export const approvalChoiceSchema = z.enum(['once', 'always', 'deny']);
export type ApprovalChoice = z.infer<typeof approvalChoiceSchema>;
