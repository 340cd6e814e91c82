import type { LedgerRepo, LedgerRow } from '../../../../../renderer/history/db/ledger-types';
import { makeRecord } from '../../../support/generation-records';

// Local-time timestamps, so day grouping is the same in every time zone the tests run in.
export const at = (d: number, h: number) => new Date(2026, 8, d, h).getTime();

export const SAMPLE: LedgerRow[] = [
  { ...makeRecord({ id: 'r1', createdAt: at(14, 10), model: 'openai/gpt-4o', provider: 'OpenAI', upstreamId: 'openrouter', tokens: { prompt: 1000, completion: 200, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: 12_345 }), conversationId: 'c1', messageId: 'm1' },
  makeRecord({ id: 'r2', createdAt: at(14, 15), requestedModel: 'anthropic/claude-sonnet-4.5', model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic', upstreamId: 'anthropic', upstreamKind: 'anthropic', isByok: true, tokens: { prompt: 2000, completion: 500, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: 13_500 }),
  { ...makeRecord({ id: 'r3', createdAt: at(15, 9), model: 'openai/gpt-4o', provider: 'OpenAI', upstreamId: 'openrouter', source: 'local-api', appKeyId: 'key_editor', tokens: { prompt: 500, completion: 100, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: 2_250 }), billedCostMicros: 3_000, mismatch: true, reconciledAt: at(15, 10) },
  makeRecord({ id: 'r4', createdAt: at(15, 11), requestedModel: 'ollama/llama3', model: 'ollama/llama3', provider: 'Ollama', upstreamId: 'ollama-local', upstreamKind: 'openai-compatible', isByok: true, tokens: { prompt: 300, completion: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: undefined, computedCostMicros: undefined, costSource: 'none', costReason: 'no-pricing' }),
];

/** Writes rows through the repo's public API, as the ledger listener would. */
export async function seedLedger(repo: LedgerRepo, rows: LedgerRow[]): Promise<void> {
  for (const row of rows) {
    const { conversationId, messageId, billedCostMicros, mismatch, reconcileDiffMicros, reconciledAt: _r, reconcileError: _e, ...record } = row;
    await repo.ingest(record);
    if (conversationId && messageId) await repo.link(row.id, { conversationId, messageId });
    if (billedCostMicros !== undefined) {
      await repo.applyReconciled({
        generationId: row.id, status: 'reconciled', billedMicros: billedCostMicros, localMicros: row.costMicros ?? null, mismatch: mismatch ?? false,
        diffMicros: reconcileDiffMicros ?? null, provider: row.provider, nativeTokens: null, error: null,
      });
    }
  }
}
