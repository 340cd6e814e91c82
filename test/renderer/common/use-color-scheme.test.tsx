import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useColorScheme } from '../../../renderer/common/use-color-scheme';

afterEach(() => vi.unstubAllGlobals());

/** A matchMedia whose dark-scheme answer the test switches, telling its listeners as a browser does. */
function fakeScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const mql = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  };
  vi.stubGlobal('matchMedia', () => mql);
  return {
    set(next: boolean) {
      dark = next;
      for (const f of listeners) f();
    },
    listeners,
  };
}

describe('the colour scheme', () => {
  it('follows the system switching between light and dark, and stops listening when unmounted', () => {
    const scheme = fakeScheme(false);
    const { result, unmount } = renderHook(() => useColorScheme());
    expect(result.current).toBe('light');
    act(() => scheme.set(true));
    expect(result.current).toBe('dark');
    act(() => scheme.set(false));
    expect(result.current).toBe('light');
    unmount();
    expect(scheme.listeners.size).toBe(0);
  });
});
