import { z } from 'zod';
import { mcpServerInputSchema } from '../../../shared/contract/mcp';
import type { McpServerSave } from './server-store';

// The `mcpServers` JSON other desktop apps (Claude Desktop, Cursor, Windsurf, Cline) keep their servers in:
//   {"mcpServers": {"name": {"command", "args", "env", "cwd"} | {"url", "headers"}}}
// Each entry is checked alone: a bad entry is reported by name and the others are still added.

const stringMap = z.record(z.string(), z.string());

const stdioEntry = z.object({
  type: z.literal('stdio').optional(),
  command: z.string().trim().min(1, 'the command is empty'),
  args: z.array(z.string()).optional(),
  env: stringMap.optional(),
  cwd: z.string().optional(),
  disabled: z.boolean().optional(),
});

const httpEntry = z.object({
  type: z.enum(['http', 'streamable-http', 'streamableHttp', 'sse']).optional(),
  url: z.string().url('the url is not a URL'),
  headers: stringMap.optional(),
  disabled: z.boolean().optional(),
});

export interface ImportPlan {
  servers: McpServerSave[];
  problems: { entry: string; message: string }[];
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Reads the JSON text; throws a plain Error with the reason when the whole text is unusable. */
export function planMcpImport(text: string): ImportPlan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`This is not JSON: ${(err as Error).message.slice(0, 200)}`, { cause: err });
  }
  const root = z.object({ mcpServers: z.record(z.string(), z.unknown()) }).safeParse(parsed);
  if (!root.success) throw new Error('Expected an object with "mcpServers": {"name": {"command": …} or {"url": …}}');
  const plan: ImportPlan = { servers: [], problems: [] };
  for (const [name, raw] of Object.entries(root.data.mcpServers)) {
    const entry = name.slice(0, 64);
    const isHttp = typeof raw === 'object' && raw !== null && 'url' in raw;
    const isStdio = typeof raw === 'object' && raw !== null && 'command' in raw;
    if (isHttp === isStdio) {
      plan.problems.push({ entry, message: isHttp ? 'has both a command and a url' : 'has neither a command nor a url' });
      continue;
    }
    const shaped = isStdio ? stdioEntry.safeParse(raw) : httpEntry.safeParse(raw);
    if (!shaped.success) {
      plan.problems.push({ entry, message: describe(shaped.error) });
      continue;
    }
    const e = shaped.data;
    const input =
      'command' in e
        ? { transport: 'stdio', name: entry, command: e.command, args: e.args ?? [], env: Object.entries(e.env ?? {}).map(([n, value]) => ({ name: n, value })), ...(e.cwd ? { cwd: e.cwd } : {}), enabled: !e.disabled }
        : { transport: 'http', name: entry, url: e.url, headers: Object.entries(e.headers ?? {}).map(([n, value]) => ({ name: n, value })), enabled: !e.disabled };
    const valid = mcpServerInputSchema.safeParse(input);
    if (!valid.success) plan.problems.push({ entry, message: describe(valid.error) });
    else plan.servers.push(valid.data);
  }
  if (plan.servers.length === 0 && plan.problems.length === 0) throw new Error('"mcpServers" lists no servers');
  return plan;
}
