import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup, act, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ParleyDb, setParleyDb } from '../../../../renderer/history/db/database';
import { ledger, setLedger } from '../../../../renderer/common/ledger';
import { createHistoryLedger } from '../../../../renderer/common/ledger/history-ledger';
import { AnswerStats } from '../../../../renderer/chat/messages/AnswerStats';
import { costText } from '../../../../renderer/money/activity/activity-text';
import { ledgerToCsv } from '../../../../renderer/money/activity/csv';
import { makeRecord } from '../../support/generation-records';
import type { MessageRow } from '../../../../renderer/common/room/types';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';

afterEach(() => cleanup());

let n = 0;
function freshLedger() {
  setParleyDb(new ParleyDb(`explain-cost-${Date.now()}-${++n}`));
  setLedger(createHistoryLedger());
}

/** The message row the app stores for a finished answer (stream-sync copies the record's cost facts). */
function answerRow(r: GenerationRecord, extra: Partial<MessageRow> = {}): MessageRow {
  const cost: NonNullable<MessageRow['cost']> = { costSource: r.costSource };
  for (const k of ['costMicros', 'costReason', 'reportedCostMicros', 'computedCostMicros', 'pricingSnapshot', 'reportedCostUsd', 'upstreamCostMicros', 'computedCostUsd', 'costLines', 'cacheSavingsMicros', 'costDetail'] as const) {
    if (r[k] !== undefined) (cost as unknown as Record<string, unknown>)[k] = r[k];
  }
  if (r.isByok) cost.isByok = true;
  return {
    id: `msg-${r.id}`, conversationId: 'c1', seq: 2, parentId: 'u1', groupId: 'g1', columnId: 'col1', role: 'assistant', content: 'an answer',
    status: 'done', generationId: r.id, model: { requested: r.requestedModel, used: r.model, provider: r.provider, upstream: r.upstreamId },
    tokens: r.tokens, cost, createdAt: 1, updatedAt: 1, ...extra,
  };
}

const sonnetLines = [
  { component: 'input', units: 1000, unit: 'token' as const, rateMicrosPerUnit: '3', micros: 3000 },
  { component: 'cache_read', units: 8000, unit: 'token' as const, rateMicrosPerUnit: '0.3', micros: 2400 },
  { component: 'cache_write_1h', units: 2000, unit: 'token' as const, rateMicrosPerUnit: '6', micros: 12_000 },
  { component: 'output', units: 400, unit: 'token' as const, rateMicrosPerUnit: '15', micros: 6000 },
  { component: 'web_search', units: 3, unit: 'search' as const, rateMicrosPerUnit: '10000', micros: 30_000 },
];

