import { describe, expect, it } from 'vitest';
import type { McpServerSummary } from '../../../shared/contract/mcp';
import { chatRequestSchema } from '../../../shared/openrouter/chat-request';
import {
  columnToolNotice,
  columnToolsSchema,
  EMPTY_SELECTION,
  findOfferedTool,
  modelToolSupport,
  resolveOfferedTools,
  selectionFor,
  toChatTools,
  toolSelectionSchema,
  toolsForRequest,
} from '../../../shared/tools/tool-selection';

function server(id: string, tools: string[], extra: Partial<McpServerSummary> = {}): McpServerSummary {
  return {
    id,
    name: `Server ${id}`,
    enabled: true,
    transport: 'stdio',
    confirmed: true,
    status: 'ready',
    tools: tools.map((name) => ({ name, description: `does ${name}`, inputSchema: { type: 'object', properties: {} } })),
    ...extra,
  };
}

const servers = [server('files', ['read', 'write']), server('web', ['fetch', 'read']), server('off', ['x'], { enabled: false })];

describe('tool selection', () => {
  it('offers nothing by default', () => {
    expect(resolveOfferedTools(EMPTY_SELECTION, servers)).toEqual([]);
    expect(toolSelectionSchema.parse({})).toEqual(EMPTY_SELECTION);
  });

  it('offers every tool of a picked server and single picked tools of others', () => {
    const offered = resolveOfferedTools({ servers: ['files'], tools: [{ server: 'web', tool: 'fetch' }] }, servers);
    expect(offered.map((t) => [t.serverId, t.tool, t.functionName])).toEqual([
      ['files', 'read', 'read'],
      ['files', 'write', 'write'],
      ['web', 'fetch', 'fetch'],
    ]);
    expect(offered[0]?.serverName).toBe('Server files');
  });

  it('gives two servers’ same-named tools distinct function names that map back to each server', () => {
    const offered = resolveOfferedTools({ servers: ['files', 'web'], tools: [] }, servers);
    const reads = offered.filter((t) => t.tool === 'read');
    expect(reads.map((t) => t.functionName)).toEqual(['read', 'read_2']);
    expect(findOfferedTool(offered, 'read_2')?.serverId).toBe('web');
    expect(findOfferedTool(offered, 'delete_everything')).toBeNull();
  });

  it('leaves out disabled servers and tools a server no longer lists', () => {
    const offered = resolveOfferedTools({ servers: ['off'], tools: [{ server: 'files', tool: 'gone' }] }, servers);
    expect(offered).toEqual([]);
  });

  it('makes odd or long tool names valid function names', () => {
    const long = 'a.b c/'.repeat(20);
    const offered = resolveOfferedTools({ servers: ['s'], tools: [] }, [server('s', [long, `${long}!`])]);
    for (const t of offered) expect(t.functionName).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(new Set(offered.map((t) => t.functionName)).size).toBe(2);
    expect(offered[0]?.tool).toBe(long);
  });

  it('builds request tools the chat request schema accepts', () => {
    const tools = toChatTools(resolveOfferedTools({ servers: ['files'], tools: [] }, servers));
    const req = chatRequestSchema.parse({ model: 'a/b', messages: [{ role: 'user', content: 'hi' }], tools });
    expect(req.tools?.map((t) => t.function.name)).toEqual(['read', 'write']);
    expect(req.tools?.[0]?.function.description).toBe('does read');
  });

  it('lets a column follow the room or choose its own', () => {
    const room = { servers: ['files'], tools: [] };
    expect(selectionFor(room, undefined)).toBe(room);
    expect(selectionFor(room, columnToolsSchema.parse({ followRoom: true }))).toBe(room);
    expect(selectionFor(room, columnToolsSchema.parse({ servers: [], tools: [] }))).toEqual(EMPTY_SELECTION);
  });
});

describe('models without tool support', () => {
  const offered = resolveOfferedTools({ servers: ['files'], tools: [] }, servers);

  it('reads support from the catalog', () => {
    expect(modelToolSupport({ supported_parameters: ['tools', 'tool_choice'] })).toBe('supported');
    expect(modelToolSupport({ supported_parameters: ['temperature'] })).toBe('unsupported');
    expect(modelToolSupport({})).toBe('unknown');
    expect(modelToolSupport(null)).toBe('unknown');
  });

  it('says so in the column instead of silently dropping the tools', () => {
    expect(columnToolNotice(offered, 'unsupported')).toMatch(/can't use tools/);
    expect(toolsForRequest(offered, 'unsupported')).toEqual([]);
    expect(columnToolNotice(offered, 'supported')).toBeNull();
    expect(toolsForRequest(offered, 'unknown')).toHaveLength(2);
    expect(columnToolNotice([], 'unsupported')).toBeNull();
  });
});
