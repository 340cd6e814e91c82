import type { ToolSelection } from '../../../shared/tools/tool-selection';

// Pure edits of a tool pick, for the picker's checkboxes.

export function withServer(sel: ToolSelection, server: string, on: boolean): ToolSelection {
  const servers = sel.servers.filter((s) => s !== server);
  // picking a whole server drops its single picks: they are included
  const tools = on ? sel.tools.filter((t) => t.server !== server) : sel.tools;
  return { servers: on ? [...servers, server] : servers, tools };
}

export function withTool(sel: ToolSelection, server: string, tool: string, on: boolean): ToolSelection {
  const tools = sel.tools.filter((t) => !(t.server === server && t.tool === tool));
  return { servers: sel.servers, tools: on ? [...tools, { server, tool }] : tools };
}

export function hasTool(sel: ToolSelection, server: string, tool: string): boolean {
  return sel.servers.includes(server) || sel.tools.some((t) => t.server === server && t.tool === tool);
}
