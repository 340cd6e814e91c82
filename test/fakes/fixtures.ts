import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Recorded provider streams (test/fixtures/provider-streams; see its README for the format, NOTICE for the licence).

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/provider-streams');

const cache = new Map<string, string>();

export function fixturePath(name: string): string {
  return path.isAbsolute(name) ? name : path.join(FIXTURES_DIR, name);
}

export function readFixture(name: string): string {
  const p = fixturePath(name);
  let text = cache.get(p);
  if (text === undefined) {
    text = readFileSync(p, 'utf8');
    cache.set(p, text);
  }
  return text;
}

/** The JSON payload lines of a *.chunks.txt file. */
export function fixtureLines(name: string): string[] {
  return readFixture(name).split('\n').filter((l) => l.trim() !== '');
}
