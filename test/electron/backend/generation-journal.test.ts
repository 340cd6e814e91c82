import { describe, it, expect } from 'vitest';
import { mkdtempSync, appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGenerationJournal, INTERRUPTED_MESSAGE } from '../../../electron/backend/generation-journal';
import { generationRecordSchema } from '../../../shared/openrouter/generation';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { shownCost, shownCostLabel } from '../../../shared/billing/shown-cost';

const rec = (id: string) => ({ id, source: 'local-api', model: 'openai/gpt-4o' }) as unknown as GenerationRecord;

describe('generation journal (ledger inputs kept by main)', () => {
  it('keeps records across a restart and answers from a sequence number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-journal-'));
    const j = createGenerationJournal(dir);
    j.record(rec('gen-1'));
    j.record(rec('gen-2'));
    j.reconciled({ generationId: 'gen-1', status: 'reconciled', billedMicros: 10, localMicros: 9, mismatch: true, diffMicros: 1, provider: null, nativeTokens: null, error: null });
    // A crash mid-write leaves a torn line; what came before survives.
    appendFileSync(join(dir, 'ledger', 'journal.jsonl'), '{"seq":4,"kind":"rec');
    const reopened = createGenerationJournal(dir);
    expect(reopened.since(0).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(reopened.since(1).map((e) => (e.kind === 'record' ? e.record.id : e.reconciled.generationId))).toEqual(['gen-2', 'gen-1']);
    reopened.record(rec('gen-3'));
    expect(reopened.since(3)).toMatchObject([{ seq: 4, kind: 'record', record: { id: 'gen-3' } }]);
  });

  it('trims to the newest entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-journal-'));
    const j = createGenerationJournal(dir, 3);
    for (let i = 1; i <= 5; i++) j.record(rec(`gen-${i}`));
    expect(j.since(0).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(createGenerationJournal(dir, 3).since(0).map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('turns a request that started but never finished into an interrupted record at the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-journal-'));
    const j = createGenerationJournal(dir);
    j.started({ id: 'gen-done', createdAt: 1, requestedModel: 'openai/gpt-4o', source: 'local-api', streamed: true });
    j.record(rec('gen-done'));
    j.started({ id: 'gen-cut', createdAt: 2, requestedModel: 'anthropic/claude-sonnet-4.5', source: 'local-api', streamed: true });
    expect(j.since(0).map((e) => e.kind === 'record' && e.record.id)).toEqual(['gen-done']); // starts are not ledger rows
    // …the process is killed here (no record for gen-cut)…
    const next = createGenerationJournal(dir);
    const rows = next.since(0).flatMap((e) => (e.kind === 'record' ? [e.record] : []));
    expect(rows.map((r) => r.id)).toEqual(['gen-done', 'gen-cut']);
    expect(rows[1]).toMatchObject({
      id: 'gen-cut', createdAt: 2, requestedModel: 'anthropic/claude-sonnet-4.5', source: 'local-api', costSource: 'none', costReason: 'interrupted',
      finishReason: 'error', error: { message: INTERRUPTED_MESSAGE },
    });
    expect(generationRecordSchema.safeParse(rows[1]).success).toBe(true);
    // Only once: a third start finds the interrupted record and adds nothing.
    expect(createGenerationJournal(dir).since(0)).toHaveLength(2);
  });

  it('prices an interrupted request from its journaled progress: estimated tokens × the serving endpoint\'s price', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-journal-'));
    const j = createGenerationJournal(dir);
    j.started({ id: 'gen-paid', createdAt: 5, requestedModel: 'openai/gpt-4o', source: 'local-api', streamed: true, appKeyId: 'key_editor', promptTokens: 1_000 });
    j.serving('gen-paid', { model: 'openai/gpt-4o', provider: 'OpenAI', upstreamId: 'openrouter', upstreamKind: 'openrouter', isByok: false, pricing: { prompt: '0.0000025', completion: '0.00001' } });
    j.progress('gen-paid', 120);
    j.progress('gen-paid', 250); // the newest count wins
    j.started({ id: 'gen-local', createdAt: 6, requestedModel: 'ollama/llama3', source: 'local-api', streamed: true, promptTokens: 40 });
    j.serving('gen-local', { model: 'ollama/llama3', provider: 'Ollama', upstreamId: 'ollama-local', upstreamKind: 'openai-compatible', isByok: true, free: true });
    j.progress('gen-local', 30);
    j.started({ id: 'gen-unpriced', createdAt: 7, requestedModel: 'acme/new-model', source: 'local-api', streamed: true, promptTokens: 40 });
    j.serving('gen-unpriced', { model: 'acme/new-model', provider: 'Acme', upstreamId: 'acme', upstreamKind: 'openai-compatible', isByok: true });
    j.progress('gen-unpriced', 30);

    const next = createGenerationJournal(dir);
    const byId = new Map(next.recovered.map((r) => [r.id, r]));
    expect(byId.get('gen-paid')).toMatchObject({
      appKeyId: 'key_editor', model: 'openai/gpt-4o', provider: 'OpenAI', costSource: 'computed', costReason: 'interrupted',
      tokens: { prompt: 1_000, completion: 250, estimated: true }, costMicros: 2_500 + 2_500, computedCostMicros: 5_000, computedCostUsd: '0.005',
    });
    expect(shownCostLabel(shownCost(byId.get('gen-paid')!))).toBe('≈ $0.005 estimated (interrupted)');
    expect(byId.get('gen-local')).toMatchObject({ tokens: { prompt: 40, completion: 30, estimated: true }, costMicros: 0, costReason: 'interrupted' });
    expect(byId.get('gen-unpriced')).toMatchObject({ tokens: { prompt: 40, completion: 30, estimated: true }, costSource: 'none', costReason: 'interrupted' });
    expect(byId.get('gen-unpriced')!.costMicros).toBeUndefined();
    for (const r of next.recovered) expect(generationRecordSchema.safeParse(r).success).toBe(true);
    expect(next.since(0).map((e) => e.kind === 'record' && e.record.id)).toEqual(['gen-paid', 'gen-local', 'gen-unpriced']);
  });

  it('drops the progress lines of finished requests when they pile up, keeping every ledger entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-journal-'));
    const j = createGenerationJournal(dir, 8); // room for 8 ledger entries, and 1,000 progress lines
    for (let i = 1; i <= 5; i++) {
      j.started({ id: `gen-${i}`, createdAt: i, requestedModel: 'openai/gpt-4o', source: 'local-api', streamed: true, promptTokens: 10 });
      for (let k = 1; k <= 300; k++) j.progress(`gen-${i}`, k);
      j.record(rec(`gen-${i}`));
    }
    const file = join(dir, 'ledger', 'journal.jsonl');
    const lines = () => readFileSync(file, 'utf8').trim().split('\n').length;
    expect(lines()).toBe(5 * 302);
    const next = createGenerationJournal(dir, 8);
    expect(lines()).toBe(5);
    expect(next.since(0).map((e) => e.kind === 'record' && e.record.id)).toEqual(['gen-1', 'gen-2', 'gen-3', 'gen-4', 'gen-5']);
    expect(next.recovered).toEqual([]);
  });

  it('keeps the progress of a request another running Parley is serving when it compacts, and does not call it interrupted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-journal-'));
    const file = join(dir, 'ledger', 'journal.jsonl');
    createGenerationJournal(dir, 8);
    const line = (seq: number, payload: object) => JSON.stringify({ seq, at: seq, ...payload });
    const lines = [line(1, { kind: 'started', started: { id: 'gen-elsewhere', createdAt: 1, requestedModel: 'openai/gpt-4o', source: 'local-api', streamed: true }, pid: process.ppid })];
    for (let k = 1; k <= 1_200; k++) lines.push(line(k + 1, { kind: 'progress', id: k % 2 ? 'gen-elsewhere' : 'gen-gone', completionTokens: k }));
    appendFileSync(file, lines.join('\n') + '\n');
    const next = createGenerationJournal(dir, 8);
    expect(next.recovered).toEqual([]);
    const kept = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; id?: string });
    expect(kept).toHaveLength(601); // the other process's start and its 600 progress lines; the orphan lines are gone
    expect(kept.every((e) => e.kind === 'started' || e.id === 'gen-elsewhere')).toBe(true);
  });
});
