import { microsToUsd } from '../../../shared/billing/money';
import { shownCost } from '../../../shared/billing/shown-cost';
import type { LedgerRow } from '../../history/db/ledger-types';
import { keyOf, modelOf, providerOf, rowCost } from './aggregate';

// The ledger as CSV (RFC 4180, CRLF). Metadata only: the ledger holds no prompt text, and no column names or
// holds a key (upstream ids are names such as "openrouter"). Text that a spreadsheet would run as a formula
// (=, +, -, @ first) is prefixed with an apostrophe; other apps name models through the local API.

function text(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const num = (v: number | null | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const usd = (v: number | null | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? microsToUsd(v) : '');
const bool = (v: boolean | undefined): string => (v ? 'true' : 'false');

const COLUMNS: [string, (r: LedgerRow) => string][] = [
  ['id', (r) => text(r.id)],
  ['created_at', (r) => new Date(r.createdAt).toISOString()],
  ['source', (r) => text(r.source)],
  ['requested_model', (r) => text(r.requestedModel)],
  ['model', (r) => text(modelOf(r))],
  ['provider', (r) => text(providerOf(r))],
  ['key', (r) => text(keyOf(r))],
  ['byok', (r) => bool(r.isByok)],
  ['tokens_in', (r) => num(r.tokens?.prompt)],
  ['tokens_out', (r) => num(r.tokens?.completion)],
  ['cache_read_tokens', (r) => num(r.tokens?.cacheRead)],
  ['cache_write_tokens', (r) => num(r.tokens?.cacheWrite)],
  ['reasoning_tokens', (r) => num(r.tokens?.reasoning)],
  ['tokens_estimated', (r) => bool(r.tokens?.estimated)],
  ['cost_usd', (r) => usd(rowCost(r))],
  ['local_cost_usd', (r) => usd(r.costMicros)],
  ['billed_cost_usd', (r) => usd(r.billedCostMicros)],
  ['cost_source', (r) => text(shownCost(r).source)],
  ['cost_unknown_reason', (r) => text(rowCost(r) === undefined ? (shownCost(r).reason ?? 'unknown') : '')],
  ['mismatch', (r) => bool(r.mismatch)],
  ['finish_reason', (r) => text(r.finishReason)],
  ['error_code', (r) => num(r.error?.code)],
  ['ttft_ms', (r) => num(r.ttftMs)],
  ['duration_ms', (r) => num(r.durationMs)],
  ['conversation_id', (r) => text(r.conversationId)],
  ['message_id', (r) => text(r.messageId)],
  // Added columns (appended, so older spreadsheets keep their column letters):
  ['parley_price_usd', (r) => usd(r.computedCostMicros)],
  ['provider_cost_usd', (r) => usd(shownCost(r).parts?.providerMicros)],
  ['openrouter_fee_usd', (r) => usd(shownCost(r).parts?.feeMicros)],
  ['reported_cost_exact_usd', (r) => text(r.reportedCostUsd)],
  ['cost_reason', (r) => text(r.costReason)],
  ['app_key', (r) => text(r.appKeyId)],
];

export function ledgerToCsv(rows: readonly LedgerRow[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([, f]) => f(r)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves `csv` through the browser's download (a Blob; nothing leaves the machine). */
export function downloadCsv(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
