import { create } from 'zustand';
import type { KeySummary } from '../../../shared/contract/routes';

// Where a newcomer is in the first run. Kept outside the components: saving a key changes the key list, which
// would otherwise end the flow before its second step (the suggested room).

interface FirstRunState {
  /** the provider chosen in step one: step two suggests a room it serves */
  upstreamId: string | null;
  /** "I'll choose models myself": the ordinary welcome instead */
  skipped: boolean;
}

export const useFirstRun = create<FirstRunState>(() => ({ upstreamId: null, skipped: false }));

/** The first run shows while nothing is set up by the user (a local server merely found does not count: it is one
 * of the choices), or while its second step is open. */
export function firstRunShown(keys: readonly KeySummary[] | undefined, s: FirstRunState): boolean {
  if (s.upstreamId) return true;
  if (s.skipped || !keys) return false;
  return !keys.some((k) => k.source !== 'detected');
}
