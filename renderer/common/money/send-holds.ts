// What answers still running may cost, held against the spend limits from the moment they are sent until their
// real cost is in the usage ledger, so sends in several columns and rooms cannot together pass a limit. Each hold
// is a column's worst case, counted against the overall limits and those of every provider key that could serve it
// (null: any). When the answer ends the hold becomes its real cost, kept until the ledger row with its generation
// id is read (or a minute has passed: a ledger that never gets the row must not block sending for good).

export interface HoldRequest {
  columnId: string;
  micros: number;
  providers: string[] | null;
}

interface Hold {
  micros: number;
  providers: string[] | null;
  generationId?: string;
  settledAt?: number;
}

const SETTLED_KEEP_MS = 60_000;
const holds = new Map<string, Hold>(); // answer id (or a send's column until its answer exists) → hold
let sends = 0;

export interface HeldTotals {
  overall: number;
  byProvider: Record<string, number>;
  /** Held by answers whose provider is not known: counted against every provider limit. */
  anyProvider: number;
}

/** What running answers hold now; `recorded` are the generation ids the ledger already counts. */
export function heldTotals(recorded: ReadonlySet<string>, now = Date.now()): HeldTotals {
  const out: HeldTotals = { overall: 0, byProvider: {}, anyProvider: 0 };
  for (const [id, h] of holds) {
    if (h.generationId !== undefined && (recorded.has(h.generationId) || now - h.settledAt! > SETTLED_KEEP_MS)) {
      holds.delete(id);
      continue;
    }
    out.overall += h.micros;
    if (h.providers === null) out.anyProvider += h.micros;
    else for (const p of h.providers) out.byProvider[p] = (out.byProvider[p] ?? 0) + h.micros;
  }
  return out;
}

/** The holds of one send, placed at once; `bind` hands a column's hold to the answer that was started for it. */
export interface SendTicket {
  bind(columnId: string, answerId: string): void;
  /** Releases the holds of columns that started no answer (the send failed, or a column could not start). */
  releaseUnbound(): void;
}

export function placeHolds(requests: readonly HoldRequest[]): SendTicket {
  const send = `send-${++sends}`;
  const keyOf = (columnId: string) => `${send}:${columnId}`;
  for (const r of requests) holds.set(keyOf(r.columnId), { micros: r.micros, providers: r.providers });
  return {
    bind(columnId, answerId) {
      const h = holds.get(keyOf(columnId));
      if (!h) return;
      holds.delete(keyOf(columnId));
      holds.set(answerId, h);
    },
    releaseUnbound() {
      for (const r of requests) holds.delete(keyOf(r.columnId));
    },
  };
}

/** An answer ended: its hold becomes what it really cost until the ledger has it; without a record, it is gone. */
export function settleHold(answerId: string, record: { id: string; costMicros?: number | null } | null, now = Date.now()): void {
  const h = holds.get(answerId);
  if (!h) return;
  if (!record) {
    holds.delete(answerId);
    return;
  }
  holds.set(answerId, { micros: record.costMicros ?? 0, providers: h.providers, generationId: record.id, settledAt: now });
}

/** Tests: forget every hold. */
export function resetSendHoldsForTests(): void {
  holds.clear();
}
