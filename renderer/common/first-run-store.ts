import { create } from 'zustand';
import type { KeySummary } from '../../shared/contract/routes';
import type { ModelSummary } from '../../shared/contract/models';

// Where a newcomer is in the first run. Kept outside the components: saving a key changes the key list, which
// would otherwise end the flow before its second step (the suggested room).

interface FirstRunState {
  /** the provider chosen in step one: step two suggests a room it serves */
  upstreamId: string | null;
  /** "I'll choose models myself": the ordinary welcome instead */
  skipped: boolean;
}

const SKIPPED_KEY = 'parley.firstRunSkipped';

function skippedBefore(): boolean {
  try {
    return globalThis.localStorage?.getItem(SKIPPED_KEY) === '1';
  } catch {
    return false; // storage unavailable: the first run shows again, nothing worse
  }
}

export const useFirstRun = create<FirstRunState>(() => ({ upstreamId: null, skipped: skippedBefore() }));

/** "Skip": the ordinary welcome from now on, also after a reload or restart. */
export function skipFirstRun(): void {
  try {
    globalThis.localStorage?.setItem(SKIPPED_KEY, '1');
  } catch {
    // kept for this session only
  }
  useFirstRun.setState({ skipped: true });
}

/** The first run shows while nothing the user set up can answer: no key of their own, and no model served by
 * anything but a local server merely found (that is one of the first run's choices). Its second step, once open,
 * stays until the room is sent. */
export function firstRunShown(keys: readonly KeySummary[] | undefined, models: readonly ModelSummary[], s: FirstRunState): boolean {
  if (s.upstreamId) return true;
  if (s.skipped || !keys) return false;
  if (keys.some((k) => k.source !== 'detected')) return false;
  const found = new Set(keys.map((k) => k.id));
  return !models.some((m) => m.servedByIds.some((id) => !found.has(id)));
}
