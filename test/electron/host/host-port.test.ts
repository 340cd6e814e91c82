import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choosePort, DEFAULT_HOST_PORT, PortArgumentError, portInUseMessage, rememberPort } from '../../../electron/host/host-port';

const dirs: string[] = [];
const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'parley-port-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('which port browser mode serves on', () => {
  it('is a fixed default on the first launch, then the port the last launch used', () => {
    const dir = dataDir();
    expect(choosePort({ dataDir: dir })).toEqual({ port: DEFAULT_HOST_PORT, source: 'default' });
    expect(DEFAULT_HOST_PORT).toBe(8789);
    rememberPort(dir, 41234);
    expect(choosePort({ dataDir: dir })).toEqual({ port: 41234, source: 'remembered' });
  });

  it('follows --port, then PARLEY_PORT, over what was remembered; 0 asks for any free port', () => {
    const dir = dataDir();
    rememberPort(dir, 41234);
    expect(choosePort({ dataDir: dir, flag: '9000', env: '9100' })).toEqual({ port: 9000, source: 'flag' });
    expect(choosePort({ dataDir: dir, env: '9100' })).toEqual({ port: 9100, source: 'env' });
    expect(choosePort({ dataDir: dir, flag: '0' })).toEqual({ port: 0, source: 'flag' });
    for (const bad of ['abc', '70000', '-1', '1.5', '']) expect(() => choosePort({ dataDir: dir, flag: bad })).toThrow(PortArgumentError);
  });

  it('ignores an unreadable memory of the port', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'host.json'), '{"port":"http://evil"}');
    expect(choosePort({ dataDir: dir })).toEqual({ port: DEFAULT_HOST_PORT, source: 'default' });
  });

  it('says why a taken port is not swapped for another and how to pick one', () => {
    const text = portInUseMessage({ port: 8789, source: 'default' });
    expect(text).toMatch(/^Port 8789 is already in use \(Parley's default port\)/);
    expect(text).toContain('the browser keeps your conversations per address (http://127.0.0.1:8789)');
    expect(text).toContain('--port <n> or PARLEY_PORT=<n>');
    expect(text).not.toContain('\n');
  });
});
