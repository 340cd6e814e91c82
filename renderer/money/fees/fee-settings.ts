import { DEFAULT_BYOK_FEE_SETTINGS, type ByokFeeSettings } from '../../../shared/billing/byok-fees';

// The fee comparison's rates, as the user set them (ledger setting 'byokFeeSettings'); defaults from
// shared/billing. Only valid numbers are kept, so a half-typed field never reaches the calculator.

export const FEE_SETTINGS_KEY = 'byokFeeSettings';

const okBps = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 10_000;
const okMicros = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

export function resolveFeeSettings(stored: Partial<ByokFeeSettings> | undefined): ByokFeeSettings {
  const s = { ...DEFAULT_BYOK_FEE_SETTINGS };
  if (!stored || typeof stored !== 'object') return s;
  if (okBps(stored.feeBps)) s.feeBps = stored.feeBps;
  if (okBps(stored.cardFeeBps)) s.cardFeeBps = stored.cardFeeBps;
  if (okBps(stored.cryptoFeeBps)) s.cryptoFeeBps = stored.cryptoFeeBps;
  if (okMicros(stored.cardMinFeeMicros)) s.cardMinFeeMicros = stored.cardMinFeeMicros;
  const a = stored.allowance;
  if (a === 'auto') s.allowance = a;
  else if (a && a.kind === 'none') s.allowance = a;
  else if (a && a.kind === 'list-price' && okMicros(a.micros)) s.allowance = a;
  else if (a && a.kind === 'requests' && okMicros(a.count)) s.allowance = a;
  return s;
}
