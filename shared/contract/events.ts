import { z } from 'zod';
import { appSettingsSchema, keySummarySchema } from './routes';
import { streamDeltaSchema, streamSnapshotSchema } from './chat';
import { accountSummarySchema, generationReconciledSchema } from './account';

// Events main pushes to every attached renderer. Streams (model output) are owned by main and delivered here, so a
// renderer that goes away and comes back can re-attach without the work in main noticing.

export const events = {
  'settings.changed': appSettingsSchema,
  'keys.changed': z.array(keySummarySchema),
  'chat.delta': streamDeltaSchema,
  'chat.finished': streamSnapshotSchema,
  /** Every finished request, including those made by other apps through the local API (for the usage ledger). */
  'generation.recorded': z.object({ record: z.unknown() }),
  'generation.reconciled': generationReconciledSchema,
  'account.changed': accountSummarySchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
