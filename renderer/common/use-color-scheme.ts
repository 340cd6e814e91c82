import { useSyncExternalStore } from 'react';

// The system's light or dark scheme, live: views that read colours from CSS once (a canvas chart) draw again when
// the user switches.

const QUERY = '(prefers-color-scheme: dark)';
const query = () => (typeof matchMedia === 'function' ? matchMedia(QUERY) : null);

function subscribe(onChange: () => void): () => void {
  const q = query();
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}

export function useColorScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, () => (query()?.matches ? 'dark' : 'light'), () => 'light');
}
