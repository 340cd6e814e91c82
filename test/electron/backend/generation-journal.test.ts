import { describe, it, expect } from 'vitest';
import { mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGenerationJournal, INTERRUPTED_MESSAGE } from '../../../electron/backend/generation-journal';
import { generationRecordSchema } from '../../../shared/openrouter/generation';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

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
});
