import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppKeyStore, type StoredAppKey } from '../../../../electron/backend/app-keys/app-key-store';
import { createAppKeySpend } from '../../../../electron/backend/app-keys/app-key-spend';
import { credits, keyInfo, refusal } from '../../../../electron/backend/app-keys/app-key-limits';
import { createAppKeys } from '../../../../electron/backend/app-keys/app-keys';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';

const dir = () => mkdtempSync(join(tmpdir(), 'parley-app-keys-'));
const record = (id: string, appKeyId: string, costMicros: number | undefined, createdAt: number, isByok = false) =>
  ({ id, appKeyId, costMicros, createdAt, isByok, source: 'local-api' }) as unknown as GenerationRecord;
const reconciled = (generationId: string, billedMicros: number | null, status: 'reconciled' | 'failed' = 'reconciled') =>
  ({ generationId, status, billedMicros, localMicros: null, mismatch: false, diffMicros: null, provider: null, nativeTokens: null, error: null });

describe('app key store', () => {
  it('keeps only a hash of each token, across a restart', () => {
    const d = dir();
    const store = createAppKeyStore(d, {});
    const { key, token } = store.create({ label: 'Notebook', dailyMicros: 2_000_000 });
    const onDisk = readFileSync(join(d, 'local-api-keys.json'), 'utf8');
    expect(onDisk).not.toContain(token);
    expect(onDisk).not.toContain(token.slice(-20));
    const again = createAppKeyStore(d, {});
    expect(again.authenticate(token)).toEqual({ ok: true, caller: { keyId: key.id, label: 'Notebook' } });
    expect(again.authenticate(`${token}x`)).toEqual({ ok: false, reason: 'unknown' });
    again.update({ id: key.id, disabled: true, label: 'Old notebook' });
    expect(createAppKeyStore(d, {}).authenticate(token)).toEqual({ ok: false, reason: 'disabled' });
    expect(again.get(key.id)).toMatchObject({ label: 'Old notebook', dailyMicros: 2_000_000, limitMicros: null });
  });
});

describe('app key store: a change to a key applies to the very next request', () => {
  it('refuses a key that was disabled or deleted right after it was accepted, and names it by its new label', () => {
    const store = createAppKeyStore(dir(), {});
    const a = store.create({ label: 'Editor' });
    const b = store.create({ label: 'Bot' });
    expect(store.authenticate(a.token)).toEqual({ ok: true, caller: { keyId: a.key.id, label: 'Editor' } });
    expect(store.authenticate(b.token)).toEqual({ ok: true, caller: { keyId: b.key.id, label: 'Bot' } });
    store.update({ id: a.key.id, label: 'Code editor' });
    expect(store.authenticate(a.token)).toEqual({ ok: true, caller: { keyId: a.key.id, label: 'Code editor' } });
    store.update({ id: a.key.id, disabled: true });
    expect(store.authenticate(a.token)).toEqual({ ok: false, reason: 'disabled' });
    store.update({ id: a.key.id, disabled: false });
    expect(store.authenticate(a.token)).toMatchObject({ ok: true });
    store.remove(b.key.id);
    expect(store.authenticate(b.token)).toEqual({ ok: false, reason: 'unknown' });
    expect(store.authenticate(a.token)).toMatchObject({ ok: true });
  });
});

describe('app key spend', () => {
  const day = Date.UTC(2026, 10, 27, 12); // a Friday

  it('counts each request once, per UTC day, week and month, and replaces it with what OpenRouter billed', () => {
    const d = dir();
    const spend = createAppKeySpend(d);
    spend.onRecord(record('gen-1', 'k1', 100, day - 86_400_000 * 4)); // Monday, same week and month
    spend.onRecord(record('gen-2', 'k1', 50, day, true));
    spend.onRecord(record('gen-2', 'k1', 50, day, true)); // the same record again
    spend.onRecord(record('gen-3', 'k2', 7, day));
    spend.onRecord(record('gen-4', 'k1', undefined, day)); // unpriced counts zero
    expect(spend.figures('k1', day)).toEqual({
      all: { total: 150, day: 50, week: 150, month: 150 },
      byok: { total: 50, day: 50, week: 50, month: 50 },
    });
    spend.onReconciled(reconciled('gen-2', 80));
    spend.onReconciled(reconciled('gen-2', 80));
    spend.onReconciled(reconciled('gen-1', null, 'failed'));
    expect(createAppKeySpend(d).figures('k1', day).all).toEqual({ total: 180, day: 80, week: 180, month: 180 });
    // A new UTC month starts from zero, the total does not.
    expect(spend.figures('k1', Date.UTC(2026, 11, 1, 0, 0, 1)).all).toEqual({ total: 180, day: 0, week: 0, month: 0 });
    expect(spend.figures('k2', day).all.total).toBe(7);
  });
});

