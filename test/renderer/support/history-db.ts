import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { ParleyDb, setParleyDb, closeParleyDb } from '../../../renderer/history/db/database';
import { createConversation } from '../../../renderer/history/db/conversations';
import type { ColumnConfig } from '../../../renderer/history/db/types';

let counter = 0;

export interface Faults {
  /** throw a QuotaExceededError from the next `count` writes to `table` (Infinity: until cleared), after letting
   * the first `after` of them through; `how: 'per-row'` fails each row of a write instead, as IndexedDB does in a
   * bulk write (Dexie then throws a BulkError) */
  failWrites(table: string, count?: number, opts?: { after?: number; how?: 'whole' | 'per-row' }): void;
  clear(): void;
  /** writes (mutate calls) that reached each table */
  writes: Map<string, number>;
}

export function quotaError(): Error {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** A fresh, uniquely named database set as the history API's current one, with write fault injection. */
export async function freshDb(): Promise<{ db: ParleyDb; faults: Faults; name: string }> {
  closeParleyDb();
  const name = `parley-test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`;
  const db = new ParleyDb(name);
  const failing = new Map<string, number>();
  const passing = new Map<string, number>();
  const perRow = new Set<string>();
  const faults: Faults = {
    writes: new Map(),
    failWrites(table, count = Infinity, { after = 0, how = 'whole' } = {}) {
      failing.set(table, count);
      passing.set(table, after);
      if (how === 'per-row') perRow.add(table);
      else perRow.delete(table);
    },
    clear() {
      failing.clear();
      passing.clear();
      perRow.clear();
    },
  };
  db.use({
    stack: 'dbcore',
    name: 'test-faults',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(tableName: string) {
          const t = down.table(tableName);
          return {
            ...t,
            mutate(req: DBCoreMutateRequest) {
              const left = failing.get(tableName) ?? 0;
              const through = passing.get(tableName) ?? 0;
              if (left > 0 && through > 0) passing.set(tableName, through - 1);
              else if (left > 0) {
                failing.set(tableName, left - 1);
                if (perRow.has(tableName) && req.type !== 'deleteRange') {
                  const n = req.type === 'delete' ? req.keys.length : req.values.length;
                  const failures = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, quotaError()]));
                  return Promise.resolve({ numFailures: n, failures, results: [], lastResult: undefined });
                }
                return Promise.reject(quotaError());
              }
              faults.writes.set(tableName, (faults.writes.get(tableName) ?? 0) + 1);
              return t.mutate(req);
            },
          };
        },
      };
    },
  });
  await db.open();
  setParleyDb(db);
  return { db, faults, name };
}

export const COLUMNS: ColumnConfig[] = [
  { id: 'colA', model: 'openai/gpt-5', label: 'GPT', settings: { temperature: 0.7 } },
  { id: 'colB', model: 'anthropic/claude-sonnet-4.5:thinking', settings: { reasoningEffort: 'high', provider: { order: ['anthropic'] } } },
];

export async function newConversation(title = 'Test chat') {
  return createConversation({ title, columns: COLUMNS });
}

/** A scheduler the test advances by hand, with its own clock. */
export function manualScheduler() {
  let time = 1_000_000;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => time,
    set(fn: () => void, ms: number) {
      const id = ++seq;
      timers.set(id, { at: time + ms, fn });
      return id;
    },
    clear(h: unknown) {
      timers.delete(h as number);
    },
    pending: () => timers.size,
    /** moves the clock forward, firing due timers in order */
    advance(ms: number) {
      const target = time + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = Math.max(time, due[1].at);
        due[1].fn();
      }
      time = target;
    },
  };
}

/** Lets pending IndexedDB work settle. */
export async function settle(rounds = 20) {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
