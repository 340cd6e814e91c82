import type { GenerationRecord } from '../../../shared/openrouter/generation';

/** `generation.recorded` carries its record untyped across the bridge: accept only what looks like one. */
export function isGenerationRecord(x: unknown): x is GenerationRecord {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    r.id !== '' &&
    typeof r.createdAt === 'number' &&
    Number.isFinite(r.createdAt) &&
    typeof r.requestedModel === 'string' &&
    Array.isArray(r.attempts) &&
    (r.source === 'app' || r.source === 'local-api')
  );
}
