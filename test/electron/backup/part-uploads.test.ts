import { describe, it, expect } from 'vitest';
import { PartUploads } from '../../../electron/backup/part-uploads';

describe('backup parts held until the last arrives', () => {
  it('joins the parts of each upload in order, uploads kept apart', () => {
    const u = new PartUploads();
    expect(u.add('a', 0, 'hel', false)).toBeNull();
    expect(u.add('b', 0, 'wor', false)).toBeNull();
    expect(u.add('a', 1, 'lo', true)).toBe('hello');
    expect(u.add('b', 1, 'ld', true)).toBe('world');
    expect(u.received('a')).toBe(0);
  });

  it('drops an upload left unfinished, and refuses more than it may hold', () => {
    let now = 0;
    const u = new PartUploads({ idleMs: 1000, maxChars: 10 }, () => now);
    u.add('stale', 0, 'abc', false);
    now = 2000;
    u.add('fresh', 0, 'defgh', false);
    expect(u.received('stale')).toBe(0); // its 3 characters no longer count against the cap
    expect(() => u.add('fresh', 1, 'ijklmn', true)).toThrow(/larger than Parley holds/);
    expect(u.received('fresh')).toBe(0);
  });
});
