import { z } from 'zod';
import { appSettingsSchema, keySummarySchema } from './routes';
import { streamDeltaSchema, streamSnapshotSchema } from './chat';
import { modelListSchema } from './models';
import { accountSummarySchema, generationReconciledSchema } from './account';
import { generationRecordSchema } from '../openrouter/generation';
import { appKeySummarySchema } from './app-keys';
import { mcpServerSummarySchema } from './mcp';

// Events main pushes to every attached renderer. Streams (model output) are owned by main and delivered here, so a
// renderer that goes away and comes back can re-attach without the work in main noticing.

export const events = {
  'settings.changed': appSettingsSchema,
  'keys.changed': z.array(keySummarySchema),
  /** The picker's model list after anything that changes which upstream serves what (keys, detected servers, a
   * catalog refresh): every window updates without a reload. */
  'models.changed': modelListSchema,
  'chat.delta': streamDeltaSchema,
  'chat.finished': streamSnapshotSchema,
  /** Every finished request, including those made by other apps through the local API: the usage ledger's
   * input. An app answer's record also rides on its `chat.finished` snapshot, because the answer stores its own
   * figures with its text in one write; the ledger hears every request here, whether or not a room asked. */
  'generation.recorded': z.object({ record: generationRecordSchema }),
  'generation.reconciled': generationReconciledSchema,
  'account.changed': accountSummarySchema,
  /** The local API's app keys, after a change or a request that spent through one. */
  'apiKeys.changed': z.array(appKeySummarySchema),
  /** The MCP servers with their states and tools, after any change (a start, a failure, an edit). */
  'mcp.changed': z.array(mcpServerSummarySchema),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
