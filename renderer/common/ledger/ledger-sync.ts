import type { ParleyBridge } from '../../../shared/contract/bridge';
import type { StreamSnapshot } from '../../../shared/contract/chat';
import type { LedgerRepo } from '../../history/db/ledger-types';
import { generationRecordSchema, type GenerationRecord } from '../../../shared/openrouter/generation';
import { LEDGER_ADVICE, tellWhenDiskFull } from '../../history/db/events';

// Feeds the ledger from main: every finished request (generation.recorded, including other apps' through the
// local API), OpenRouter's billed figures (generation.reconciled), and which answer a generation produced
// (chat.finished / chat.active carry the stream's conversation and message). Writes are applied in arrival
// order; every write is idempotent by generation id, so a record seen twice is stored once.

export interface LedgerSync {
  stop(): void;
  /** Resolves when every event received so far is stored. */
  idle(): Promise<void>;
}

const JOURNAL_SEQ_KEY = 'ledger.journalSeq';

/** The ledger stores only records that pass the contract's schema (a journal written by an older or damaged
 * Parley may hold anything). */
function validRecord(x: unknown): GenerationRecord | undefined {
  const parsed = generationRecordSchema.safeParse(x);
  return parsed.success ? parsed.data : undefined;
}

export function startLedgerSync(b: ParleyBridge, repo: LedgerRepo): LedgerSync {
  let queue: Promise<void> = Promise.resolve();
  const run = (what: string, fn: () => Promise<void>) => {
    queue = queue.then(() => tellWhenDiskFull('ledger', LEDGER_ADVICE, fn)).catch((err: unknown) => console.error(`ledger: could not store ${what}:`, (err as Error)?.message ?? String(err)));
  };

  const fromSnapshot = (s: StreamSnapshot) => {
    const record = validRecord(s.record);
    const link = { conversationId: s.meta.conversationId, messageId: s.meta.messageId };
    // A tool loop's answer is every model step: each step's record is linked to the answer, numbered.
    const steps = (s.toolSteps ?? []).flatMap((step) => {
      const r = validRecord(step.record);
      return r ? [r] : [];
    });
    if (steps.length > 0) {
      run('a tool loop’s steps', async () => {
        for (const [i, r] of steps.entries()) {
          await repo.ingest(r);
          await repo.link(r.id, { ...link, loopStep: { n: i + 1, of: steps.length } });
        }
      });
    }
    if (!record || steps.some((r) => r.id === record.id)) return;
    run('a finished answer', async () => {
      await repo.ingest(record);
      await repo.link(record.id, link);
    });
  };

  const offs = [
    b.on('generation.recorded', (e) => {
      const record = validRecord(e.record);
      if (record) run('a generation', () => repo.ingest(record));
      else console.warn('ledger: ignored a generation.recorded event without a usable record');
    }),
    b.on('generation.reconciled', (r) => run('a reconciliation', () => repo.applyReconciled(r))),
    b.on('chat.finished', fromSnapshot),
  ];
  // Answers that finished while no window was listening are still held by main until acknowledged.
  run('answers held by main', async () => {
    const active = await b.invoke('chat.active', {});
    for (const s of active) fromSnapshot(s);
  });
  // Requests other apps made through the local API, and reconciliations, while no window was open: main journals
  // them; catch up from the last entry this ledger stored.
  run('requests journaled by main', async () => {
    let after = Number((await repo.getSetting(JOURNAL_SEQ_KEY)) ?? 0) || 0;
    for (;;) {
      const batch = await b.invoke('generations.since', { afterSeq: after, limit: 1000 });
      if (batch.length === 0) break;
      for (const e of batch) {
        const record = e.kind === 'record' ? validRecord(e.record) : undefined;
        if (record) await repo.ingest(record);
        else if (e.kind === 'reconciled' && e.reconciled) await repo.applyReconciled(e.reconciled);
        after = e.seq;
      }
      await repo.putSetting(JOURNAL_SEQ_KEY, after);
    }
  });

  return {
    stop: () => {
      for (const off of offs) off();
    },
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
  };
}
