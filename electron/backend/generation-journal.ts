import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { join } from 'node:path';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import type { GenerationReconciled } from '../../shared/contract/account';

type Payload = { kind: 'record'; record: GenerationRecord } | { kind: 'reconciled'; reconciled: GenerationReconciled };
type Entry = { seq: number; at: number } & Payload;

/** Main's copy of the usage ledger's inputs, so requests made while no window is open (other apps through the
 * local API, reconciliations) reach the renderer's ledger later. Metadata only — records hold no prompt or
 * completion text. Append-only JSON lines, trimmed to the newest `keep` entries at start. */
export function createGenerationJournal(dataDir: string, keep = 20_000) {
  const dir = join(dataDir, 'ledger');
  const file = join(dir, 'journal.jsonl');
  mkdirSync(dir, { recursive: true });
  let entries: Entry[] = [];
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as Entry);
      } catch {
        // A torn last line after a crash: the entries before it are intact.
      }
    }
    if (entries.length > keep) {
      entries = entries.slice(-keep);
      writeFileAtomic(file, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    }
  }
  let seq = entries.at(-1)?.seq ?? 0;

  function add(e: Payload) {
    const entry = { ...e, seq: ++seq, at: Date.now() } as Entry;
    entries.push(entry);
    if (entries.length > keep) entries.shift();
    try {
      appendFileSync(file, JSON.stringify(entry) + '\n');
    } catch (err) {
      console.warn(`ledger journal not written (${(err as NodeJS.ErrnoException).code ?? 'error'}); kept in memory`);
    }
  }

  return {
    record: (record: GenerationRecord) => add({ kind: 'record', record }),
    reconciled: (reconciled: GenerationReconciled) => add({ kind: 'reconciled', reconciled }),
    /** A journaled record and what OpenRouter billed for it, if reconciled (newest entries win). */
    find(id: string): { record: GenerationRecord; billedMicros?: number } | undefined {
      let billedMicros: number | undefined;
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i]!;
        if (e.kind === 'reconciled' && e.reconciled.generationId === id && billedMicros === undefined && e.reconciled.status === 'reconciled') {
          billedMicros = e.reconciled.billedMicros ?? undefined;
        }
        if (e.kind === 'record' && e.record.id === id) return { record: e.record, ...(billedMicros !== undefined ? { billedMicros } : {}) };
      }
      return undefined;
    },
    /** Entries after `afterSeq`, oldest first, at most `limit`. */
    since(afterSeq: number, limit = 5000): Entry[] {
      const start = entries.findIndex((e) => e.seq > afterSeq);
      return start < 0 ? [] : entries.slice(start, start + limit);
    },
  };
}

export type GenerationJournal = ReturnType<typeof createGenerationJournal>;
