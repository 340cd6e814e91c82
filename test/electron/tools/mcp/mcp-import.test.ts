import { describe, expect, it } from 'vitest';
import { planMcpImport } from '../../../../electron/tools/mcp';

// The `mcpServers` JSON other desktop apps write: each entry stands or falls alone, named in its error.

describe('mcpServers JSON import', () => {
  it('reads stdio and HTTP entries as Claude Desktop and Cursor write them', () => {
    const plan = planMcpImport(
      JSON.stringify({
        mcpServers: {
          filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'], env: { DEBUG: '1' } },
          github: { command: 'docker', args: ['run', '-i', 'ghcr.io/github/github-mcp-server'], env: { GITHUB_TOKEN: 'ghp_secret' }, cwd: '/srv' },
          remote: { url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer abc' } },
          legacy: { type: 'sse', url: 'http://127.0.0.1:9000/sse', disabled: true },
        },
      }),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.servers).toEqual([
      { transport: 'stdio', name: 'filesystem', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'], env: [{ name: 'DEBUG', value: '1' }], enabled: true },
      { transport: 'stdio', name: 'github', command: 'docker', args: ['run', '-i', 'ghcr.io/github/github-mcp-server'], env: [{ name: 'GITHUB_TOKEN', value: 'ghp_secret' }], cwd: '/srv', enabled: true },
      { transport: 'http', name: 'remote', url: 'https://mcp.example.com/mcp', headers: [{ name: 'Authorization', value: 'Bearer abc' }], enabled: true },
      { transport: 'http', name: 'legacy', url: 'http://127.0.0.1:9000/sse', headers: [], enabled: false },
    ]);
  });

  it('reports each bad entry by name and keeps the good ones', () => {
    const plan = planMcpImport(
      JSON.stringify({
        mcpServers: {
          good: { command: 'node', args: ['server.js'] },
          both: { command: 'x', url: 'http://a' },
          neither: { args: ['x'] },
          badArgs: { command: 'node', args: 'server.js' },
          badUrl: { url: 'not a url' },
          badEnv: { command: 'node', env: { PORT: 8080 } },
          notAnObject: 'npx server',
        },
      }),
    );
    expect(plan.servers.map((s) => s.name)).toEqual(['good']);
    expect(plan.problems).toEqual([
      { entry: 'both', message: 'has both a command and a url' },
      { entry: 'neither', message: 'has neither a command nor a url' },
      { entry: 'badArgs', message: expect.stringMatching(/^args: /) },
      { entry: 'badUrl', message: 'url: the url is not a URL' },
      { entry: 'badEnv', message: expect.stringMatching(/^env\.PORT: /) },
      { entry: 'notAnObject', message: 'has neither a command nor a url' },
    ]);
  });

  it('refuses text that is not JSON, or has no mcpServers, with the reason', () => {
    expect(() => planMcpImport('{"mcpServers": {')).toThrow(/^This is not JSON: /);
    expect(() => planMcpImport('{"servers": {}}')).toThrow(/Expected an object with "mcpServers"/);
    expect(() => planMcpImport('{"mcpServers": {}}')).toThrow('"mcpServers" lists no servers');
  });
});
