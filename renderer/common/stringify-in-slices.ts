// JSON.stringify for a large value without one long task: the containers down to `depth` levels are walked here and
// everything below them is written by JSON.stringify, one item at a time, yielding to the page every few hundred
// items. For an export (file → conversations → conversation → messages → message), depth 4 writes each message on its own, so
// a 10,000-message room no longer freezes the page while it is backed up. The text is exactly JSON.stringify's.

import { nextTask } from './next-task';

const ITEMS_PER_SLICE = 200;

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export async function stringifyInSlices(value: unknown, depth: number, yieldTo: () => Promise<void> = nextTask): Promise<string> {
  const parts: string[] = [];
  let written = 0;
  async function write(v: unknown, level: number): Promise<void> {
    const walk = level < depth && v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
    if (!walk) {
      parts.push(JSON.stringify(v));
      if (++written % ITEMS_PER_SLICE === 0) await yieldTo();
      return;
    }
    if (Array.isArray(v)) {
      parts.push('[');
      for (let i = 0; i < v.length; i++) {
        if (i) parts.push(',');
        if (skipped(v[i])) parts.push('null');
        else await write(v[i], level + 1);
      }
      parts.push(']');
      return;
    }
    parts.push('{');
    let first = true;
    for (const [k, item] of Object.entries(v as object)) {
      if (skipped(item)) continue;
      parts.push(`${first ? '' : ','}${JSON.stringify(k)}:`);
      first = false;
      await write(item, level + 1);
    }
    parts.push('}');
  }
  if (skipped(value)) return JSON.stringify(value) as unknown as string;
  await write(value, 0);
  return parts.join('');
}
