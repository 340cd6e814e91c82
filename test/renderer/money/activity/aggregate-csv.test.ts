// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { dailySeries, dayKey, filterRows, groupRows, NO_FILTERS, totalsOf } from '../../../../renderer/money/activity/aggregate';
import { ledgerToCsv } from '../../../../renderer/money/activity/csv';
import { microsToUsd } from '../../../../shared/billing/money';
import { makeRecord } from '../../support/generation-records';
import { at, SAMPLE } from './support/sample-rows';
import { interruptedRecord } from '../../../../electron/backend/interrupted/interrupted-record';

describe('activity arithmetic', () => {
  it('totals requests, tokens and spend, billed figures winning, unpriced rows counted apart', () => {
    expect(totalsOf(SAMPLE)).toEqual({ requests: 4, tokensIn: 3800, tokensOut: 850, costMicros: 12_345 + 13_500 + 3_000, unpriced: 1, mismatches: 1, errors: 0 });
  });

  it('groups by day (newest first), model, provider and key', () => {
    expect(groupRows(SAMPLE, 'day').map((g) => [g.key, g.totals.requests, g.totals.costMicros, g.totals.unpriced])).toEqual([
      ['2026-09-15', 2, 3_000, 1],
      ['2026-09-14', 2, 25_845, 0],
    ]);
    expect(groupRows(SAMPLE, 'model').map((g) => [g.key, g.totals.requests, g.totals.tokensIn, g.totals.tokensOut, g.totals.costMicros])).toEqual([
      ['openai/gpt-4o', 2, 1500, 300, 15_345],
      ['anthropic/claude-sonnet-4.5', 1, 2000, 500, 13_500],
      ['ollama/llama3', 1, 300, 50, 0],
    ]);
    expect(groupRows(SAMPLE, 'provider').map((g) => g.key)).toEqual(['OpenAI', 'Anthropic', 'Ollama']);
    expect(groupRows(SAMPLE, 'key').map((g) => [g.key, g.totals.mismatches])).toEqual([
      ['openrouter', 1],
      ['anthropic', 0],
      ['ollama-local', 0],
    ]);
  });

  it('groups spend per conversation, other apps’ requests and unlinked ones apart', () => {
    expect(groupRows(SAMPLE, 'conversation').map((g) => [g.key, g.totals.requests, g.totals.costMicros, g.totals.unpriced])).toEqual([
      ['none', 2, 13_500, 1],
      ['c1', 1, 12_345, 0],
      ['local-api', 1, 3_000, 0],
    ]);
  });

  it('filters by date range (both ends inclusive days), model, provider, key and source', () => {
    const ids = (f: Partial<typeof NO_FILTERS>) => filterRows(SAMPLE, { ...NO_FILTERS, ...f }).map((r) => r.id);
    expect(ids({ fromDay: '2026-09-15' })).toEqual(['r3', 'r4']);
    expect(ids({ toDay: '2026-09-14' })).toEqual(['r1', 'r2']);
    expect(ids({ fromDay: '2026-09-14', toDay: '2026-09-14', provider: 'Anthropic' })).toEqual(['r2']);
    expect(ids({ model: 'openai/gpt-4o', fromDay: '2026-09-15' })).toEqual(['r3']);
    expect(ids({ key: 'ollama-local' })).toEqual(['r4']);
    expect(ids({ source: 'local-api' })).toEqual(['r3']);
    expect(ids({ source: 'app' })).toEqual(['r1', 'r2', 'r4']);
  });

  it('charts one point per day, quiet days included', () => {
    const s = dailySeries([SAMPLE[0]!, SAMPLE[2]!, { ...SAMPLE[1]!, id: 'later', createdAt: at(17, 8) }]);
    expect(s.days).toEqual(['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17']);
    expect(s.costMicros).toEqual([12_345, 3_000, 0, 13_500]);
    expect(s.requests).toEqual([1, 1, 0, 1]);
    expect(dayKey(s.dayStarts[2]!)).toBe('2026-09-16');
  });
});

describe('activity CSV', () => {
  it('writes exact USD, billed vs local, links, and no formulas', () => {
    const evil = makeRecord({ id: 'r5', createdAt: at(16, 8), requestedModel: '=HYPERLINK("http://x","a, b")', model: null, provider: null, upstreamId: null, costMicros: 1_234_567 });
    const csv = ledgerToCsv([...SAMPLE, evil]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(7); // header, 5 rows, trailing empty
    expect(lines[6]).toBe('');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 8)).toEqual(['id', 'created_at', 'source', 'requested_model', 'model', 'provider', 'key', 'byok']);
    const col = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    const r1 = lines[1]!;
    expect(col(r1, 'cost_usd')).toBe('0.012345');
    expect(col(r1, 'conversation_id')).toBe('c1');
    expect(col(r1, 'message_id')).toBe('m1');
    expect(col(r1, 'created_at')).toBe(new Date(at(14, 10)).toISOString());
    const r3 = lines[3]!;
    expect([col(r3, 'source'), col(r3, 'cost_usd'), col(r3, 'local_cost_usd'), col(r3, 'billed_cost_usd'), col(r3, 'cost_source'), col(r3, 'mismatch')]).toEqual([
      'local-api', '0.003000', '0.002250', '0.003000', 'billed', 'true',
    ]);
    const r4 = lines[4]!;
    expect([col(r4, 'cost_usd'), col(r4, 'cost_unknown_reason'), col(r4, 'tokens_in'), col(r4, 'tokens_out')]).toEqual(['', 'no-pricing', '300', '50']);
    const cell = `"'=HYPERLINK(""http://x"",""a, b"")"`;
    expect(lines[5]).toContain(`,app,${cell},${cell},unknown,none,false,`);
    expect(lines[5]).toContain(',1.234567,');
  });

  it('marks the estimate for a request Parley was killed in the middle of: estimated tokens, cost source and reason', () => {
    const cut = interruptedRecord({
      started: { id: 'gen-cut', createdAt: at(16, 9), requestedModel: 'openai/gpt-4o', source: 'local-api', streamed: true, promptTokens: 19 },
      served: { model: 'openai/gpt-4o', provider: 'OpenAI', upstreamId: 'openrouter', upstreamKind: 'openrouter', isByok: false, pricing: { prompt: '0.0000025', completion: '0.00001' } },
      completionTokens: 23,
    });
    const [header, row] = ledgerToCsv([cut]).split('\r\n').map((l) => l.split(','));
    const col = (name: string) => row![header!.indexOf(name)];
    expect([col('tokens_in'), col('tokens_out'), col('tokens_estimated'), col('cost_usd'), col('cost_source'), col('cost_reason')]).toEqual([
      '19', '23', 'true', '0.000278', 'estimated', 'interrupted',
    ]);
  });

  it('formats micro-dollars exactly', () => {
    expect(microsToUsd(0)).toBe('0.000000');
    expect(microsToUsd(1)).toBe('0.000001');
    expect(microsToUsd(12_345_678_901)).toBe('12345.678901');
    expect(microsToUsd(-2_500)).toBe('-0.002500');
  });
});
