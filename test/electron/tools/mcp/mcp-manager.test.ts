import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeHttpMcp, type FakeHttpMcp } from '../../../fakes/mcp/http-server';
import { addConfirmedStdio, FAKE_STDIO, newManager } from './support';

const SECRET = 'tok-THIS-IS-SECRET-4242';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
function managed() {
  const m = newManager();
  cleanups.push(() => m.manager.close());
  return m;
}
async function http(kind: 'streamable' | 'sse', token?: string): Promise<FakeHttpMcp> {
  const s = await startFakeHttpMcp({ kind, ...(token ? { token } : {}) });
  cleanups.push(() => s.close());
  return s;
}

describe('MCP manager: stdio servers', () => {
  it('refuses to start a stdio server whose command line was not confirmed, and says so', async () => {
    const { manager } = managed();
    const saved = await manager.save({ transport: 'stdio', name: 'Files', command: FAKE_STDIO.command, args: FAKE_STDIO.args, env: [] });
    expect(saved.status).toBe('awaiting-confirmation');
    expect(saved.commandLine).toBe(`${FAKE_STDIO.command} ${FAKE_STDIO.args.join(' ')}`);
    await expect(manager.callTool(saved.id, 'echo', { text: 'hi' })).rejects.toThrow(/confirm its command line/);
    await expect(manager.start(saved.id)).rejects.toThrow(/confirm its command line/);
    expect(() => manager.confirm(saved.id, `${saved.commandLine} --evil`)).toThrow(/changed since it was shown/);
    expect(manager.summary(saved.id).status).toBe('awaiting-confirmation');
  });

  it('starts when first needed, lists its tools, calls one, and restarts', async () => {
    const { manager, changes } = managed();
    const server = await addConfirmedStdio(manager, 'Fake');
    expect(server.status).toBe('stopped');
    const result = await manager.callTool(server.id, 'echo', { text: 'hello' });
    expect(result).toMatchObject({ text: 'stdio-fake: hello', isError: false, truncated: false });
    const ready = manager.summary(server.id);
    expect(ready.status).toBe('ready');
    expect(ready.connectedVia).toBe('stdio');
    const echo = ready.tools.find((t) => t.name === 'echo')!;
    expect(echo.description).toBe('Returns its text, prefixed with the server name.');
    expect(echo.inputSchema).toMatchObject({ type: 'object', properties: { text: { type: 'string', description: 'What to echo' } } });
    expect(changes.map((c) => c[0]!.status)).toEqual(expect.arrayContaining(['starting', 'ready']));

    const restarted = await manager.restart(server.id);
    expect(restarted.status).toBe('ready');
    expect((await manager.callTool(server.id, 'echo', { text: 'again' })).text).toBe('stdio-fake: again');
  });

  it('a tool that reports an error comes back flagged, not thrown', async () => {
    const { manager } = managed();
    const server = await addConfirmedStdio(manager, 'Fake');
    expect(await manager.callTool(server.id, 'failing', {})).toMatchObject({ text: 'the tool failed', isError: true });
  });

  it('passes the unsealed environment to the server while the file on disk holds it sealed', async () => {
    const { manager, dataDir } = managed();
    const server = await addConfirmedStdio(manager, 'Fake', undefined, [{ name: 'FAKE_TOKEN', value: SECRET }]);
    expect(server.commandLine).toMatch(/^FAKE_TOKEN=•••• /);
    expect((await manager.callTool(server.id, 'env', { name: 'FAKE_TOKEN' })).text).toBe(SECRET);
    expect(readFileSync(join(dataDir, 'mcp-servers.json'), 'utf8')).not.toContain(SECRET);
    expect(JSON.stringify(manager.list())).not.toContain(SECRET);
  });

  it('an edited command line needs a new confirmation', async () => {
    const { manager } = managed();
    const server = await addConfirmedStdio(manager, 'Fake');
    const edited = await manager.save({ id: server.id, transport: 'stdio', name: 'Fake', command: FAKE_STDIO.command, args: [...FAKE_STDIO.args, 'silent'], env: [] });
    expect(edited).toMatchObject({ confirmed: false, status: 'awaiting-confirmation' });
    const renamed = await manager.save({ id: server.id, transport: 'stdio', name: 'Renamed', command: FAKE_STDIO.command, args: [...FAKE_STDIO.args, 'silent'], env: [] });
    expect(renamed.confirmed).toBe(false);
  });

  it('disable stops the server and refuses calls until enabled again; remove stops it', async () => {
    const { manager } = managed();
    const server = await addConfirmedStdio(manager, 'Fake');
    await manager.callTool(server.id, 'echo', { text: 'a' });
    expect((await manager.setEnabled(server.id, false)).status).toBe('disabled');
    await expect(manager.callTool(server.id, 'echo', { text: 'b' })).rejects.toThrow(/Fake is disabled/);
    await manager.setEnabled(server.id, true);
    expect((await manager.callTool(server.id, 'echo', { text: 'c' })).text).toBe('stdio-fake: c');
    expect(await manager.remove(server.id)).toBe(true);
    expect(manager.list()).toEqual([]);
    await expect(manager.callTool(server.id, 'echo', { text: 'd' })).rejects.toThrow(/No such MCP server/);
  });

  it('a call can be cancelled with an AbortSignal', async () => {
    const { manager } = managed();
    const server = await addConfirmedStdio(manager, 'Fake');
    await manager.start(server.id);
    const ac = new AbortController();
    const call = manager.callTool(server.id, 'hang', {}, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(call).rejects.toThrow(/Fake: the call to hang failed: it was cancelled/);
    expect((await manager.callTool(server.id, 'echo', { text: 'still here' })).text).toBe('stdio-fake: still here');
  });
});

describe('MCP manager: HTTP servers', () => {
  it('Streamable HTTP: sends its sealed header, lists tools and calls one', async () => {
    const fake = await http('streamable', SECRET);
    const { manager, dataDir } = managed();
    const server = await manager.save({ transport: 'http', name: 'Remote', url: fake.url, headers: [{ name: 'Authorization', value: `Bearer ${SECRET}` }] });
    expect(server).toMatchObject({ status: 'stopped', confirmed: true, headers: [{ name: 'Authorization', set: true }] });
    expect((await manager.callTool(server.id, 'echo', { text: 'over http' })).text).toBe('http-fake: over http');
    expect(manager.summary(server.id)).toMatchObject({ status: 'ready', connectedVia: 'streamable-http' });
    expect(fake.authorizations.every((a) => a === `Bearer ${SECRET}`)).toBe(true);
    expect(readFileSync(join(dataDir, 'mcp-servers.json'), 'utf8')).not.toContain(SECRET);
    expect(JSON.stringify(manager.list())).not.toContain(SECRET);
    expect((await manager.restart(server.id)).status).toBe('ready');
  });

  it('falls back to the SSE transport for a server that only speaks SSE', async () => {
    const fake = await http('sse');
    const { manager } = managed();
    const server = await manager.save({ transport: 'http', name: 'Old', url: fake.url, headers: [] });
    expect((await manager.callTool(server.id, 'echo', { text: 'sse' })).text).toBe('sse-fake: sse');
    expect(manager.summary(server.id).connectedVia).toBe('sse');
  });

  it('a refused key fails with the HTTP status, and is restartable once fixed', async () => {
    const fake = await http('streamable', SECRET);
    const { manager } = managed();
    const server = await manager.save({ transport: 'http', name: 'Remote', url: fake.url, headers: [{ name: 'Authorization', value: 'Bearer wrong' }] });
    const failed = await manager.start(server.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/HTTP 401/);
    expect(failed.error).not.toContain('wrong');
    await expect(manager.callTool(server.id, 'echo', { text: 'x' })).rejects.toThrow(/Remote failed .*restart it/);
    await manager.save({ id: server.id, transport: 'http', name: 'Remote', url: fake.url, headers: [{ name: 'Authorization', value: `Bearer ${SECRET}` }] });
    expect((await manager.restart(server.id)).status).toBe('ready');
  });
});
