import { z } from 'zod';
import type { ChatRequest } from '../openrouter/chat-request';
import type { McpServerSummary } from '../contract/mcp';
import type { CatalogModel } from '../catalog/types';

// Which MCP tools a room, and each of its columns, offers the model. Off by default: an empty selection offers
// nothing. A column either follows the room or has its own selection. What a column was offered is stored with the
// turn as `OfferedTool[]`, so a reopened room shows what the model could call even after a server changed.

const serverToolRefSchema = z.object({ server: z.string().min(1).max(64), tool: z.string().min(1).max(256) }).strict();

/** Whole servers (every tool they list, now or later) and single tools of other servers. */
export const toolSelectionSchema = z
  .object({
    servers: z.array(z.string().min(1).max(64)).max(100).default([]),
    tools: z.array(serverToolRefSchema).max(1000).default([]),
  })
  .strict();
export type ToolSelection = z.infer<typeof toolSelectionSchema>;

/** A column follows the room's selection unless it has its own. */
export const columnToolsSchema = z.union([z.object({ followRoom: z.literal(true) }).strict(), toolSelectionSchema]);
export type ColumnTools = z.infer<typeof columnToolsSchema>;

export const EMPTY_SELECTION: ToolSelection = { servers: [], tools: [] };

export const offeredToolSchema = z.object({
  /** The function name the model sees: unique within the request, [a-zA-Z0-9_-]{1,64}. */
  functionName: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
  serverId: z.string(),
  serverName: z.string(),
  tool: z.string(),
  description: z.string().optional(),
  inputSchema: z.record(z.string(), z.unknown()),
});
export type OfferedTool = z.infer<typeof offeredToolSchema>;

export function selectionFor(room: ToolSelection, column: ColumnTools | undefined): ToolSelection {
  if (!column || 'followRoom' in column) return room;
  return column;
}

export function isEmptySelection(sel: ToolSelection): boolean {
  return sel.servers.length === 0 && sel.tools.length === 0;
}

/** The tools a selection offers now: only enabled servers that listed their tools; a picked tool a server no longer
 * lists is left out. Names are made unique per request; the map back to (server, tool) is in each entry. */
export function resolveOfferedTools(sel: ToolSelection, servers: readonly McpServerSummary[]): OfferedTool[] {
  const wholeServers = new Set(sel.servers);
  const single = new Set(sel.tools.map((t) => `${t.server}\u0000${t.tool}`));
  const offered: OfferedTool[] = [];
  const used = new Set<string>();
  for (const server of servers) {
    if (!server.enabled) continue;
    for (const tool of server.tools) {
      if (!wholeServers.has(server.id) && !single.has(`${server.id}\u0000${tool.name}`)) continue;
      const functionName = uniqueName(functionNameFor(tool.name), used);
      offered.push({
        functionName,
        serverId: server.id,
        serverName: server.name,
        tool: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        inputSchema: tool.inputSchema,
      });
    }
  }
  return offered;
}

function functionNameFor(tool: string): string {
  const cleaned = tool.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return cleaned.length > 0 ? cleaned : 'tool';
}

/** Two servers may both have a `search`: the second becomes `search_2` (cut so the name stays within 64). */
function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) {
    const suffix = `_${n}`;
    name = base.slice(0, 64 - suffix.length) + suffix;
  }
  used.add(name);
  return name;
}

/** The request's `tools`, in the OpenRouter (OpenAI) shape the engine translates to every provider. */
export function toChatTools(offered: readonly OfferedTool[]): NonNullable<ChatRequest['tools']> {
  return offered.map((t) => ({
    type: 'function' as const,
    function: {
      name: t.functionName,
      ...(t.description ? { description: t.description } : {}),
      parameters: t.inputSchema,
    },
  }));
}

/** The (server, tool) a model's call names, or null when it names a tool it was not offered. */
export function findOfferedTool(offered: readonly OfferedTool[], functionName: string): OfferedTool | null {
  return offered.find((t) => t.functionName === functionName) ?? null;
}

export type ToolSupport = 'supported' | 'unsupported' | 'unknown';

/** From the catalog: `supported_parameters` lists `tools` when the model takes them; absent means we don't know,
 * and the tools are sent (the provider's own error then says so in the column). */
export function modelToolSupport(model: Pick<CatalogModel, 'supported_parameters'> | null | undefined): ToolSupport {
  const params = model?.supported_parameters;
  if (!params) return 'unknown';
  return params.includes('tools') ? 'supported' : 'unsupported';
}

/** What a column says about its tools before sending, or null when there is nothing to say. */
export function columnToolNotice(offered: readonly OfferedTool[], support: ToolSupport): string | null {
  if (offered.length === 0) return null;
  if (support === 'unsupported') return "This model can't use tools; it will answer without them.";
  return null;
}

/** The tools actually sent to a model: none when the catalog says it can't use them (the notice says why). */
export function toolsForRequest(offered: readonly OfferedTool[], support: ToolSupport): OfferedTool[] {
  return support === 'unsupported' ? [] : [...offered];
}
