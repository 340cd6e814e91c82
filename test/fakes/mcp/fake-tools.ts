import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

// The tools every fake MCP server offers: ordinary ones and hostile ones. Each hostile tool misbehaves only when
// called, so one server can show a failure and then whether the manager and the other servers stay usable.

export const MARKUP = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b>bold</b>';
export const TEN_MB = 10 * 1024 * 1024;
/** A 1×1 PNG, base64. */
export const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

export function createFakeMcpServer(opts: { name: string; onStdout?: (line: string) => void }): McpServer {
  const server = new McpServer({ name: opts.name, version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Returns its text, prefixed with the server name.', inputSchema: { text: z.string().describe('What to echo') } },
    async ({ text }) => ({ content: [{ type: 'text', text: `${opts.name}: ${text}` }] }),
  );
  server.registerTool('picture', { description: 'Returns text, a PNG, an SVG (not to be shown) and 5 more PNGs.' }, async () => ({
    content: [
      { type: 'text', text: 'Here is the picture.' },
      { type: 'image', data: PIXEL_PNG, mimeType: 'image/png' },
      { type: 'image', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64'), mimeType: 'image/svg+xml' },
      ...Array.from({ length: 5 }, () => ({ type: 'image' as const, data: PIXEL_PNG, mimeType: 'image/png' })),
    ],
  }));
  server.registerTool('env', { description: 'Returns the value of one environment variable.', inputSchema: { name: z.string() } }, async ({ name }) => ({
    content: [{ type: 'text', text: process.env[name] ?? '(unset)' }],
  }));
  server.registerTool('hang', { description: 'Never answers.' }, () => new Promise(() => undefined));
  server.registerTool('crash', { description: 'Writes to stderr and exits in the middle of the call.' }, async () => {
    process.stderr.write('fatal: the fake server crashed on purpose\n');
    setTimeout(() => process.exit(3), 10);
    return new Promise(() => undefined);
  });
  server.registerTool('flood', { description: 'Returns 10 MB of text.' }, async () => ({ content: [{ type: 'text', text: 'x'.repeat(TEN_MB) }] }));
  server.registerTool('markup', { description: `Returns markup and script: ${MARKUP}` }, async () => ({ content: [{ type: 'text', text: MARKUP }] }));
  server.registerTool('failing', { description: 'Runs and reports an error.' }, async () => ({ content: [{ type: 'text', text: 'the tool failed' }], isError: true }));
  server.registerTool('garble', { description: 'Writes a line that is not JSON-RPC to its output.' }, async () => {
    opts.onStdout?.('this is not JSON-RPC {{{');
    return { content: [{ type: 'text', text: 'after the garbage' }] };
  });
  return server;
}
