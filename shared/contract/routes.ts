import { z } from 'zod';
import { upstreamKindSchema } from '../providers/upstream-kinds';
import { chatApproveToolInputSchema, chatStartInputSchema, streamIdSchema, streamSnapshotSchema } from './chat';
import { modelListSchema } from './models';
import { accountSummarySchema, generationReconciledSchema } from './account';
import { generationRecordSchema } from '../openrouter/generation';
import { appKeyCreateSchema, appKeySummarySchema, appKeyUpdateSchema, corsOriginSchema } from './app-keys';
import { DEFAULT_UNKNOWN_COST_CAP_MICROS } from '../billing/budgets';
import { mcpRoutes } from './mcp';
import { localServerRoutes } from './local-servers';
import { catalogRoutes } from './catalog-endpoints';
import { DEFAULT_TOOL_STEP_LIMIT, toolStepLimitSchema } from '../tools/step-limit';

// The route table: every request the renderer can make of main, with its input and output schemas. Main
// zod-parses every input before a handler sees it; the renderer gets types for free. Adding a route here and a
// handler in electron/backend/ is the only way to add a capability.

const empty = z.object({}).strict();

export { upstreamKindSchema };

/** What the renderer may know about a stored key: never the key itself. */
export const keySummarySchema = z.object({
  id: z.string(),
  kind: upstreamKindSchema,
  label: z.string(),
  baseUrl: z.string().optional(),
  hint: z.string(), // "••••1234"
  source: z.enum(['vault', 'env', 'detected']),
  createdAt: z.number(),
  /** Where the base URL in use comes from: typed with the key, an environment variable, the kind's default, or
   * the detected server's own address. */
  baseUrlSource: z.enum(['typed', 'env', 'default', 'detected']).optional(),
  /** The environment variables involved: the key's (source 'env') and the base URL's (baseUrlSource 'env'). */
  envKeyVar: z.string().optional(),
  envBaseUrlVar: z.string().optional(),
  /** false when another source for the same provider wins (a typed key over OPENROUTER_API_KEY). */
  inUse: z.boolean().optional(),
});
export type KeySummary = z.infer<typeof keySummarySchema>;

