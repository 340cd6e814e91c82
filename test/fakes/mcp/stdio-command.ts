import { inject } from 'vitest';

/** The command that starts the fake stdio MCP server: this Node running the bundle made for this run
 * (./bundle-stdio-server.ts, a global setup of the projects whose tests start it). Modes go after `args`. */
export const FAKE_STDIO = { command: process.execPath, args: [inject('mcpStdioServer')] };
