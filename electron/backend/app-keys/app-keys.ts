import type { Admission, ApiCaller, LocalApiAccess, WorstCase } from '../../engine';
import type { AppKeyCreate, AppKeySummary, AppKeyUpdate } from '../../../shared/contract/app-keys';
import type { GenerationReconciled } from '../../../shared/contract/account';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { createAppKeySpend } from './app-key-spend';
import { createAppKeyStore, type StoredAppKey } from './app-key-store';
import { credits, keyInfo, refusal } from './app-key-limits';
import { createAppKeyReservations } from './app-key-reservations';
import { DEFAULT_UNKNOWN_COST_CAP_MICROS } from '../../../shared/billing/budgets';

const hasLimits = (k: StoredAppKey) => k.limitMicros !== null || k.dailyMicros !== null || k.monthlyMicros !== null;

/** The local API's app keys as main runs them: the store, what each key spent, and its limits — for the API's
 * gate and /key, /credits, and for Settings (summaries without any token). */
export function createAppKeys(opts: {
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  onChange?: (keys: AppKeySummary[]) => void;
  /** What to hold for a request whose worst-case cost cannot be bounded (unknown price or output limit). */
  unknownCostCapMicros?: () => number;
}) {
  const store = createAppKeyStore(opts.dataDir, opts.env);
  const spend = createAppKeySpend(opts.dataDir);
  const reservations = createAppKeyReservations();
  const capOf = () => opts.unknownCostCapMicros?.() ?? DEFAULT_UNKNOWN_COST_CAP_MICROS;
  const needOf = (w: WorstCase) => (w.known ? w.micros : Math.max(w.atLeastMicros, capOf()));

  function summary(k: StoredAppKey): AppKeySummary {
    const s = spend.figures(k.id);
    return {
      id: k.id, label: k.label, hint: k.hint, createdAt: k.createdAt, disabled: k.disabled, source: k.source,
      limitMicros: k.limitMicros, dailyMicros: k.dailyMicros, monthlyMicros: k.monthlyMicros,
      spend: { totalMicros: s.all.total, todayMicros: s.all.day, monthMicros: s.all.month },
    };
  }
  const list = () => store.list().map(summary);
  const changed = () => opts.onChange?.(list());

  const access: LocalApiAccess = {
    authenticate: (token) => store.authenticate(token),
    // Check and hold in one synchronous step, so requests arriving together cannot all pass on the same headroom.
    admit(caller: ApiCaller, worstCase: () => WorstCase): Admission {
      const key = store.get(caller.keyId);
      if (!key || !hasLimits(key)) return { ok: true, release: () => {} };
      const needMicros = needOf(worstCase());
      const error = refusal(key, spend.figures(key.id), Date.now(), { needMicros, reservedMicros: reservations.reserved(key.id) });
      if (error) return { ok: false, error };
      return { ok: true, release: reservations.hold(key.id, needMicros) };
    },
  };

  return {
    list,
    access,
    /** Makes the first key if Parley never had one (and tells Settings); returns the token to print, if any. */
    ensureFirstKey(): string | undefined {
      const before = store.list().length;
      const token = store.ensureFirstKey();
      if (store.list().length !== before) changed();
      return token;
    },
    create(input: AppKeyCreate): { key: AppKeySummary; token: string } {
      const { key, token } = store.create(input);
      changed();
      return { key: summary(key), token };
    },
    update(patch: AppKeyUpdate): AppKeySummary | undefined {
      const key = store.update(patch);
      if (key) changed();
      return key && summary(key);
    },
    remove(id: string): boolean {
      const removed = store.remove(id);
      if (removed) {
        spend.forget(id);
        changed();
      }
      return removed;
    },
    /** GET /key and /credits for the calling key. */
    keyInfo(caller: ApiCaller) {
      const key = store.get(caller.keyId);
      return key && keyInfo(key, spend.figures(key.id), Date.now(), reservations.reserved(key.id));
    },
    credits(caller: ApiCaller) {
      const key = store.get(caller.keyId);
      return key && credits(key, spend.figures(key.id));
    },
    onRecord(record: GenerationRecord): void {
      if (spend.onRecord(record)) changed();
    },
    onReconciled(r: GenerationReconciled): void {
      if (spend.onReconciled(r)) changed();
    },
  };
}

export type AppKeys = ReturnType<typeof createAppKeys>;
