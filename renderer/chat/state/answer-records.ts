import { useEffect, useState } from 'react';
import { getGeneration } from '../../history/db/generations';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

// The full generation record behind an answer (fallback, BYOK, attempts — facts the message row does not keep):
// from memory for answers finished in this session, else from the usage ledger by generation id.

const records = new Map<string, GenerationRecord>(); // messageId → record
const MAX = 2000;

export function rememberRecord(messageId: string, r: GenerationRecord) {
  if (records.size >= MAX) records.delete(records.keys().next().value!);
  records.set(messageId, r);
}

export function useGenerationRecord(messageId: string, generationId: string | undefined): GenerationRecord | null {
  const [loaded, setLoaded] = useState<{ id: string; record: GenerationRecord | null } | null>(null);
  const inMemory = records.get(messageId) ?? null;
  useEffect(() => {
    if (inMemory || !generationId) return;
    let live = true;
    getGeneration(generationId).then(
      (g) => live && setLoaded({ id: generationId, record: g ?? null }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [inMemory, generationId]);
  return inMemory ?? (loaded && loaded.id === generationId ? loaded.record : null);
}
