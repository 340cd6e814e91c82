import type { RouteHandlers } from '../../ipc/dispatcher';
import { BridgeError } from '../../../shared/contract/bridge';
import { McpConfigError, McpToolError, planMcpImport, type McpManager } from '../../tools/mcp';
import { saving } from '../saving';

type McpRouteName = 'mcp.list' | 'mcp.save' | 'mcp.remove' | 'mcp.setEnabled' | 'mcp.start' | 'mcp.restart' | 'mcp.confirm' | 'mcp.import' | 'mcp.call';

/** The manager's refusals and failures as errors the page can show. */
async function bridged<T>(what: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await saving(what, run);
  } catch (err) {
    if (err instanceof McpConfigError) throw new BridgeError({ code: 'bad-request', message: err.message });
    if (err instanceof McpToolError) {
      throw new BridgeError({ code: err.kind === 'not-found' ? 'not-found' : err.kind === 'refused' ? 'bad-request' : 'unavailable', message: err.message });
    }
    throw err;
  }
}

/** Settings → Tools and (later) the tool loop: the MCP routes over the manager. */
export function mcpRouteHandlers(mcp: McpManager): Pick<RouteHandlers, McpRouteName> {
  return {
    'mcp.list': () => mcp.list(),
    'mcp.save': (input) => bridged('the MCP server', () => mcp.save(input)),
    'mcp.remove': ({ id }) => bridged('the MCP servers', async () => ({ removed: await mcp.remove(id) })),
    'mcp.setEnabled': ({ id, enabled }) => bridged('the MCP server', () => mcp.setEnabled(id, enabled)),
    'mcp.start': ({ id }) => bridged('the MCP server', () => mcp.start(id)),
    'mcp.restart': ({ id }) => bridged('the MCP server', () => mcp.restart(id)),
    'mcp.confirm': ({ id, commandLine }) => bridged('the confirmation', () => mcp.confirm(id, commandLine)),
    'mcp.import': ({ json }) =>
      bridged('the MCP servers', async () => {
        let plan;
        try {
          plan = planMcpImport(json);
        } catch (err) {
          throw new BridgeError({ code: 'bad-request', message: (err as Error).message });
        }
        const added = [];
        const problems = [...plan.problems];
        for (const server of plan.servers) {
          try {
            added.push(await mcp.save(server));
          } catch (err) {
            if (!(err instanceof McpConfigError)) throw err;
            problems.push({ entry: server.name, message: err.message });
          }
        }
        return { added, problems };
      }),
    'mcp.call': ({ id, tool, arguments: args, timeoutMs }) => bridged('the tool call', () => mcp.callTool(id, tool, args, timeoutMs ? { timeoutMs } : {})),
  };
}
