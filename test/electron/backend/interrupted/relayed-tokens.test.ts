import { describe, expect, it } from 'vitest';
import { createRelayedTokens, SAMPLE_CHARS } from '../../../../electron/backend/interrupted/relayed-tokens';
import { countTextTokens } from '../../../../shared/billing/estimate-tokens';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('tokens relayed, counted for the journal', () => {
  it('counts a burst of chunks once, after the interval, and adds later bursts to the total', async () => {
    const counts: number[] = [];
    const c = createRelayedTokens((n) => counts.push(n), 20);
    const first = Array.from({ length: 50 }, (_, i) => `The ${i}th chunk of an answer. `);
    for (const t of first) c.relayed(t);
    expect(counts).toEqual([]); // nothing counted on the relay's path
    await sleep(60);
    expect(counts).toEqual([countTextTokens(first.join(''))]);
    c.relayed('And one more sentence.');
    await sleep(60);
    expect(counts).toEqual([countTextTokens(first.join('')), countTextTokens(first.join('')) + countTextTokens('And one more sentence.')]);
  });

  it('estimates a flood of output from a bounded sample, within a few percent', async () => {
    const counts: number[] = [];
    const c = createRelayedTokens((n) => counts.push(n), 20);
    const chunks = Array.from({ length: 4_000 }, (_, i) => `function f${i}(x) { return x * ${i} + 1; } // step ${i}\n`);
    for (const t of chunks) c.relayed(t);
    expect(chunks.join('').length).toBeGreaterThan(20 * SAMPLE_CHARS);
    await sleep(60);
    const exact = countTextTokens(chunks.join(''));
    expect(counts).toHaveLength(1);
    expect(Math.abs(counts[0]! - exact) / exact).toBeLessThan(0.05);
  });

  it('stops: what was not counted yet is dropped and nothing more is reported', async () => {
    const counts: number[] = [];
    const c = createRelayedTokens((n) => counts.push(n), 20);
    c.relayed('some output');
    c.stop();
    c.relayed('more output');
    await sleep(60);
    expect(counts).toEqual([]);
  });
});
