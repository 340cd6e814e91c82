import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../fs/private-modes';
import { join } from 'node:path';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import type { GenerationReconciled } from '../../shared/contract/account';
import { interruptedRecord, type ServedFacts, type StartedRequest, type UnfinishedRequest } from './interrupted/interrupted-record';

export { INTERRUPTED_MESSAGE, INTERRUPTED_ESTIMATED_MESSAGE, interruptedRecord, type StartedRequest, type ServedFacts } from './interrupted/interrupted-record';

type Payload =
  | { kind: 'record'; record: GenerationRecord }
  | { kind: 'reconciled'; reconciled: GenerationReconciled }
  | { kind: 'started'; started: StartedRequest; pid?: number }
  // A started request's progress, kept only until it finishes: who serves it, and the tokens it has relayed.
  | { kind: 'serving'; id: string; served: ServedFacts }
  | { kind: 'progress'; id: string; completionTokens: number };
type Entry = { seq: number; at: number } & Payload;
type LedgerEntry = Extract<Entry, { kind: 'record' | 'reconciled' }>;
type ProgressEntry = Exclude<Entry, LedgerEntry>;

const isLedger = (e: Entry): e is LedgerEntry => e.kind === 'record' || e.kind === 'reconciled';
const progressId = (e: ProgressEntry): string => (e.kind === 'started' ? e.started.id : e.id);

function isOtherLiveProcess(pid: number | undefined): boolean {
  if (pid === undefined || pid === process.pid) return false;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** The journal's entries; a torn last line (a crash mid-write) is skipped. */
function readJournal(file: string): Entry[] {
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
  return entries;
}

/** Rewrites the journal as the newest `keep` ledger entries and the progress of requests still running elsewhere,
 * when the file holds more than that (progress lines of finished requests are useful only until they finish). */
function compact(file: string, entries: Entry[], keep: number, running: Set<string>): Entry[] {
  const ledgerCount = entries.reduce((n, e) => n + (isLedger(e) ? 1 : 0), 0);
  if (ledgerCount <= keep && entries.length - ledgerCount <= Math.max(keep / 4, 1_000)) return entries;
  let skip = Math.max(0, ledgerCount - keep);
  const kept = entries.filter((e) => {
    if (!isLedger(e)) return running.has(progressId(e));
    return skip-- <= 0;
  });
  try {
    writeFileAtomic(file, kept.map((e) => JSON.stringify(e)).join('\n') + '\n');
  } catch (err) {
    // The longer file stays as it was; the next start compacts it.
    console.warn(`ledger journal not trimmed (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return kept;
}

/** Main's copy of the usage ledger's inputs, so requests made while no window is open (other apps through the
 * local API, reconciliations) reach the renderer's ledger later. Metadata only — records hold no prompt or
 * completion text, progress lines only counts. Append-only JSON lines, compacted at start to the newest `keep`
 * ledger entries. A request whose start was journaled but whose record never came (Parley was killed
 * mid-request) becomes an "interrupted" record at the next start, priced from its journaled progress. */
export function createGenerationJournal(dataDir: string, keep = 20_000) {
  const dir = join(dataDir, 'ledger');
  const file = join(dir, 'journal.jsonl');
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const entries = readJournal(file);
  let seq = entries.reduce((max, e) => Math.max(max, e.seq), 0);
  const recorded = new Set(entries.flatMap((e) => (e.kind === 'record' ? [e.record.id] : [])));
  const unfinished = new Map<string, UnfinishedRequest>();
  const running = new Set<string>(); // started by another Parley still running on this data directory
  for (const e of entries) {
    if (isLedger(e)) continue;
    const id = progressId(e);
    if (recorded.has(id)) continue;
    if (e.kind === 'started') {
      // A request of another live process is not interrupted: it may yet finish.
      if (isOtherLiveProcess(e.pid)) running.add(id);
      else unfinished.set(id, { started: e.started, lastAt: e.at });
      continue;
    }
    const u = unfinished.get(id);
    if (!u) continue;
    u.lastAt = e.at;
    if (e.kind === 'serving') u.served = e.served;
    else u.completionTokens = e.completionTokens;
  }
  const ledger: LedgerEntry[] = entries.filter(isLedger);
  const open = new Set<string>(); // this run's requests not yet recorded

  let torn = false;
  function add(e: Payload): Entry {
    const entry = { ...e, seq: ++seq, at: Date.now() } as Entry;
    if (isLedger(entry)) {
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
  const recovered: GenerationRecord[] = [];
  for (const u of unfinished.values()) {
    const record = interruptedRecord(u);
    entries.push(add({ kind: 'record', record }));
    recovered.push(record);
  }
  unfinished.clear();
  compact(file, entries, keep, running);
  if (ledger.length > keep) ledger.splice(0, ledger.length - keep);

  return {
    /** The interrupted records this start made (requests the previous run never finished). */
    recovered: recovered as readonly GenerationRecord[],
    /** Journals a request as it starts, so it is not lost if Parley dies before it finishes. */
    started: (r: StartedRequest) => {
      const started: StartedRequest = { id: r.id, createdAt: r.createdAt, requestedModel: r.requestedModel, source: r.source, streamed: r.streamed };
      if (r.appKeyId !== undefined) started.appKeyId = r.appKeyId;
      if (r.promptTokens !== undefined) started.promptTokens = r.promptTokens;
      open.add(r.id);
      add({ kind: 'started', started, pid: process.pid });
    },
    /** The endpoint a started request is being served by, with its price. */
    serving: (id: string, served: ServedFacts) => {
      if (open.has(id)) add({ kind: 'serving', id, served });
    },
    /** The tokens a started request has relayed so far (the caller throttles these). */
    progress: (id: string, completionTokens: number) => {
      if (open.has(id)) add({ kind: 'progress', id, completionTokens });
    },
    record: (record: GenerationRecord) => {
      open.delete(record.id);
      return add({ kind: 'record', record });
    },
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
