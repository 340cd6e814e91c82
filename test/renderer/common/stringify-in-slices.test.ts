import { describe, it, expect } from 'vitest';
import { stringifyInSlices } from '../../../renderer/common/stringify-in-slices';

const sample = {
  format: 'parley-export',
  skippedField: undefined,
  fn: () => 1,
  when: new Date(0),
  conversations: Array.from({ length: 3 }, (_, c) => ({
    id: `c${c}`,
    title: 'quote " and \u2028 line sep',
    messages: Array.from({ length: 450 }, (_, i) => ({ id: `m${i}`, text: `text ${i}`, cost: i % 3 ? i * 1.5 : null, gone: undefined })),
    holes: [undefined, 1, () => 2, { toJSON: () => 'custom' }],
    nested: { deep: { deeper: [1, 2, { x: undefined }] } },
  })),
};

describe('stringifyInSlices', () => {
  it('writes exactly what JSON.stringify writes, at any depth', async () => {
    for (const depth of [0, 1, 2, 3, 4, 6]) expect(await stringifyInSlices(sample, depth, async () => {})).toBe(JSON.stringify(sample));
    for (const v of [null, 1, 'a', [], {}, [undefined], { a: undefined }]) expect(await stringifyInSlices(v, 3, async () => {})).toBe(JSON.stringify(v));
  });

  it('yields to the page between slices of items instead of writing them all in one go', async () => {
    let yields = 0;
    await stringifyInSlices(sample, 4, async () => void yields++);
    // 3 × 450 messages, written one by one at depth 4, a yield every 200 items
    expect(yields).toBeGreaterThanOrEqual(Math.floor((3 * 450) / 200));
  });
});
