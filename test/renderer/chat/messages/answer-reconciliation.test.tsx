import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup, act } from '@testing-library/react';
import { ParleyDb, setParleyDb } from '../../../../renderer/history/db/database';
import { ledger, setLedger } from '../../../../renderer/common/ledger';
import { createHistoryLedger } from '../../../../renderer/common/ledger/history-ledger';
import { AnswerStats } from '../../../../renderer/chat/messages/AnswerStats';
import { makeRecord } from '../../support/generation-records';
import type { MessageRow } from '../../../../renderer/common/room/types';

afterEach(() => cleanup());

const row = (generationId: string): MessageRow => ({
  id: 'msg-1', conversationId: 'c1', seq: 2, parentId: 'u1', groupId: 'g1', columnId: 'col1', role: 'assistant', content: 'an answer',
  status: 'done', generationId, model: { requested: 'openai/gpt-4o', used: 'openai/gpt-4o', provider: 'OpenAI', upstream: 'openrouter' },
  cost: { costMicros: 9_000, computedCostMicros: 9_000, costSource: 'computed' }, createdAt: 1, updatedAt: 1,
});

describe('reconciliation on the message', () => {
  it('flags an answer whose OpenRouter bill differs from Parley’s figure, once the check arrives', async () => {
    setParleyDb(new ParleyDb(`answer-reconcile-${Date.now()}`));
    setLedger(createHistoryLedger());
    await ledger().ingest(makeRecord({ id: 'gen-r1', costMicros: 9_000 }));
    render(<AnswerStats row={row('gen-r1')} />);
    expect(screen.getByLabelText('Cost: $0.009')).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
    await act(() =>
      ledger().applyReconciled({ generationId: 'gen-r1', status: 'reconciled', billedMicros: 10_500, localMicros: 9_000, mismatch: true, diffMicros: -1_500, provider: 'OpenAI', nativeTokens: null, error: null }),
    );
    // the bill is the figure shown now; the badge names both figures, which differ
    const badge = await screen.findByRole('note');
    expect(badge.textContent).toBe("Parley's price $0.009 · OpenRouter billed $0.0105 (+17 %)");
    expect(screen.getByLabelText('Cost: $0.0105')).toBeTruthy();
  });

  it('shows nothing when the bill matches', async () => {
    setParleyDb(new ParleyDb(`answer-reconcile-ok-${Date.now()}`));
    setLedger(createHistoryLedger());
    await ledger().ingest(makeRecord({ id: 'gen-r2', costMicros: 9_000 }));
    await ledger().applyReconciled({ generationId: 'gen-r2', status: 'reconciled', billedMicros: 9_000, localMicros: 9_000, mismatch: false, diffMicros: 0, provider: null, nativeTokens: null, error: null });
    render(<AnswerStats row={row('gen-r2')} />);
    await screen.findByLabelText('Cost: $0.009');
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByRole('note')).toBeNull();
  });
});
