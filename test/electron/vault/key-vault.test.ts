import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyVault } from '../../../electron/vault/key-vault';
import { createLocalCipher } from '../../../electron/vault/local-cipher';

const SECRET = 'sk-ant-api03-THIS-IS-SECRET-abcd';

describe('key vault', () => {
  it('seals keys at rest and shows only a hint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-vault-'));
    const vault = createKeyVault(dir, createLocalCipher(dir));
    const saved = vault.set({ kind: 'anthropic', label: 'Anthropic', apiKey: SECRET });
    expect(saved.hint).toBe('••••abcd');
    expect(JSON.stringify(vault.list())).not.toContain('SECRET');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toContain('SECRET');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'vault.key')).mode & 0o077).toBe(0);
  });

  it('gives the decrypted key back to main after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-vault-'));
    createKeyVault(dir, createLocalCipher(dir)).set({ id: 'anthropic', kind: 'anthropic', label: 'Anthropic', apiKey: SECRET });
    const reopened = createKeyVault(dir, createLocalCipher(dir));
    expect(reopened.secrets()).toEqual([{ id: 'anthropic', kind: 'anthropic', label: 'Anthropic', apiKey: SECRET }]);
  });

  it('skips an entry it cannot decrypt and reports it by id only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-vault-'));
    createKeyVault(dir, createLocalCipher(dir)).set({ id: 'openai', kind: 'openai-compatible', label: 'OpenAI', apiKey: SECRET });
    const otherDir = mkdtempSync(join(tmpdir(), 'parley-vault-other-'));
    const wrongCipher = createLocalCipher(otherDir);
    const unreadable: string[] = [];
    expect(createKeyVault(dir, wrongCipher).secrets((id) => unreadable.push(id))).toEqual([]);
    expect(unreadable).toEqual(['openai']);
  });

  it('replaces a key with the same id and removes keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-vault-'));
    const vault = createKeyVault(dir, createLocalCipher(dir));
    vault.set({ id: 'openai', kind: 'openai-compatible', label: 'OpenAI', apiKey: 'sk-old-1111' });
    vault.set({ id: 'openai', kind: 'openai-compatible', label: 'OpenAI', apiKey: 'sk-new-2222' });
    expect(vault.list().map((k) => k.hint)).toEqual(['••••2222']);
    expect(vault.remove('openai')).toBe(true);
    expect(vault.remove('openai')).toBe(false);
    expect(vault.list()).toEqual([]);
  });
});
