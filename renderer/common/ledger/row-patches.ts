import type { GenerationReconciled } from '../../../shared/contract/account';
import type { LedgerRow, MessageLink } from '../../history/db/ledger-types';

// What a reconciliation result or a message link changes on a ledger row, as pure functions the ledger
// (history-ledger.ts) applies to stored rows and to patches that arrive before their record.

const KEPT = [
  'conversationId', 'messageId', 'billedCostMicros', 'reconciledAt', 'mismatch', 'reconcileDiffMicros', 'reconcileError',
  'billedFeeMicros', 'billedProviderMicros', 'billedComparedMicros', 'reconcileCauses', 'loopStep',
] as const;

export type RowPatch = Partial<Pick<LedgerRow, (typeof KEPT)[number]>>;

export function linkPatch(to: MessageLink): RowPatch {
  return { conversationId: to.conversationId, messageId: to.messageId, ...(to.loopStep ? { loopStep: to.loopStep } : {}) };
}

/** A failed check never erases a billed figure already known. */
export function reconciledPatch(r: GenerationReconciled, at: number, current: RowPatch = {}): RowPatch {
  if (r.status === 'failed') {
    return current.billedCostMicros !== undefined ? {} : { reconcileError: r.error ?? 'OpenRouter did not report what it billed' };
  }
  const patch: RowPatch = { reconciledAt: at, mismatch: r.mismatch, reconcileError: undefined, reconcileCauses: r.causes?.length ? r.causes : undefined };
  if (r.billedMicros !== null) patch.billedCostMicros = r.billedMicros;
  if (r.diffMicros !== null) patch.reconcileDiffMicros = r.diffMicros;
  if (typeof r.billedFeeMicros === 'number' && typeof r.billedProviderMicros === 'number') {
    patch.billedFeeMicros = r.billedFeeMicros;
    patch.billedProviderMicros = r.billedProviderMicros;
  }
  if (typeof r.comparedMicros === 'number') patch.billedComparedMicros = r.comparedMicros;
  return patch;
}

/** The fields a row keeps when its record is ingested again. */
export function keptFields(row: LedgerRow | undefined): RowPatch {
  if (!row) return {};
  const out: RowPatch = {};
  for (const k of KEPT) {
    if (row[k] !== undefined) (out as Record<string, unknown>)[k] = row[k];
  }
  return out;
}

/** Drops keys whose value is undefined (so a patch can clear a field by naming it). */
export function applyPatch<T extends object>(row: T, patch: RowPatch): T {
  const next = { ...row, ...patch } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
  return next as T;
}
