import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createFakeMcpServer } from './fake-tools';

// A real MCP server over stdio, built with the SDK's server side. Run: node --import tsx stdio-server.ts [mode]
//   (no mode)       serves the fake tools
//   fail-on-start   writes to stderr and exits with 2 before speaking MCP
//   silent          starts but never answers (a server hanging at its handshake)
const mode = process.argv[2] ?? 'serve';
process.stderr.write(`fake stdio server starting (${mode})\n`);
if (mode === 'fail-on-start') {
  process.stderr.write('error: missing configuration\n');
  process.exit(2);
} else if (mode === 'silent') {
  setInterval(() => undefined, 60_000);
} else {
  const server = createFakeMcpServer({ name: 'stdio-fake', onStdout: (line) => process.stdout.write(`${line}\n`) });
  await server.connect(new StdioServerTransport());
}
