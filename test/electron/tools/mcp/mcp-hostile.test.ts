import { afterEach, describe, expect, it } from 'vitest';
import { MARKUP, TEN_MB } from '../../../fakes/mcp/fake-tools';
import { RESULT_CAP_BYTES } from '../../../../electron/tools/mcp';
import { addConfirmedStdio, newManager } from './support';

// A hostile MCP server gets a clear error; the manager, the other servers and their calls carry on.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function twoServers(hostileMode?: string) {
  const m = newManager({ startTimeoutMs: 8_000 });
  cleanups.push(() => m.manager.close());
  const hostile = await addConfirmedStdio(m.manager, 'Hostile', hostileMode);
  const good = await addConfirmedStdio(m.manager, 'Good');
  if (!hostileMode) await m.manager.start(hostile.id);
  await m.manager.start(good.id);
  /** The good server answers, and within a moment: nothing waits on the hostile one. */
  const goodAnswers = async () => {
    const t0 = performance.now();
    expect((await m.manager.callTool(good.id, 'echo', { text: 'still fine' })).text).toBe('stdio-fake: still fine');
    expect(performance.now() - t0).toBeLessThan(2_000);
  };
  return { ...m, hostile, good, goodAnswers };
}

describe('a hostile MCP server', () => {
  it('hangs: the call times out with a clear error while the other server answers meanwhile', async () => {
    const { manager, hostile, goodAnswers } = await twoServers();
    const call = manager.callTool(hostile.id, 'hang', {}, { timeoutMs: 1_500 });
    const settled = call.catch((e: Error) => e);
    await goodAnswers(); // during the hang
    const err = await settled;
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('Hostile: the call to hang failed: it did not answer within 1.5 s');
    // the hung call was cancelled, not the server: it still answers
    expect((await manager.callTool(hostile.id, 'echo', { text: 'after' })).text).toBe('stdio-fake: after');
  });

  it('exits mid-call: a clear error with its stderr tail, the state says failed, and a restart brings it back', async () => {
    const { manager, hostile, goodAnswers } = await twoServers();
    await expect(manager.callTool(hostile.id, 'crash', {})).rejects.toThrow(
      /^Hostile: the call to crash failed: its process ended; its last stderr lines: .*fatal: the fake server crashed on purpose/,
    );
    const failed = manager.summary(hostile.id);
    expect(failed).toMatchObject({ status: 'failed', error: 'its process ended', tools: [] });
    expect(failed.stderrTail).toContain('fatal: the fake server crashed on purpose');
    await goodAnswers();
    await expect(manager.callTool(hostile.id, 'echo', { text: 'x' })).rejects.toThrow(/Hostile failed \(its process ended\): restart it/);
    expect((await manager.restart(hostile.id)).status).toBe('ready');
    expect((await manager.callTool(hostile.id, 'echo', { text: 'back' })).text).toBe('stdio-fake: back');
  });

  it('sends 10 MB: the result is cut to 1 MB and states the full size', async () => {
    const { manager, hostile, goodAnswers } = await twoServers();
    const result = await manager.callTool(hostile.id, 'flood', {});
    expect(result.truncated).toBe(true);
    expect(result.fullBytes).toBe(TEN_MB);
    expect(Buffer.byteLength(result.text)).toBeLessThan(RESULT_CAP_BYTES + 200);
    expect(result.text.startsWith('x'.repeat(RESULT_CAP_BYTES))).toBe(true);
    expect(result.text.endsWith('[Truncated: the tool returned 10.0 MB; only the first 1.0 MB is kept.]')).toBe(true);
    await goodAnswers();
  }, 60_000); // 10 MB through a pipe, JSON and the SDK's validation: slow on a busy machine

  it('returns markup and script: they come back as the same inert text, and nothing ran', async () => {
    const { manager, hostile } = await twoServers();
    const result = await manager.callTool(hostile.id, 'markup', {});
    expect(result.text).toBe(MARKUP);
    expect(manager.summary(hostile.id).tools.find((t) => t.name === 'markup')!.description).toBe(`Returns markup and script: ${MARKUP}`);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('breaks JSON-RPC: the call fails with a clear error at once (no wait for a timeout), the server is failed and restartable', async () => {
    const { manager, hostile, goodAnswers } = await twoServers();
    const t0 = performance.now();
    await expect(manager.callTool(hostile.id, 'garble', {}, { timeoutMs: 30_000 })).rejects.toThrow(/^Hostile: the call to garble failed: it sent output that is not MCP's JSON-RPC/);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(manager.summary(hostile.id).status).toBe('failed');
    await goodAnswers();
    expect((await manager.restart(hostile.id)).status).toBe('ready');
  });

  it('fails before speaking MCP: failed with the last lines of its stderr', async () => {
    const { manager, hostile, goodAnswers } = await twoServers('fail-on-start');
    const failed = await manager.start(hostile.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('It could not start: its process ended before it answered');
    expect(failed.stderrTail).toEqual(['fake stdio server starting (fail-on-start)', 'error: missing configuration']);
    await goodAnswers();
  });

  it('never answers its handshake: failed after the start timeout, others unaffected', async () => {
    const { manager, hostile, goodAnswers } = await twoServers('silent');
    const starting = manager.start(hostile.id);
    await goodAnswers();
    const failed = await starting;
    expect(failed).toMatchObject({ status: 'failed', error: 'It could not start: it did not answer within 8 s' });
  }, 40_000); // waits out the 8 s start timeout

  it('cannot be run at all (no such program): a clear error', async () => {
    const m = newManager();
    cleanups.push(() => m.manager.close());
    const saved = await m.manager.save({ transport: 'stdio', name: 'Missing', command: '/nonexistent/mcp-server', args: [], env: [] });
    m.manager.confirm(saved.id, saved.commandLine!);
    const failed = await m.manager.start(saved.id);
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/^It could not start: ENOENT/) });
  });

  it('an HTTP server that answers with something that is not JSON-RPC: a clear error', async () => {
    const { createServer } = await import('node:http');
    const srv = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json</html>'));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => srv.close(() => r())));
    const m = newManager({ startTimeoutMs: 5_000 });
    cleanups.push(() => m.manager.close());
    const { port } = srv.address() as { port: number };
    const saved = await m.manager.save({ transport: 'http', name: 'Broken', url: `http://127.0.0.1:${port}/mcp`, headers: [] });
    const failed = await m.manager.start(saved.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^It could not start: /);
  });
});
