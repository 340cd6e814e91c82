import { useMemo, useState } from 'react';
import { useLedgerRows } from '../../common/ledger/use-ledger';
import type { LedgerRow } from '../../history/db/ledger-types';

// How long each model's answers usually are, from the user's own ledger (last 90 days): reported completion
// tokens of finished requests, per model slug as requested and as served.

const WINDOW_MS = 90 * 86_400_000;

export function answerLengths(rows: readonly LedgerRow[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of rows) {
    if (!r.tokens || r.tokens.estimated || r.error || r.cancelled || r.tokens.completion <= 0) continue;
    for (const slug of new Set([r.requestedModel, r.model].filter((x): x is string => !!x))) {
      const list = out.get(slug) ?? [];
      list.push(r.tokens.completion);
      out.set(slug, list);
    }
  }
  return out;
}

export function useAnswerLengths(): Map<string, number[]> {
  const [from] = useState(() => Math.floor((Date.now() - WINDOW_MS) / 3_600_000) * 3_600_000);
  const { rows } = useLedgerRows({ from });
  return useMemo(() => answerLengths(rows), [rows]);
}
