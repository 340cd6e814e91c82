import { describe, expect, it } from 'vitest';
import { parseModelVariants } from '../../../electron/engine/routing/variants';
import { splitVariants } from '../../../shared/catalog/find-model';
import { MODEL_VARIANTS, PICKER_VARIANTS } from '../../../shared/catalog/variants';
import { splitVariant } from '../../../renderer/common/room/types';

// One list of model variants: what the picker offers, the engine routes and the catalog prices agree.
describe('model variants', () => {
  it('every variant the picker offers is one the engine routes and the catalog strips', () => {
    for (const v of PICKER_VARIANTS) {
      const slug = `openai/gpt-4o:${v}`;
      expect(splitVariant(slug)).toEqual({ base: 'openai/gpt-4o', variant: v });
      expect(parseModelVariants(slug, () => false)).toEqual({ ok: true, base: 'openai/gpt-4o', variants: [v] });
      expect(splitVariants(slug)).toEqual({ base: 'openai/gpt-4o', variants: [v] });
    }
  });

  it('the engine and the catalog know the same suffixes, save those that are part of a model name', () => {
    for (const [v, facts] of Object.entries(MODEL_VARIANTS)) {
      expect(splitVariants(`a/b:${v}`).variants).toEqual([v]);
      expect(parseModelVariants(`a/b:${v}`, () => false).ok).toBe(facts.engine);
    }
  });
});
