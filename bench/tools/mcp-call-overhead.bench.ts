// Main's overhead on one MCP tool call to a local stdio server (the SDK-built fake of test/fakes/mcp/), split in
// two: from our callTool to the request written to the server's stdin, and from the answer's first bytes on its
// stdout back to our caller. The time the server itself takes is reported beside them. The wire moments are seen
// by wrapping the SDK's StdioClientTransport.send and ReadBuffer.append (the same module instances the manager uses).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ReadBuffer } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { createLocalCipher } from '../../electron/vault/local-cipher';
import { createMcpManager, createMcpServerStore } from '../../electron/tools/mcp';
import type { BenchResult } from '../types';

const N = 500;
const WARMUP = 50;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

export default async function run(): Promise<BenchResult[]> {
  let sentAt = 0;
  let firstByteAt = 0;
  const send = StdioClientTransport.prototype.send;
  StdioClientTransport.prototype.send = function (this: StdioClientTransport, message, ...rest) {
    if ('method' in message && message.method === 'tools/call') {
      sentAt = performance.now();
      firstByteAt = 0;
    }
    return send.call(this, message, ...rest);
  };
  const append = ReadBuffer.prototype.append;
  ReadBuffer.prototype.append = function (this: ReadBuffer, chunk: Buffer) {
    if (sentAt && !firstByteAt) firstByteAt = performance.now();
    return append.call(this, chunk);
  };

  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-mcp-'));
  const manager = createMcpManager({ store: createMcpServerStore(dir, createLocalCipher(dir)), version: 'bench', onChange: () => undefined });
  try {
    const saved = await manager.save({ transport: 'stdio', name: 'bench', command: process.execPath, args: ['--import', 'tsx', resolve('test/fakes/mcp/stdio-server.ts')], env: [] });
    manager.confirm(saved.id, saved.commandLine!);
    await manager.start(saved.id);
    const out: number[] = [];
    const back: number[] = [];
    const server: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < WARMUP + N; i++) {
      sentAt = 0;
      const t0 = performance.now();
      await manager.callTool(saved.id, 'echo', { text: `call ${i}` });
      const t3 = performance.now();
      if (i < WARMUP) continue;
      out.push(sentAt - t0);
      server.push(firstByteAt - sentAt);
      back.push(t3 - firstByteAt);
      total.push(t3 - t0);
    }
    const overhead = out.map((o, i) => o + back[i]!);
    return [
      { name: 'MCP call: our call → request sent, p50', value: pct(out, 0.5), unit: 'ms', notes: `${N} echo calls to a local stdio server` },
      { name: 'MCP call: answer received → our caller, p50', value: pct(back, 0.5), unit: 'ms', notes: 'parse, SDK result validation, 1 MB cap, text' },
      { name: 'MCP call: main overhead (both), p50', value: pct(overhead, 0.5), unit: 'ms', baseline: { name: 'whole round trip p50', value: pct(total, 0.5) }, ratio: pct(overhead, 0.5) / pct(total, 0.5), target: '<= 1 ms', pass: pct(overhead, 0.5) <= 1 },
      { name: 'MCP call: main overhead (both), p99', value: pct(overhead, 0.99), unit: 'ms' },
      { name: 'MCP call: server and pipes, p50', value: pct(server, 0.5), unit: 'ms', notes: 'request written → first answer bytes (the fake server, not main)' },
    ];
  } finally {
    await manager.close();
    StdioClientTransport.prototype.send = send;
    ReadBuffer.prototype.append = append;
  }
}
