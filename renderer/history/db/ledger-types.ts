import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { GenerationReconciled } from '../../../shared/contract/account';

// The local usage ledger: one row per finished request (the app's own and other apps' via the local API).
// Rows are GenerationRecords as main sent them (metadata only: records never hold prompt or answer text), plus
// the answer they produced and what OpenRouter billed. A superset of history/db's GenerationRow, whose table
// stores them (history-ledger.ts).

export interface LedgerRow extends GenerationRecord {
  conversationId?: string;
  messageId?: string;
  billedCostMicros?: number; // what OpenRouter's /generation says was charged in all (fee + provider for BYOK), once reconciled
  reconciledAt?: number;
  mismatch?: boolean; // billed differs from Parley's own figure beyond tolerance
  reconcileDiffMicros?: number; // local − billed
  reconcileError?: string; // the check failed (human message)
  billedFeeMicros?: number; // BYOK through OpenRouter: OpenRouter's fee, a part of billedCostMicros
  billedProviderMicros?: number; // BYOK through OpenRouter: the provider's charge, the other part
  billedComparedMicros?: number; // the billed figure set against Parley's price (the provider's charge for BYOK)
  reconcileCauses?: string[]; // likely causes of a mismatch, in words
  loopStep?: LoopStepLink; // one model step of an answer's tool loop
}

/** Which model step of an answer's tool loop a generation was (1-based), and how many steps the loop had. */
export interface LoopStepLink {
  n: number;
  of: number;
}

export interface MessageLink {
  conversationId: string;
  messageId: string;
  loopStep?: LoopStepLink;
}

/** createdAt in [from, to); either bound may be absent; optionally one conversation's requests. */
export interface LedgerQuery {
  from?: number;
  to?: number;
  conversationId?: string;
}

export interface LedgerRepo {
  /** Stores a record; again with the same id, replaces the record's fields and keeps link and billing. */
  ingest(record: GenerationRecord): Promise<void>;
  /** Applies a reconciliation result; kept aside until its record arrives if that has not happened yet. */
  applyReconciled(result: GenerationReconciled, at?: number): Promise<void>;
  /** Notes which answer a generation produced. */
  link(generationId: string, to: MessageLink): Promise<void>;
  get(id: string): Promise<LedgerRow | undefined>;
  /** Oldest first. */
  list(query?: LedgerQuery): Promise<LedgerRow[]>;
  getSetting<T>(key: string): Promise<T | undefined>;
  putSetting(key: string, value: unknown): Promise<void>;
  /** Called after writes (rows or settings); a burst of writes may be reported once. */
  onChange(listener: () => void): () => void;
}
