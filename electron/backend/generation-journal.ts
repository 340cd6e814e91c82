import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../fs/private-modes';
import { join } from 'node:path';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import type { GenerationReconciled } from '../../shared/contract/account';

/** What is known of a request when it starts: enough for a ledger row if Parley dies before it finishes. */
export type StartedRequest = Pick<GenerationRecord, 'id' | 'createdAt' | 'requestedModel' | 'source' | 'streamed'>;

type Payload =
  | { kind: 'record'; record: GenerationRecord }
  | { kind: 'reconciled'; reconciled: GenerationReconciled }
  | { kind: 'started'; started: StartedRequest; pid?: number };
type Entry = { seq: number; at: number } & Payload;
type LedgerEntry = Exclude<Entry, { kind: 'started' }>;

export const INTERRUPTED_MESSAGE = 'Interrupted: Parley stopped before this request finished, so its usage and cost are unknown';

/** The ledger row for a request that started but never finished (the process was killed, the machine lost power). */
export function interruptedRecord(s: StartedRequest): GenerationRecord {
  return {
    id: s.id, createdAt: s.createdAt, requestedModel: s.requestedModel, model: null, upstreamId: null, upstreamKind: null, provider: null,
    attempts: [], tokens: null, costSource: 'none', costReason: 'interrupted', ttftMs: null, durationMs: 0, tokensPerSecond: null,
    finishReason: 'error', nativeFinishReason: null, isByok: false, streamed: s.streamed, cancelled: false, fallbackUsed: false,
    source: s.source, error: { code: 500, message: INTERRUPTED_MESSAGE },
  };
}

function isOtherLiveProcess(pid: number | undefined): boolean {
  if (pid === undefined || pid === process.pid) return false;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** The journal's entries, trimmed on disk to the newest `keep`. */
function readJournal(file: string, keep: number): Entry[] {
  if (!existsSync(file)) return [];
  const entries: Entry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as Entry);
    } catch {
      // A torn last line after a crash: the entries before it are intact.
    }
  }
  if (entries.length <= keep) return entries;
  const kept = entries.slice(-keep);
  try {
    writeFileAtomic(file, kept.map((e) => JSON.stringify(e)).join('\n') + '\n');
  } catch (err) {
    // The longer file stays as it was; the next start trims it.
    console.warn(`ledger journal not trimmed (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return kept;
}

/** Main's copy of the usage ledger's inputs, so requests made while no window is open (other apps through the
 * local API, reconciliations) reach the renderer's ledger later. Metadata only — records hold no prompt or
 * completion text. Append-only JSON lines, trimmed to the newest `keep` entries at start. A request whose start
 * was journaled but whose record never came (Parley was killed mid-request) becomes an "interrupted" record at the
 * next start. */
export function createGenerationJournal(dataDir: string, keep = 20_000) {
  const dir = join(dataDir, 'ledger');
  const file = join(dir, 'journal.jsonl');
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const entries = readJournal(file, keep);
  let seq = entries.reduce((max, e) => Math.max(max, e.seq), 0);
  const ledger: LedgerEntry[] = entries.filter((e): e is LedgerEntry => e.kind !== 'started');
  const unfinished = new Map<string, StartedRequest>();
  const recorded = new Set(ledger.flatMap((e) => (e.kind === 'record' ? [e.record.id] : [])));
  for (const e of entries) {
    // A request of another Parley still running on this data directory is not interrupted: it may yet finish.
    if (e.kind === 'started' && !recorded.has(e.started.id) && !isOtherLiveProcess(e.pid)) unfinished.set(e.started.id, e.started);
  }

  let torn = false;
  function add(e: Payload): Entry {
    const entry = { ...e, seq: ++seq, at: Date.now() } as Entry;
    if (entry.kind !== 'started') {
      ledger.push(entry);
      if (ledger.length > keep) ledger.shift();
    }
    try {
      // After a failed append (full disk) the file may end in half a line: start on a fresh one.
      appendFileSync(file, `${torn ? '\n' : ''}${JSON.stringify(entry)}\n`, { mode: PRIVATE_FILE_MODE });
      torn = false;
    } catch (err) {
      torn = true;
      console.warn(`ledger journal not written (${(err as NodeJS.ErrnoException).code ?? 'error'}); kept in memory`);
    }
    return entry;
  }

  // Requests the previous run started and never finished.
  for (const started of unfinished.values()) add({ kind: 'record', record: interruptedRecord(started) });
  unfinished.clear();

  return {
    /** Journals a request as it starts, so it is not lost if Parley dies before it finishes. */
    started: (r: StartedRequest) => {
      add({ kind: 'started', started: { id: r.id, createdAt: r.createdAt, requestedModel: r.requestedModel, source: r.source, streamed: r.streamed }, pid: process.pid });
    },
    record: (record: GenerationRecord) => add({ kind: 'record', record }),
    reconciled: (reconciled: GenerationReconciled) => add({ kind: 'reconciled', reconciled }),
    /** A journaled record and what OpenRouter billed for it, if reconciled (newest entries win). */
    find(id: string): { record: GenerationRecord; billedMicros?: number } | undefined {
      let billedMicros: number | undefined;
      for (let i = ledger.length - 1; i >= 0; i--) {
        const e = ledger[i]!;
        if (e.kind === 'reconciled' && e.reconciled.generationId === id && billedMicros === undefined && e.reconciled.status === 'reconciled') {
          billedMicros = e.reconciled.billedMicros ?? undefined;
        }
        if (e.kind === 'record' && e.record.id === id) return { record: e.record, ...(billedMicros !== undefined ? { billedMicros } : {}) };
      }
      return undefined;
    },
    /** Ledger entries (records and reconciliations) after `afterSeq`, oldest first, at most `limit`. */
    since(afterSeq: number, limit = 5000): LedgerEntry[] {
      const start = ledger.findIndex((e) => e.seq > afterSeq);
      return start < 0 ? [] : ledger.slice(start, start + limit);
    },
  };
}

export type GenerationJournal = ReturnType<typeof createGenerationJournal>;
