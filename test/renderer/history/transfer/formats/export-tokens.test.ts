import { describe, expect, it } from 'vitest';
import { tokenCountsSchema } from '../../../../../shared/openrouter/generation';
import { exportFields } from '../../../../../renderer/history/transfer/formats/export-fields';
import { tokensSchema } from '../../../../../renderer/history/transfer/formats/export-money-schema';
import { DEFAULT_IMPORT_LIMITS } from '../../../../../renderer/history/transfer/formats/export-format';

// The export's token counts are the generation record's shape: a unit added there is exported and imported
// with no edit here.
describe('exported token counts', () => {
  const tokens = tokensSchema(exportFields(DEFAULT_IMPORT_LIMITS));

  it('keeps every unit the generation record has', () => {
    const all = Object.fromEntries(Object.keys(tokenCountsSchema.shape).map((k) => [k, k === 'estimated' ? true : 7]));
    expect(tokens.parse(all)).toEqual(all);
  });

  it('refuses a count that is not a whole number from 0, naming the field', () => {
    const r = tokens.safeParse({ prompt: 1, completion: 2, cacheRead: 0, cacheWrite: 0, reasoning: 0, cacheWrite1h: -3 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['cacheWrite1h']);
    expect(tokens.safeParse({ prompt: 1.5, completion: 2, cacheRead: 0, cacheWrite: 0, reasoning: 0 }).success).toBe(false);
  });
});
