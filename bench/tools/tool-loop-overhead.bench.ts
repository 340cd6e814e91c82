// Main's own overhead in a column's tool loop, with a local MCP server (the SDK-built fake), over stdio and over
// Streamable HTTP on loopback: from a model step's parsed tool call to the MCP request handed to the transport
// (written to the server's stdin, or the HTTP request started), and from the tool's result to the next model
// request. The model step itself is instant here, and the tool is always-allowed, so no user wait is counted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startFakeHttpMcp } from '../../test/fakes/mcp/http-server';
import { createLocalCipher } from '../../electron/vault/local-cipher';
import { createMcpManager, createMcpServerStore } from '../../electron/tools/mcp';
import { runToolLoop } from '../../electron/tools/loop/tool-loop';
import { createRoomApprovals } from '../../electron/tools/loop/room-approvals';
import { resolveOfferedTools } from '../../shared/tools/tool-selection';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import type { BenchResult } from '../types';

const LOOPS = 60;
const STEPS = 10;
const WARMUP_LOOPS = 5;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

type Transport = typeof StdioClientTransport | typeof StreamableHTTPClientTransport;

/** Notes when `Transport` is handed a tools/call request; returns the undo. */
function watchSends(transport: Transport, onCall: () => void): () => void {
  const proto = transport.prototype as { send: (message: unknown, ...rest: unknown[]) => Promise<void> };
  const send = proto.send;
  proto.send = function (this: unknown, message: unknown, ...rest: unknown[]) {
    if (typeof message === 'object' && message !== null && (message as { method?: unknown }).method === 'tools/call') onCall();
    return send.call(this, message, ...rest);
  };
  return () => {
    proto.send = send;
  };
}

async function measure(kind: 'stdio' | 'streamable-http'): Promise<BenchResult[]> {
  let sentAt = 0;
  const unwatch = watchSends(kind === 'stdio' ? StdioClientTransport : StreamableHTTPClientTransport, () => (sentAt = performance.now()));
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-loop-'));
  const manager = createMcpManager({ store: createMcpServerStore(dir, createLocalCipher(dir)), version: 'bench', onChange: () => undefined });
  const http = kind === 'streamable-http' ? await startFakeHttpMcp({ kind: 'streamable' }) : null;
  try {
    let serverId: string;
    if (http) {
      serverId = (await manager.save({ transport: 'http', name: 'bench', url: http.url, headers: [] })).id;
    } else {
      const saved = await manager.save({ transport: 'stdio', name: 'bench', command: process.execPath, args: ['--import', 'tsx', resolve('test/fakes/mcp/stdio-server.ts')], env: [] });
      manager.confirm(saved.id, saved.commandLine!);
      serverId = saved.id;
    }
    const server = await manager.start(serverId);
    const offered = resolveOfferedTools({ servers: [server.id], tools: [] }, [server]);
    const approvals = createRoomApprovals();
    approvals.allowAlways('bench', server.id, 'echo');
    const toCall: number[] = [];
    const toNext: number[] = [];
    const record = { costMicros: 1, tokens: null, durationMs: 0 } as unknown as GenerationRecord;
    for (let loop = 0; loop < WARMUP_LOOPS + LOOPS; loop++) {
      let stepEndedAt = 0;
      let resultAt = 0;
      let step = 0;
      await runToolLoop({ model: 'fake/a', messages: [{ role: 'user', content: 'go' }] }, offered, { conversationId: 'bench', stepLimit: STEPS, signal: new AbortController().signal }, {
        async step() {
          if (resultAt && loop >= WARMUP_LOOPS) toNext.push(performance.now() - resultAt);
          step++;
          const last = step === STEPS;
          stepEndedAt = performance.now();
          return { text: '', toolCalls: last ? [] : [{ id: `c${step}`, name: 'echo', arguments: `{"text":"step ${step}"}` }], record, error: null };
        },
        async callTool(id, tool, args, o) {
          sentAt = 0;
          const result = await manager.callTool(id, tool, args, o);
          if (loop >= WARMUP_LOOPS) toCall.push(sentAt - stepEndedAt);
          resultAt = performance.now();
          return result;
        },
        approve: async () => 'once',
        approvals,
      });
    }
    const label = kind === 'stdio' ? 'local stdio server' : 'Streamable HTTP server on loopback';
    const tag = kind === 'stdio' ? '' : ' (Streamable HTTP)';
    return [
      { name: `Tool loop${tag}: parsed call → MCP request sent, p50`, value: pct(toCall, 0.5), unit: 'ms', notes: `${toCall.length} calls, ${LOOPS} loops of ${STEPS} steps, ${label}`, target: '<= 2 ms', pass: pct(toCall, 0.5) <= 2 },
      { name: `Tool loop${tag}: parsed call → MCP request sent, p99`, value: pct(toCall, 0.99), unit: 'ms' },
      { name: `Tool loop${tag}: result → next model request, p50`, value: pct(toNext, 0.5), unit: 'ms', notes: 'tool messages built, request assembled', target: '<= 2 ms', pass: pct(toNext, 0.5) <= 2 },
      { name: `Tool loop${tag}: result → next model request, p99`, value: pct(toNext, 0.99), unit: 'ms' },
    ];
  } finally {
    await manager.close();
    await http?.close();
    unwatch();
  }
}

export default async function run(): Promise<BenchResult[]> {
  return [...(await measure('stdio')), ...(await measure('streamable-http'))];
}
