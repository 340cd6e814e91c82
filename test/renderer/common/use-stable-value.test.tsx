import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { useStableValue } from '../../../renderer/common/use-stable-value';

describe('useStableValue', () => {
  it('keeps the first object while later ones are equal in content, and takes a changed one', () => {
    const first = [{ id: 'c1', model: 'openai/gpt-4o' }];
    const { result, rerender } = renderHook(({ v }) => useStableValue(v), { initialProps: { v: first } });
    rerender({ v: [{ id: 'c1', model: 'openai/gpt-4o' }] });
    expect(result.current).toBe(first);
    const changed = [{ id: 'c1', model: 'anthropic/claude-sonnet-4.5' }];
    rerender({ v: changed });
    expect(result.current).toBe(changed);
  });
});
