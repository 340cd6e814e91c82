import type { ImportLimits } from './export-format';

// First line of defence for files from elsewhere: size before reading, JSON syntax, nesting depth, and keys that
// could pollute prototypes — all checked before any schema or database code sees the data.

export type ImportErrorCode =
  | 'too-large'
  | 'unreadable'
  | 'not-json'
  | 'too-deep'
  | 'forbidden-key'
  | 'unsupported-format'
  | 'newer-version'
  | 'invalid'
  | 'write-failed';

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

async function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(blob);
  });
}

/** Reads the file as text, refusing it before reading when it is over the size limit. */
export async function readImportText(input: string | Blob | ArrayBuffer | Uint8Array, limits: ImportLimits): Promise<string> {
  const isBuffer = Object.prototype.toString.call(input) === '[object ArrayBuffer]';
  const size =
    typeof input === 'string' ? input.length : isBuffer ? (input as ArrayBuffer).byteLength : ArrayBuffer.isView(input) ? input.byteLength : (input as Blob).size;
  if (size > limits.maxBytes) {
    throw new ImportError('too-large', `This file is ${mb(size)}; Parley imports files up to ${mb(limits.maxBytes)}. Nothing was imported.`);
  }
  if (typeof input === 'string') return input;
  try {
    if (isBuffer || ArrayBuffer.isView(input)) return new TextDecoder('utf-8', { fatal: true }).decode(input as ArrayBuffer | Uint8Array);
    return await blobText(input as Blob);
  } catch {
    throw new ImportError('unreadable', 'This file is not UTF-8 text, so it cannot be a Parley or OpenRouter export. Nothing was imported.');
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const truncated = /end of (JSON )?input|Unterminated/i.test(detail);
    throw new ImportError(
      'not-json',
      truncated
        ? 'This file ends in the middle of the data (truncated or still downloading?). Nothing was imported.'
        : 'This file is not valid JSON (corrupted or not an export). Nothing was imported.',
      [detail],
    );
  }
}

interface Frame {
  v: unknown;
  depth: number;
  parent: Frame | null;
  key: string | number;
}

function pathOf(f: Frame | null): string {
  const parts: string[] = [];
  for (let cur = f; cur && cur.parent; cur = cur.parent) parts.push(typeof cur.key === 'number' ? `[${cur.key}]` : `.${cur.key}`);
  return `$${parts.reverse().join('')}`;
}

/** Walks the parsed value without recursion: depth limit and forbidden keys (paths are built only for errors). */
export function scanStructure(value: unknown, limits: ImportLimits): void {
  const stack: Frame[] = [{ v: value, depth: 0, parent: null, key: '' }];
  while (stack.length) {
    const f = stack.pop()!;
    const v = f.v;
    if (v === null || typeof v !== 'object') continue;
    if (f.depth >= limits.maxDepth) {
      throw new ImportError('too-deep', `This file nests data more than ${limits.maxDepth} levels deep (at ${pathOf(f)}); a Parley export never does. Nothing was imported.`);
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        if (item !== null && typeof item === 'object') stack.push({ v: item, depth: f.depth + 1, parent: f, key: i });
      }
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new ImportError('forbidden-key', `This file contains the key "${key}" (at ${pathOf(f)}), which Parley refuses for safety. Nothing was imported.`);
      }
      const item = (v as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push({ v: item, depth: f.depth + 1, parent: f, key });
    }
  }
}

/** "conversations[0].messages[3].seq: Invalid input…" lines from zod issues. */
export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[], max = 5): string[] {
  return issues.slice(0, max).map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `${path || '(top level)'}: ${i.message}`;
  });
}
