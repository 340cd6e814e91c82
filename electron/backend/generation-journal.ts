import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../fs/private-modes';
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
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
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
      const kept = entries.slice(-keep);
      try {
        writeFileAtomic(file, kept.map((e) => JSON.stringify(e)).join('\n') + '\n');
      } catch (err) {
        // The longer file stays as it was; the next start trims it.
        console.warn(`ledger journal not trimmed (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      entries = kept;
    }
  }
  let seq = entries.at(-1)?.seq ?? 0;

  function add(e: Payload) {
    const entry = { ...e, seq: ++seq, at: Date.now() } as Entry;
    entries.push(entry);
    if (entries.length > keep) entries.shift();
    try {
      appendFileSync(file, JSON.stringify(entry) + '\n', { mode: PRIVATE_FILE_MODE });
    } catch (err) {
      console.warn(`ledger journal not written (${(err as NodeJS.ErrnoException).code ?? 'error'}); kept in memory`);
    }
  }

  return {
    record: (record: GenerationRecord) => add({ kind: 'record', record }),
    reconciled: (reconciled: GenerationReconciled) => add({ kind: 'reconciled', reconciled }),
    /** Entries after `afterSeq`, oldest first, at most `limit`. */
    since(afterSeq: number, limit = 5000): Entry[] {
      const start = entries.findIndex((e) => e.seq > afterSeq);
      return start < 0 ? [] : entries.slice(start, start + limit);
    },
  };
}

export type GenerationJournal = ReturnType<typeof createGenerationJournal>;
