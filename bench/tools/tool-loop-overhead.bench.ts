// Main's own overhead in a column's tool loop, with a local stdio MCP server (the SDK-built fake): from a model
// step's parsed tool call to the MCP request written to the server's stdin, and from the tool's result to the next
// model request. The model step itself is instant here, and the tool is always-allowed, so no user wait is counted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
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

export default async function run(): Promise<BenchResult[]> {
  let sentAt = 0;
  const send = StdioClientTransport.prototype.send;
  StdioClientTransport.prototype.send = function (this: StdioClientTransport, message, ...rest) {
    if ('method' in message && message.method === 'tools/call') sentAt = performance.now();
    return send.call(this, message, ...rest);
  };
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-loop-'));
  const manager = createMcpManager({ store: createMcpServerStore(dir, createLocalCipher(dir)), version: 'bench', onChange: () => undefined });
  try {
    const saved = await manager.save({ transport: 'stdio', name: 'bench', command: process.execPath, args: ['--import', 'tsx', resolve('test/fakes/mcp/stdio-server.ts')], env: [] });
    manager.confirm(saved.id, saved.commandLine!);
    const server = await manager.start(saved.id);
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
    return [
      { name: 'Tool loop: parsed call → MCP request sent, p50', value: pct(toCall, 0.5), unit: 'ms', notes: `${toCall.length} calls, ${LOOPS} loops of ${STEPS} steps, local stdio server`, target: '<= 2 ms', pass: pct(toCall, 0.5) <= 2 },
      { name: 'Tool loop: parsed call → MCP request sent, p99', value: pct(toCall, 0.99), unit: 'ms' },
      { name: 'Tool loop: result → next model request, p50', value: pct(toNext, 0.5), unit: 'ms', notes: 'tool messages built, request assembled', target: '<= 2 ms', pass: pct(toNext, 0.5) <= 2 },
      { name: 'Tool loop: result → next model request, p99', value: pct(toNext, 0.99), unit: 'ms' },
    ];
  } finally {
    await manager.close();
    StdioClientTransport.prototype.send = send;
  }
}
