import { describe, expect, it } from 'vitest';
import { cachedAuth } from '../../../../electron/engine/api/auth-cache';
import { singleTokenAccess, type AuthOutcome } from '../../../../electron/engine/api/auth';

describe('cachedAuth', () => {
  const counting = (valid: Record<string, string>) => {
    let calls = 0;
    const auth = (token: string): AuthOutcome => {
      calls++;
      const keyId = valid[token];
      return keyId ? { ok: true, caller: { keyId, label: keyId } } : { ok: false, reason: 'unknown' };
    };
    return { auth, calls: () => calls };
  };

  it('answers a token it accepted before without asking again, until cleared', () => {
    const src = counting({ 'tok-a': 'a' });
    const cache = cachedAuth(src.auth);
    expect(cache.authenticate('tok-a')).toEqual({ ok: true, caller: { keyId: 'a', label: 'a' } });
    expect(cache.authenticate('tok-a')).toEqual({ ok: true, caller: { keyId: 'a', label: 'a' } });
    expect(src.calls()).toBe(1);
    cache.clear();
    cache.authenticate('tok-a');
    expect(src.calls()).toBe(2);
  });

  it('never remembers a refused token, and stays bounded', () => {
    const valid = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`tok-${i}`, `k${i}`]));
    const src = counting(valid);
    const cache = cachedAuth(src.auth, 4);
    expect(cache.authenticate('guess')).toEqual({ ok: false, reason: 'unknown' });
    expect(cache.authenticate('guess')).toEqual({ ok: false, reason: 'unknown' });
    expect(src.calls()).toBe(2);
    for (let i = 0; i < 10; i++) expect(cache.authenticate(`tok-${i}`)).toMatchObject({ ok: true, caller: { keyId: `k${i}` } });
    const before = src.calls();
    cache.authenticate('tok-9'); // the newest stays remembered
    expect(src.calls()).toBe(before);
    cache.authenticate('tok-0'); // the oldest was dropped when the cache filled, and is checked again
    expect(src.calls()).toBe(before + 1);
  });
});

describe('singleTokenAccess', () => {
  it('accepts only the exact token, however often it is asked', () => {
    const access = singleTokenAccess('secret-token');
    for (let i = 0; i < 3; i++) {
      expect(access.authenticate('secret-token')).toEqual({ ok: true, caller: { keyId: 'default', label: 'Default key' } });
      expect(access.authenticate('secret-tokeN')).toEqual({ ok: false, reason: 'unknown' });
      expect(access.authenticate('secret-token ')).toEqual({ ok: false, reason: 'unknown' });
      expect(access.authenticate('')).toEqual({ ok: false, reason: 'unknown' });
    }
  });
});