describe('Explain this cost', () => {
  it('is reached by keyboard and lists each billed unit × its price = its amount, the savings and the source', async () => {
    freshLedger();
    const user = userEvent.setup();
    const record = makeRecord({
      id: 'gen-x1', upstreamId: 'anthropic', upstreamKind: 'anthropic', provider: 'Anthropic', isByok: true, model: 'anthropic/claude-sonnet-4.5',
      tokens: { prompt: 11_000, completion: 400, cacheRead: 8000, cacheWrite: 2000, cacheWrite1h: 2000, reasoning: 0, webSearchRequests: 3 },
      costSource: 'computed', computedCostMicros: 53_400, computedCostUsd: '0.0534', costMicros: 53_400, costLines: sonnetLines, cacheSavingsMicros: 15_600,
      pricingSnapshot: { capturedAt: 1, source: 'bundled', rates: { prompt: '0.000003' }, listDate: '2026-11-22' },
    });
    await ledger().ingest(record);
    render(<AnswerStats row={answerRow(record, { cost: { ...answerRow(record).cost!, estimate: { inputTokens: 900, inputMicros: 2700, outputLowTokens: 100, outputHighTokens: 800, outputLowMicros: 1500, outputHighMicros: 12_000, basis: 'history' } } })} />);
    expect(screen.getByLabelText('Cost: $0.0534')).toBeTruthy();
    await user.tab();
    const button = screen.getByRole('button', { name: 'Explain this cost' });
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{Enter}');
    const panel = screen.getByRole('region', { name: 'How this cost was worked out' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(panel.id);
    const lines = within(panel).getByRole('table', { name: 'Billed units' });
    expect(within(lines).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Input tokens1,000 × $3.00 per 1M tokens= $0.003',
      'Cache reads8,000 × $0.30 per 1M tokens= $0.0024',
      'Cache writes (1 hour)2,000 × $6.00 per 1M tokens= $0.012',
      'Output tokens400 × $15.00 per 1M tokens= $0.006',
      'Web searches3 × $0.01 per search= $0.03',
      'Parley’s price$0.0534',
    ]);
    expect(panel.textContent).toContain("Parley's price: the reported tokens × the price list of 2026-11-22.");
    expect(panel.textContent).toContain('Prompt caching saved $0.0156 against plain input.');
    expect(panel.textContent).toContain('Estimated before sending: ≈ 900 tokens in, ≈ $0.0027 input + $0.0015–$0.012 output; it cost $0.0534 (11,000 in, 400 out).');
    // more than half again the estimated input: a hidden system prompt is named as a possible cause
    expect(panel.textContent).toContain('The provider counted 11,000 input tokens against about 900 estimated');
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('region', { name: 'How this cost was worked out' })).toBeNull();
  });

  it('a bill above Parley’s price shows both figures, the difference and the likely cause', async () => {
    freshLedger();
    const record = makeRecord({ id: 'gen-x2', provider: 'FakeProvider', costSource: 'upstream', reportedCostMicros: 155, reportedCostUsd: '0.000155', computedCostMicros: 124, costMicros: 155 });
    await ledger().ingest(record);
    render(<AnswerStats row={answerRow(record)} />);
    expect(screen.getByLabelText('Cost: $0.000155')).toBeTruthy();
    await act(() =>
      ledger().applyReconciled({
        generationId: 'gen-x2', status: 'reconciled', billedMicros: 155, localMicros: 124, mismatch: true, diffMicros: -31, provider: 'FakeProvider', nativeTokens: null,
        error: null, comparedMicros: 155, causes: ['served by FakeProvider, which may charge more or less than the list price Parley used'],
      }),
    );
    const badge = await screen.findByRole('note');
    expect(badge.textContent).toBe("Parley's price $0.000124 · OpenRouter billed $0.000155 (+25 %)");
    expect(screen.getByText('Likely: served by FakeProvider, which may charge more or less than the list price Parley used')).toBeTruthy();
    // the old badge printed one number twice; the two figures here differ
    expect(badge.textContent!.match(/\$0\.\d+/g)).toEqual(['$0.000124', '$0.000155']);
  });

  it('BYOK through OpenRouter: the answer shows provider charge + fee, and Activity shows the same total', async () => {
    freshLedger();
    const record = makeRecord({
      id: 'gen-x3', isByok: true, costSource: 'upstream', reportedCostMicros: 525, reportedCostUsd: '0.000525', upstreamCostMicros: 10_500, upstreamCostUsd: '0.0105',
      computedCostMicros: 10_500, costMicros: 11_025,
    });
    await ledger().ingest(record);
    render(<AnswerStats row={answerRow(record)} />);
    const label = '$0.011025 ($0.0105 provider + $0.000525 OpenRouter fee)';
    expect(screen.getByLabelText(`Cost: ${label}`)).toBeTruthy();
    expect(costText((await ledger().get('gen-x3'))!)).toBe(label);
  });

  it('0.0001245 USD reads as 125 µ$ on the answer, in Activity and in the CSV', async () => {
    freshLedger();
    const record = makeRecord({ id: 'gen-x4', costSource: 'upstream', reportedCostMicros: 125, reportedCostUsd: '0.0001245', costMicros: 125, computedCostMicros: 125 });
    await ledger().ingest(record);
    render(<AnswerStats row={answerRow(record)} />);
    expect(screen.getByLabelText('Cost: $0.000125')).toBeTruthy();
    const row = (await ledger().get('gen-x4'))!;
    expect(costText(row)).toBe('$0.000125');
    const [head, line] = ledgerToCsv([row]).split('\r\n');
    const cols = head!.split(',');
    const cells = line!.split(',');
    expect(cells[cols.indexOf('cost_usd')]).toBe('0.000125');
    expect(cells[cols.indexOf('reported_cost_exact_usd')]).toBe('0.0001245');
  });

  it('a request that never reached a provider reads "not sent — $0" and adds nothing unknown', async () => {
    freshLedger();
    const record = makeRecord({ id: 'gen-x5', tokens: null, costSource: 'none', costMicros: 0, costReason: 'not-sent', error: { code: 502, message: 'Could not reach OpenAI: ECONNREFUSED' } });
    delete (record as Partial<GenerationRecord>).computedCostMicros;
    await ledger().ingest(record);
    render(<AnswerStats row={answerRow(record, { status: 'error' })} />);
    expect(screen.getByLabelText('Cost: not sent — $0')).toBeTruthy();
  });
});
