import { createParser } from 'eventsource-parser';
import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Measurement helpers shared by the engine benchmarks.

export const pct = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

/** A full GC without needing `--expose-gc` on the command line. */
export function forceGc(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

export const mib = (bytes: number) => bytes / (1024 * 1024);

export interface TimedResponse {
  status: number;
  firstByteMs: number; // request start → first body byte
  totalMs: number;
  bytes: number;
}

/** POST and time the first body byte and the end, over a keep-alive agent. */
export function timedPost(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<TimedResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = -1;
    let bytes = 0;
    const req = request(
      { agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.on('data', (c: Buffer) => {
          if (first < 0) first = performance.now() - t0;
          bytes += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, firstByteMs: first, totalMs: performance.now() - t0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads an SSE body the way a minimal client does (eventsource-parser + JSON.parse), counting data events. */
export async function consumeSse(body: AsyncIterable<Uint8Array>): Promise<{ events: number; contentChunks: number }> {
  let events = 0;
  let contentChunks = 0;
  let done = false;
  const parser = createParser({
    onEvent(ev) {
      if (done || ev.data === '[DONE]') {
        done = true;
        return;
      }
      const json = JSON.parse(ev.data) as { choices?: { delta?: { content?: string } }[] };
      events++;
      if (json.choices?.[0]?.delta?.content) contentChunks++;
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) parser.feed(decoder.decode(chunk, { stream: true }));
  return { events, contentChunks };
}

/** A POST whose response body is an async iterable of bytes (node:http, keep-alive agent). */
export function streamingPost(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<import('node:http').IncomingMessage> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      resolve,
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Self size of everything in a heap snapshot that is not compiled code (JIT output grows while Node warms up;
 * retained requests would show up here). */
export async function nonCodeHeapBytes(file: string): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const snap = JSON.parse(await readFile(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    if (types[snap.nodes[i + typeAt]!] !== 'code') total += snap.nodes[i + sizeAt]!;
  }
  return total;
}

export const median = (xs: readonly number[]): number => pct(xs, 0.5);
