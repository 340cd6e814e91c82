import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyVault, keyHint, VaultInputError } from '../../../electron/vault/key-vault';
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
    vault.set({ id: 'openai', kind: 'openai-compatible', label: 'OpenAI', apiKey: 'sk-old-key-1111' });
    vault.set({ id: 'openai', kind: 'openai-compatible', label: 'OpenAI', apiKey: 'sk-new-key-2222' });
    expect(vault.list().map((k) => k.hint)).toEqual(['••••2222']);
    expect(vault.remove('openai')).toBe(true);
    expect(vault.remove('openai')).toBe(false);
    expect(vault.list()).toEqual([]);
  });

  it('stores http(s) base URLs only, with a clear reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-vault-'));
    const vault = createKeyVault(dir, createLocalCipher(dir));
    for (const bad of ['javascript:alert(document.cookie)', 'file:///etc/passwd', 'data:text/html,<script>1</script>', 'ftp://example.com/v1']) {
      expect(() => vault.set({ kind: 'openai-compatible', label: 'Bad', baseUrl: bad, apiKey: SECRET })).toThrow(/must start with http:\/\/ or https:\/\//);
    }
    expect(() => vault.set({ kind: 'openai-compatible', label: 'Bad', baseUrl: 'https://user:pw@example.com/v1', apiKey: SECRET })).toThrow(VaultInputError);
    expect(vault.list()).toEqual([]);
    expect(vault.set({ kind: 'openai-compatible', label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', apiKey: SECRET }).baseUrl).toBe('https://api.groq.com/openai/v1');
  });

  it('refuses a keyless entry except for an OpenAI-compatible server with its own base URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-vault-'));
    const vault = createKeyVault(dir, createLocalCipher(dir));
    expect(() => vault.set({ kind: 'anthropic', label: 'Anthropic' })).toThrow('Anthropic needs an API key (only an OpenAI-compatible server with its own base URL may be saved without one)');
    expect(() => vault.set({ kind: 'openrouter', label: 'OR', baseUrl: 'https://openrouter.ai/api/v1' })).toThrow(/OpenRouter needs an API key/);
    expect(() => vault.set({ kind: 'openai-compatible', label: 'OpenAI' })).toThrow(/OpenAI needs an API key/);
    expect(() => vault.set({ kind: 'openai-compatible', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1' })).toThrow(/OpenAI needs an API key/);
    expect(vault.list()).toEqual([]);
    expect(vault.set({ kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' }).hint).toBe('no key');
  });

  it('never shows more than a third of a key as its hint', () => {
    expect(keyHint('abcd')).toBe('••••');
    expect(keyHint('sk-12345678')).toBe('••••'); // 11 characters: 4 would be more than a third
    expect(keyHint('sk-123456789')).toBe('••••6789');
    for (let n = 1; n <= 40; n++) {
      const key = 'k'.repeat(Math.max(0, n - 1)) + 'Z';
      const shown = keyHint(key).replace(/•/g, '');
      expect(shown.length * 3).toBeLessThanOrEqual(n);
    }
  });
});
