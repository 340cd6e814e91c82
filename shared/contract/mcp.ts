import { z } from 'zod';

// MCP servers run by main (docs/mcp-tools.md). The renderer sees a server's settings, state and tools, and the
// NAMES of its environment variables and headers: their values are sealed in main and never cross the bridge.

export const mcpServerIdSchema = z.string().regex(/^[a-z0-9_-]{1,64}$/);

/** An environment variable or header as the renderer sends it: a value to set, or none to keep the sealed one. */
const secretEntrySchema = z
  .object({
    name: z.string().min(1).max(256),
    value: z.string().max(16_384).optional(),
  })
  .strict();

const commonInput = {
  id: mcpServerIdSchema.optional(),
  name: z.string().trim().min(1).max(64),
  enabled: z.boolean().optional(),
};

export const mcpStdioInputSchema = z
  .object({
    ...commonInput,
    transport: z.literal('stdio'),
    command: z.string().trim().min(1).max(4096),
    args: z.array(z.string().max(4096)).max(256).default([]),
    env: z.array(secretEntrySchema).max(100).default([]),
    cwd: z.string().max(4096).optional(),
  })
  .strict();

export const mcpHttpInputSchema = z
  .object({
    ...commonInput,
    transport: z.literal('http'),
    url: z.string().url().max(4096),
    headers: z.array(secretEntrySchema).max(100).default([]),
  })
  .strict();

/** Add or edit a server (an id that exists edits it). */
export const mcpServerInputSchema = z.discriminatedUnion('transport', [mcpStdioInputSchema, mcpHttpInputSchema]);
export type McpServerInput = z.input<typeof mcpServerInputSchema>;

export const mcpToolSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  /** The tool's JSON Schema for its arguments, as the server sent it. */
  inputSchema: z.record(z.string(), z.unknown()),
});
export type McpTool = z.infer<typeof mcpToolSchema>;

export const mcpServerStatusSchema = z.enum(['disabled', 'stopped', 'awaiting-confirmation', 'starting', 'ready', 'failed']);
export type McpServerStatus = z.infer<typeof mcpServerStatusSchema>;

/** A secret's name, with whether a value is set ("•••• set" in the UI). */
const secretNameSchema = z.object({ name: z.string(), set: z.boolean() });

export const mcpServerSummarySchema = z.object({
  id: mcpServerIdSchema,
  name: z.string(),
  enabled: z.boolean(),
  transport: z.enum(['stdio', 'http']),
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  cwd: z.string().optional(),
  env: z.array(secretNameSchema).optional(),
  url: z.string().optional(),
  headers: z.array(secretNameSchema).optional(),
  /** stdio only: the exact command line that runs, as the user confirms it. */
  commandLine: z.string().optional(),
  /** stdio only: whether that command line has been confirmed. */
  confirmed: z.boolean(),
  status: mcpServerStatusSchema,
  /** Why it failed, in words (the HTTP status, a timeout, the process ending). */
  error: z.string().optional(),
  /** The last lines the server wrote to stderr (stdio). */
  stderrTail: z.array(z.string()).optional(),
  /** 'sse' when the server answered only the older SSE transport. */
  connectedVia: z.enum(['stdio', 'streamable-http', 'sse']).optional(),
  tools: z.array(mcpToolSchema),
});
export type McpServerSummary = z.infer<typeof mcpServerSummarySchema>;

/** Image types a tool result may show (raster only: an SVG can carry script). */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MAX_RESULT_IMAGES = 4;
export const MAX_RESULT_IMAGE_BYTES = 2 * 1024 * 1024;

/** An image of a tool result, for the user's eyes only (the model gets its text description). */
export const mcpResultImageSchema = z.object({
  url: z.string().max(Math.ceil((MAX_RESULT_IMAGE_BYTES * 4) / 3) + 64).regex(/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}$/),
  alt: z.string().max(400),
});
export type McpResultImage = z.infer<typeof mcpResultImageSchema>;

/** A tool's result as main hands it on: text for the model and the view (media described in words), capped, and
 * the images the view may show. */
export const mcpCallResultSchema = z.object({
  text: z.string(),
  /** The server flagged the result as an error (the tool ran and failed). */
  isError: z.boolean(),
  /** true when the text was cut at the size cap; fullBytes says how large it was. */
  truncated: z.boolean(),
  fullBytes: z.number().int(),
  durationMs: z.number(),
  /** Images in the result that may be shown (at most 4 of PNG, JPEG, GIF or WebP, 2 MB each). */
  images: z.array(mcpResultImageSchema).max(MAX_RESULT_IMAGES).optional(),
  /** Images left out: over the count or size cap, or of another type. */
  imagesSkipped: z.number().int().optional(),
});
export type McpCallResult = z.infer<typeof mcpCallResultSchema>;

export const mcpImportResultSchema = z.object({
  added: z.array(mcpServerSummarySchema),
  /** One line per entry that was not added, naming it. */
  problems: z.array(z.object({ entry: z.string(), message: z.string() })),
});
export type McpImportResult = z.infer<typeof mcpImportResultSchema>;

const byId = z.object({ id: mcpServerIdSchema }).strict();

export const mcpRoutes = {
  'mcp.list': { input: z.object({}).strict(), output: z.array(mcpServerSummarySchema) },
  'mcp.save': { input: mcpServerInputSchema, output: mcpServerSummarySchema },
  'mcp.remove': { input: byId, output: z.object({ removed: z.boolean() }) },
  'mcp.setEnabled': { input: z.object({ id: mcpServerIdSchema, enabled: z.boolean() }).strict(), output: mcpServerSummarySchema },
  /** Starts a stopped or failed server (it also starts by itself when first needed). */
  'mcp.start': { input: byId, output: mcpServerSummarySchema },
  'mcp.restart': { input: byId, output: mcpServerSummarySchema },
  /** Confirms a stdio server's command line: the exact text shown, which must still be the server's. */
  'mcp.confirm': { input: z.object({ id: mcpServerIdSchema, commandLine: z.string().max(40_000) }).strict(), output: mcpServerSummarySchema },
  /** A `{"mcpServers": {...}}` JSON as other desktop apps write it. */
  'mcp.import': { input: z.object({ json: z.string().min(2).max(1_000_000) }).strict(), output: mcpImportResultSchema },
  'mcp.call': {
    input: z
      .object({
        id: mcpServerIdSchema,
        tool: z.string().min(1).max(256),
        arguments: z.record(z.string(), z.unknown()).default({}),
        timeoutMs: z.number().int().min(100).max(600_000).optional(),
      })
      .strict(),
    output: mcpCallResultSchema,
  },
} as const;
