import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/write-file-atomic';
import type { GenerationReconciled } from '../../../shared/contract/account';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

// What each app key has spent, counted as the usage ledger (Activity) counts it: a request's own cost, replaced by
// what OpenRouter billed once reconciliation says. Kept per UTC day and month (as OpenRouter's key usage is) and
// over the key's whole life, in a file of its own: the journal keeps only recent requests, a credit limit must not
// forget old ones. Unpriced requests count as zero.

export interface SpendFigures {
  total: number;
  day: number;
  week: number; // since Monday, UTC
  month: number;
}

export interface KeySpendFigures {
  all: SpendFigures;
  byok: SpendFigures; // the part served with the user's own provider keys
}

type Pair = [all: number, byok: number];

interface KeySpend {
  total: Pair;
  days: Record<string, Pair>; // 'YYYY-MM-DD' (UTC)
  months: Record<string, Pair>; // 'YYYY-MM' (UTC)
}

interface Counted {
  key: string;
  at: number; // createdAt of the request
  byok: boolean;
  micros: number; // what is counted for it now
}

const KEEP_DAYS = 40;
const KEEP_MONTHS = 13;
const KEEP_COUNTED = 10_000;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

function mondayOf(ms: number): number {
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return start - ((d.getUTCDay() + 6) % 7) * 86_400_000;
}

export function createAppKeySpend(dataDir: string) {
  const file = join(dataDir, 'ledger', 'local-api-spend.json');
  let keys: Record<string, KeySpend> = {};
  let counted = new Map<string, Counted>();
  try {
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys?: Record<string, KeySpend>; counted?: [string, Counted][] };
      keys = parsed.keys ?? {};
      counted = new Map(parsed.counted ?? []);
    }
  } catch (err) {
    console.warn(`local-api-spend.json was unreadable (${(err as Error).name}); app key spend starts from zero`);
  }

  function save() {
    try {
      writeFileAtomic(file, JSON.stringify({ version: 1, keys, counted: [...counted] }));
    } catch (err) {
      console.warn(`app key spend not written (${(err as NodeJS.ErrnoException).code ?? 'error'}); kept in memory`);
    }
  }

  function add(c: Counted, delta: number) {
    if (delta === 0) return;
    const s = (keys[c.key] ??= { total: [0, 0], days: {}, months: {} });
    const bump = (p: Pair) => {
      p[0] += delta;
      if (c.byok) p[1] += delta;
    };
    bump(s.total);
    bump((s.days[dayOf(c.at)] ??= [0, 0]));
    bump((s.months[monthOf(c.at)] ??= [0, 0]));
  }

  function prune(now: number) {
    const oldestDay = dayOf(now - KEEP_DAYS * 86_400_000);
    const d = new Date(now);
    const oldestMonth = monthOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - KEEP_MONTHS, 1));
    for (const s of Object.values(keys)) {
      for (const k of Object.keys(s.days)) if (k < oldestDay) delete s.days[k];
      for (const k of Object.keys(s.months)) if (k < oldestMonth) delete s.months[k];
    }
    while (counted.size > KEEP_COUNTED) counted.delete(counted.keys().next().value!);
  }

  return {
    /** A finished local-API request: counts its cost against its key. Idempotent by generation id. */
    onRecord(record: GenerationRecord): boolean {
      if (!record.appKeyId) return false;
      const micros = record.costMicros ?? 0;
      const seen = counted.get(record.id);
      const c: Counted = seen ?? { key: record.appKeyId, at: record.createdAt, byok: record.isByok, micros: 0 };
      if (seen && seen.micros === micros) return false;
      add(c, micros - c.micros);
      c.micros = micros;
      counted.set(record.id, c);
      prune(Date.now());
      save();
      return true;
    },

    /** OpenRouter's billed figure replaces the request's own. */
    onReconciled(r: GenerationReconciled): boolean {
      const c = counted.get(r.generationId);
      if (!c || r.status !== 'reconciled' || r.billedMicros === null || r.billedMicros === c.micros) return false;
      add(c, r.billedMicros - c.micros);
      c.micros = r.billedMicros;
      save();
      return true;
    },

    figures(keyId: string, now = Date.now()): KeySpendFigures {
      const s = keys[keyId];
      const zero = (): SpendFigures => ({ total: 0, day: 0, week: 0, month: 0 });
      const out = { all: zero(), byok: zero() };
      if (!s) return out;
      const today = dayOf(now);
      const monday = dayOf(mondayOf(now));
      const month = monthOf(now);
      let week: Pair = [0, 0];
      for (const [k, p] of Object.entries(s.days)) if (k >= monday && k <= today) week = [week[0] + p[0], week[1] + p[1]];
      const day = s.days[today] ?? [0, 0];
      const mon = s.months[month] ?? [0, 0];
      out.all = { total: s.total[0], day: day[0], week: week[0], month: mon[0] };
      out.byok = { total: s.total[1], day: day[1], week: week[1], month: mon[1] };
      return out;
    },

    forget(keyId: string): void {
      delete keys[keyId];
      for (const [id, c] of counted) if (c.key === keyId) counted.delete(id);
      save();
    },
  };
}

export type AppKeySpend = ReturnType<typeof createAppKeySpend>;