const settingsFields = {
  theme: z.enum(['system', 'light', 'dark']),
  localApiEnabled: z.boolean(),
  localApiPort: z.number().int().min(0).max(65535),
  /** Browser origins allowed to call the local API (CORS); empty = none. */
  localApiCorsOrigins: z.array(corsOriginSchema).max(50),
  /** Once an answer has started, how long a provider may send nothing before the answer ends (text kept). */
  streamIdleTimeoutSeconds: z.number().int().min(1).max(3600),
  /** Budgets hold a request's worst-case cost while it runs; when that cannot be bounded (no price or output
   * limit known), they hold this much (micro-dollars). */
  unknownCostCapMicros: z.number().int().min(0).max(1_000_000_000),
  /** How many model steps a column's tool loop may take (Settings → Tools). */
  toolStepLimit: toolStepLimitSchema,
};
export const appSettingsSchema = z.object({
  theme: settingsFields.theme.default('system'),
  localApiEnabled: settingsFields.localApiEnabled.default(false),
  localApiPort: settingsFields.localApiPort.default(8788),
  localApiCorsOrigins: settingsFields.localApiCorsOrigins.default([]),
  streamIdleTimeoutSeconds: settingsFields.streamIdleTimeoutSeconds.default(60),
  unknownCostCapMicros: settingsFields.unknownCostCapMicros.default(DEFAULT_UNKNOWN_COST_CAP_MICROS),
  toolStepLimit: settingsFields.toolStepLimit.default(DEFAULT_TOOL_STEP_LIMIT),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;
/** A change to some settings: fields left out keep their value (no defaults here). */
const appSettingsPatchSchema = z.object(settingsFields).partial().strict();

export const backupInfoSchema = z.object({ name: z.string(), date: z.string(), sizeBytes: z.number(), modifiedAt: z.number() });
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/** A backup of a large history travels in parts of at most this many characters, so that no one message holds the
 * page (or main) for long; the parts of one upload arrive in order, and the last one writes the file. */
export const BACKUP_PART_CHARS = 256 * 1024;
const backupPartSchema = z
  .object({ upload: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), index: z.number().int().min(0), text: z.string().max(BACKUP_PART_CHARS), last: z.boolean() })
  .strict();

export const routes = {
  'app.info': {
    input: empty,
    output: z.object({
      name: z.literal('Parley'),
      version: z.string(),
      transport: z.enum(['electron', 'host']),
      platform: z.string(),
      engine: z.object({ upstreams: z.number().int() }),
      keyProtection: z.enum(['os-keychain', 'local-file', 'basic']),
    }),
  },
  'settings.get': { input: empty, output: appSettingsSchema },
  'settings.update': { input: appSettingsPatchSchema, output: appSettingsSchema },
  'keys.list': { input: empty, output: z.array(keySummarySchema) },
  'keys.set': {
    input: z
      .object({
        id: z.string().regex(/^[a-z0-9:_-]{1,64}$/).optional(),
        kind: upstreamKindSchema,
        label: z.string().min(1).max(64),
        baseUrl: z.string().url().optional(),
        apiKey: z.string().max(4096).optional(),
      })
      .strict(),
    output: keySummarySchema,
  },
  'keys.test': {
    input: z.object({ id: z.string() }).strict(),
    output: z.union([
      z.object({ ok: z.literal(true), models: z.array(z.string()), url: z.string().optional(), status: z.number().optional() }),
      z.object({ ok: z.literal(false), status: z.number().nullable(), message: z.string(), url: z.string().optional() }),
    ]),
  },
  'api.status': {
    input: empty,
    output: z.object({ running: z.boolean(), url: z.string().nullable(), error: z.string().nullable() }),
  },
  /** The local API's app keys: the token is returned once, by create, and never again. */
  'apiKeys.list': { input: empty, output: z.array(appKeySummarySchema) },
  'apiKeys.create': { input: appKeyCreateSchema, output: z.object({ key: appKeySummarySchema, token: z.string() }) },
  'apiKeys.update': { input: appKeyUpdateSchema, output: appKeySummarySchema },
  'apiKeys.remove': { input: z.object({ id: z.string() }).strict(), output: z.object({ removed: z.boolean() }) },
  'keys.remove': { input: z.object({ id: z.string() }).strict(), output: z.object({ removed: z.boolean() }) },
  'chat.start': { input: chatStartInputSchema, output: streamSnapshotSchema },
  'chat.stop': {
    input: z.object({ streamId: streamIdSchema.optional() }).strict(),
    output: z.object({ stopped: z.number().int() }),
  },
  'chat.active': { input: empty, output: z.array(streamSnapshotSchema) },
  'chat.approveTool': { input: chatApproveToolInputSchema, output: z.object({ accepted: z.boolean() }) },
  'chat.ack': { input: z.object({ streamId: streamIdSchema }).strict(), output: z.object({ released: z.boolean() }) },
  'models.list': { input: empty, output: modelListSchema },
  /** Fetches OpenRouter's live model list (no key needed); offline, the cached or bundled catalog answers. */
  'models.refresh': { input: empty, output: modelListSchema.extend({ problem: z.string().optional() }) },
  'account.summary': { input: empty, output: accountSummarySchema },
  'account.refresh': { input: empty, output: accountSummarySchema },
  /** Main's journal of finished requests and reconciliations, for a ledger that was not listening. */
  'generations.since': {
    input: z.object({ afterSeq: z.number().int().min(0), limit: z.number().int().min(1).max(5000).optional() }).strict(),
    output: z.array(
      z.object({
        seq: z.number().int(),
        at: z.number(),
        kind: z.enum(['record', 'reconciled']),
        record: generationRecordSchema.optional(),
        reconciled: generationReconciledSchema.optional(),
      }),
    ),
  },
  /** Rolling automatic backups in the data directory: the renderer hands main an export of changed conversations. */
  'backups.write': { input: z.object({ json: z.string().min(2) }).strict(), output: backupInfoSchema },
  'backups.writePart': {
    input: backupPartSchema,
    output: z.discriminatedUnion('done', [z.object({ done: z.literal(false), received: z.number() }), z.object({ done: z.literal(true), backup: backupInfoSchema })]),
  },
  'backups.list': { input: empty, output: z.array(backupInfoSchema) },
  'backups.read': { input: z.object({ name: z.string().max(64) }).strict(), output: z.object({ json: z.string() }) },
  'links.open': { input: z.object({ url: z.string().max(4096) }).strict(), output: z.object({ opened: z.boolean() }) },
  /** MCP servers run by main (Settings → Tools). */
  ...mcpRoutes,
  ...localServerRoutes,
  ...catalogRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<R extends RouteName> = z.input<Routes[R]['input']>;
export type RouteOutput<R extends RouteName> = z.output<Routes[R]['output']>;
