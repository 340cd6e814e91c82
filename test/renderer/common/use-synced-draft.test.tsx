import { describe, it, expect } from 'vitest';
import { renderHook, act } from '@testing-library/react';
import { useSyncedDraft } from '../../../renderer/common/use-synced-draft';

describe('useSyncedDraft', () => {
  it('starts again from the stored value when it changes and nothing was edited', () => {
    const { result, rerender } = renderHook(({ stored }) => useSyncedDraft(stored), { initialProps: { stored: 'a' } });
    expect(result.current[0]).toBe('a');
    rerender({ stored: 'b' });
    expect(result.current[0]).toBe('b');
  });

  it('keeps what the user typed when the stored value arrives late (after a save, while they type the next change)', () => {
    const { result, rerender } = renderHook(({ stored }) => useSyncedDraft(stored), { initialProps: { stored: '' } });
    act(() => result.current[1]('2.5'));
    // the save lands; before the store reports it, the user types on
    act(() => result.current[1]('2.5\nten'));
    rerender({ stored: '2.5' });
    expect(result.current[0]).toBe('2.5\nten');
  });

  it('follows later stored changes once the draft matches what is stored', () => {
    const { result, rerender } = renderHook(({ stored }) => useSyncedDraft(stored), { initialProps: { stored: '' } });
    act(() => result.current[1]('x'));
    rerender({ stored: 'x' }); // this form saved it
    rerender({ stored: 'y' }); // changed elsewhere
    expect(result.current[0]).toBe('y');
  });
});
