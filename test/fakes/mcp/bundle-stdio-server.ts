import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fake stdio MCP server (./stdio-server.ts) bundled into one plain-Node file for this run. */
    mcpStdioServer: string;
  }
}

/** A global setup: bundles the fake stdio MCP server once per run. Tests start it dozens of times; each start under
 * `node --import tsx` spent ~1.2 s of CPU compiling it and loading the SDK file by file, a bundle ~0.3 s. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-mcp-fake-'));
  const outfile = join(dir, 'stdio-server.mjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'stdio-server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  project.provide('mcpStdioServer', outfile);
  return () => rmSync(dir, { recursive: true, force: true });
}
