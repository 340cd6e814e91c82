import type { BulkIndex } from './bulk-build';

// Runs bulk indexing of an import file in a worker, in parallel with validation on the main thread. Any problem
// (no Worker support, CSP, a file the worker can't read, a timeout) resolves to null and the import indexes on the
// main thread instead, so this is purely a speed-up.

export interface BulkIndexJob {
  firstDn: number;
  result: Promise<BulkIndex | null>;
  cancel(): void;
}

const TIMEOUT_MS = 120_000;

export function startBulkIndexJob(text: string, firstDn: number): BulkIndexJob | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./index-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let settle: (v: BulkIndex | null) => void = () => {};
  const result = new Promise<BulkIndex | null>((resolve) => {
    settle = (v) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(v);
    };
  });
  const timer = setTimeout(() => settle(null), TIMEOUT_MS);
  worker.onmessage = (e: MessageEvent<{ ok: boolean; built?: BulkIndex }>) => settle(e.data.ok && e.data.built ? e.data.built : null);
  worker.onerror = () => settle(null);
  worker.onmessageerror = () => settle(null);
  worker.postMessage({ text, firstDn });
  return { firstDn, result, cancel: () => settle(null) };
}
