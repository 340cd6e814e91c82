import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { FAKE_STDIO } from './support';

// Settings → Tools over the bridge: what the renderer gets never holds an environment or header value.

const ENV_SECRET = 'ghp_ENV-SECRET-never-in-the-renderer';
const HEADER_SECRET = 'Bearer HEADER-SECRET-never-in-the-renderer';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function backend() {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-mcp-routes-'));
  dirs.push(dataDir);
  const b = createBackend({ dataDir, transport: 'host', version: 't', cipher: createLocalCipher(dataDir), detectLocalServers: false });
  const events: unknown[] = [];
  b.hub.attach((event, payload) => events.push({ event, payload }));
  return { b, dataDir, events };
}

describe('MCP routes', () => {
  it('import, list, confirm, call and events: secrets stay sealed in main', async () => {
    const { b, dataDir, events } = backend();
    const json = JSON.stringify({
      mcpServers: {
        fake: { command: FAKE_STDIO.command, args: FAKE_STDIO.args, env: { FAKE_TOKEN: ENV_SECRET } },
        remote: { url: 'http://127.0.0.1:9/mcp', headers: { Authorization: HEADER_SECRET } },
        broken: { command: '' },
      },
    });
    const imported = await b.dispatch('mcp.import', { json });
    expect(imported).toMatchObject({ ok: true, value: { added: [{ name: 'fake', status: 'awaiting-confirmation', env: [{ name: 'FAKE_TOKEN', set: true }] }, { name: 'remote', headers: [{ name: 'Authorization', set: true }] }], problems: [{ entry: 'broken', message: expect.stringMatching(/command/) }] } });
    const fake = (imported as { value: { added: { id: string; commandLine: string }[] } }).value.added[0]!;

    const refused = await b.dispatch('mcp.call', { id: fake.id, tool: 'env', arguments: { name: 'FAKE_TOKEN' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/confirm its command line first/) } });

    expect(await b.dispatch('mcp.confirm', { id: fake.id, commandLine: fake.commandLine })).toMatchObject({ ok: true, value: { confirmed: true, status: 'stopped' } });
    // The value does reach the server: the tool reads it from its environment (and that result is the tool's own output).
    expect(await b.dispatch('mcp.call', { id: fake.id, tool: 'echo', arguments: { text: 'hi' } })).toMatchObject({ ok: true, value: { text: 'stdio-fake: hi' } });
    const listed = await b.dispatch('mcp.list', {});
    expect(listed).toMatchObject({ ok: true, value: [{ status: 'ready', tools: expect.arrayContaining([expect.objectContaining({ name: 'echo' })]) }, { status: 'stopped' }] });

    // Edit without resending the value: the sealed one is kept.
    const edited = await b.dispatch('mcp.save', { id: fake.id, transport: 'stdio', name: 'fake renamed', command: FAKE_STDIO.command, args: FAKE_STDIO.args, env: [{ name: 'FAKE_TOKEN' }] });
    expect(edited).toMatchObject({ ok: true, value: { name: 'fake renamed', confirmed: true, env: [{ name: 'FAKE_TOKEN', set: true }] } });
    expect(await b.dispatch('mcp.call', { id: fake.id, tool: 'env', arguments: { name: 'FAKE_TOKEN' } })).toMatchObject({ ok: true, value: { text: ENV_SECRET } });

    const seenByRenderer = JSON.stringify([imported, refused, listed, edited, events]);
    expect(events.some((e) => (e as { event: string }).event === 'mcp.changed')).toBe(true);
    for (const secret of [ENV_SECRET, HEADER_SECRET, 'HEADER-SECRET']) {
      expect(seenByRenderer).not.toContain(secret);
      for (const f of readdirSync(dataDir, { recursive: true }) as string[]) {
        if (statSync(join(dataDir, f)).isFile()) expect(readFileSync(join(dataDir, f), 'utf8')).not.toContain(secret);
      }
    }
    await b.close();
  });

  it('bad input gets a clear error and changes nothing', async () => {
    const { b } = backend();
    expect(await b.dispatch('mcp.save', { transport: 'http', name: 'x', url: 'file:///etc/passwd', headers: [] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'An MCP server URL must start with http:// or https:// (got file:)' },
    });
    expect(await b.dispatch('mcp.save', { transport: 'stdio', name: 'x', command: 'node', env: [{ name: 'TOKEN' }] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'The environment variable TOKEN has no value' },
    });
    expect(await b.dispatch('mcp.import', { json: 'not json' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^This is not JSON/) } });
    expect(await b.dispatch('mcp.start', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await b.dispatch('mcp.list', {})).toEqual({ ok: true, value: [] });
    await b.close();
  });
});
