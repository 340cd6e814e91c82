import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { UnsealedServer } from './server-store';
import { createStderrTail } from './stderr-tail';

/** A stdio server may send one message this large (a 10 MB tool result is then cut to the cap, not lost to a
 * transport error); beyond it the connection fails with a clear error. */
const STDIO_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface Connection {
  client: Client;
  via: 'stdio' | 'streamable-http' | 'sse';
  stderr: ReturnType<typeof createStderrTail> | null;
  /** The process id of a stdio server, for tests and diagnostics. */
  pid: number | null;
}

export interface ConnectOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  version: string;
  /** Where a stdio server's stderr lines go (made by the caller, so it keeps them when the start fails). */
  stderr?: ReturnType<typeof createStderrTail>;
  /** Called when the connection ends or breaks after it was made (process exit, a protocol violation). */
  onLost: (reason: string) => void;
}

function newClient(version: string): Client {
  return new Client({ name: 'Parley', version }, { capabilities: {} });
}

/** Messages that mean the peer sent something that is not JSON-RPC (bad JSON, a wrong shape, an oversize line). */
function isProtocolBreak(err: Error): boolean {
  return err instanceof SyntaxError || err.name === 'ZodError' || /ReadBuffer exceeded/.test(err.message);
}

async function open(client: Client, transport: Transport, opts: ConnectOptions, closedReason: string, onBreak?: (err: Error) => void): Promise<void> {
  let connected = false;
  client.onclose = () => {
    if (connected) opts.onLost(closedReason);
  };
  client.onerror = (err) => {
    if (connected && onBreak && isProtocolBreak(err)) onBreak(err);
  };
  await client.connect(transport, { timeout: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
  connected = true;
}

export async function connectStdio(server: Extract<UnsealedServer, { transport: 'stdio' }>, opts: ConnectOptions): Promise<Connection> {
  const transport = new StdioClientTransport({
    command: server.command,
    args: server.args,
    env: server.envValues,
    ...(server.cwd ? { cwd: server.cwd } : {}),
    stderr: 'pipe',
    maxBufferSize: STDIO_MAX_MESSAGE_BYTES,
  });
  const stderr = opts.stderr ?? createStderrTail();
  stderr.attach(transport.stderr);
  const client = newClient(opts.version);
  // A line on stdout that is not JSON-RPC means the server is broken: end it rather than leave calls waiting.
  const onBreak = (err: Error) => {
    opts.onLost(`it sent output that is not MCP's JSON-RPC (${err.message.slice(0, 160)})`);
    void client.close().catch(() => undefined);
  };
  try {
    await open(client, transport, opts, 'its process ended', onBreak);
  } catch (err) {
    await client.close().catch(() => undefined);
    throw err;
  }
  return { client, via: 'stdio', stderr, pid: transport.pid };
}

/** Streamable HTTP first; a server that refuses it (an older SSE-only server) is tried over SSE. When both fail,
 * the Streamable HTTP error is the one reported. */
export async function connectHttp(server: Extract<UnsealedServer, { transport: 'http' }>, opts: ConnectOptions): Promise<Connection> {
  const url = new URL(server.url);
  const requestInit: RequestInit = { headers: server.headerValues };
  const client = newClient(opts.version);
  try {
    await open(client, new StreamableHTTPClientTransport(url, { requestInit }), opts, 'the connection closed');
    return { client, via: 'streamable-http', stderr: null, pid: null };
  } catch (first) {
    await client.close().catch(() => undefined);
    if (opts.signal?.aborted) throw first;
    const sseClient = newClient(opts.version);
    try {
      await open(sseClient, new SSEClientTransport(url, { requestInit, eventSourceInit: { fetch: (u, init) => fetch(u, { ...init, headers: { ...server.headerValues, ...(init?.headers as Record<string, string>) } }) } }), opts, 'the connection closed');
      return { client: sseClient, via: 'sse', stderr: null, pid: null };
    } catch {
      await sseClient.close().catch(() => undefined);
      throw first;
    }
  }
}
