import { z } from 'zod';
import { mcpServerIdSchema } from '../../../shared/contract/mcp';

// mcp-servers.json in the data directory. Values of environment variables and headers are sealed with the same
// cipher as provider keys (base64 of its output); nothing here is readable without that cipher's key.

const sealedEntrySchema = z.object({ name: z.string().min(1), sealed: z.string() });
export type SealedEntry = z.infer<typeof sealedEntrySchema>;

const common = {
  id: mcpServerIdSchema,
  name: z.string().min(1),
  enabled: z.boolean(),
  createdAt: z.number(),
};

export const storedStdioSchema = z.object({
  ...common,
  transport: z.literal('stdio'),
  command: z.string().min(1),
  args: z.array(z.string()),
  env: z.array(sealedEntrySchema),
  cwd: z.string().optional(),
  /** The command line the user confirmed; the server starts only while it equals commandLine(server). */
  confirmedCommandLine: z.string().optional(),
});

export const storedHttpSchema = z.object({
  ...common,
  transport: z.literal('http'),
  url: z.string().url(),
  headers: z.array(sealedEntrySchema),
});

export const storedServerSchema = z.discriminatedUnion('transport', [storedStdioSchema, storedHttpSchema]);
export type StoredServer = z.infer<typeof storedServerSchema>;
export type StoredStdioServer = z.infer<typeof storedStdioSchema>;

export const storedFileSchema = z.object({ version: z.literal(1), servers: z.array(storedServerSchema) });