describe('app key limits', () => {
  const key = (over: Partial<StoredAppKey>): StoredAppKey => ({
    id: 'k', label: 'Bot', hash: 'h', hint: '••••', createdAt: 0, disabled: false, source: 'created',
    limitMicros: null, dailyMicros: null, monthlyMicros: null, ...over,
  });
  const spent = (total: number, dayMicros: number, month: number) => ({
    all: { total, day: dayMicros, week: dayMicros, month }, byok: { total: 0, day: 0, week: 0, month: 0 },
  });
  const now = Date.UTC(2026, 10, 27, 12);

  it('refuses once any limit is used up, saying which and when it resets', () => {
    expect(refusal(key({ dailyMicros: 1_000_000 }), spent(5_000_000, 999_999, 5_000_000), now)).toBeUndefined();
    const daily = refusal(key({ dailyMicros: 1_000_000 }), spent(5_000_000, 1_000_000, 5_000_000), now)!;
    expect(daily).toMatchObject({
      status: 402,
      error: { code: 402, metadata: { error_type: 'payment_required', limit_source: 'key_daily_budget', limit_usd: 1, spend_usd: 1, resets_at: '2026-11-28T00:00:00.000Z' } },
    });
    expect(daily.error.message).toBe('App key "Bot" has used its daily budget: $1.00 of $1.00. It resets at 2026-11-28T00:00:00.000Z.');
    expect(refusal(key({ monthlyMicros: 3_000_000 }), spent(3_000_000, 0, 3_000_000), now)!.error.metadata).toMatchObject({ limit_source: 'key_monthly_budget', resets_at: '2026-12-01T00:00:00.000Z' });
    expect(refusal(key({ limitMicros: 2_000_000 }), spent(2_500_000, 0, 0), now)!.error.metadata).toMatchObject({ limit_source: 'key_limit', resets_at: null });
  });

  it('reports the tightest remaining amount in /key and /credits', () => {
    const k = key({ limitMicros: 10_000_000, dailyMicros: 1_500_000 });
    expect(keyInfo(k, spent(4_000_000, 1_000_000, 4_000_000), now)).toMatchObject({
      limit: 10, limit_reset: null, limit_remaining: 0.5, usage: 4, usage_daily: 1, credit_limit: 10, daily_limit: 1.5, monthly_limit: null,
    });
    expect(credits(k, spent(4_000_000, 1_000_000, 4_000_000), now)).toEqual({ total_credits: 4.5, total_usage: 4 });
    expect(keyInfo(key({ monthlyMicros: 2_000_000 }), spent(0, 0, 0), now)).toMatchObject({ limit: 2, limit_reset: 'monthly', limit_remaining: 2 });
    expect(keyInfo(key({}), spent(1, 1, 1), now)).toMatchObject({ limit: null, limit_remaining: null });
    expect(credits(key({}), spent(1, 1, 1), now)).toBeUndefined();
  });
});

describe('app key holds', () => {
  const unknown = (atLeastMicros = 0) => () => ({ known: false as const, atLeastMicros });
  const known = (micros: number) => () => ({ known: true as const, micros });

  it('holds the Settings cap for a request whose cost cannot be bounded, or its known part if more', () => {
    let cap = 300;
    const keys = createAppKeys({ dataDir: dir(), env: {}, unknownCostCapMicros: () => cap });
    const { key } = keys.create({ label: 'Unpriced', limitMicros: 500 });
    const caller = { keyId: key.id, label: key.label };
    const first = keys.access.admit!(caller, unknown());
    expect(first.ok).toBe(true);
    expect(keys.keyInfo(caller)).toMatchObject({ reserved: 0.0003, usage: 0, limit_remaining: 0.0005 });
    const second = keys.access.admit!(caller, unknown());
    expect(second).toMatchObject({ ok: false, error: { status: 402, error: { metadata: { needed_usd: 0.0003, reserved_usd: 0.0003, remaining_usd: 0.0002 } } } });
    const release = first.ok ? first.release : () => {};
    release();
    release(); // twice: still released once
    expect(keys.keyInfo(caller)).toMatchObject({ reserved: 0 });
    cap = 100;
    expect(keys.access.admit!(caller, unknown(450))).toMatchObject({ ok: true });
    expect(keys.keyInfo(caller)).toMatchObject({ reserved: 0.00045 });
    expect(keys.access.admit!(caller, known(50))).toMatchObject({ ok: true }); // 450 + 50 = the limit exactly
    expect(keys.access.admit!(caller, known(1))).toMatchObject({ ok: false });
  });

  it('holds nothing for keys without limits, and never works out their worst case', () => {
    const keys = createAppKeys({ dataDir: dir(), env: {} });
    const { key } = keys.create({ label: 'Free rein' });
    let asked = 0;
    const admitted = keys.access.admit!({ keyId: key.id, label: key.label }, () => {
      asked += 1;
      return { known: true, micros: 1e9 };
    });
    expect(admitted.ok).toBe(true);
    expect(asked).toBe(0);
    expect(keys.keyInfo({ keyId: key.id, label: key.label })).toMatchObject({ reserved: 0 });
  });
});
