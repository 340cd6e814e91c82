import { heldCheckpointers, retryHeldCheckpointers } from './checkpointer';

// While the disk refuses an answer (it is held in memory, see checkpointer.ts): closing or reloading the page asks
// first, and coming back to the window (the user may have freed space elsewhere) retries the write at once.
// In Electron, a refused unload only cancels the close; the window asks through main's 'will-prevent-unload'.

export function guardUnsavedAnswers(): () => void {
  if (typeof window === 'undefined') return () => {};
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (heldCheckpointers().length === 0) return;
    e.preventDefault();
    e.returnValue = 'An answer is not saved yet.'; // older Chromium asks only for a non-empty returnValue (its own text is shown)
  };
  const onBack = () => {
    if (document.visibilityState === 'visible') retryHeldCheckpointers();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('focus', onBack);
  document.addEventListener('visibilitychange', onBack);
  return () => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('focus', onBack);
    document.removeEventListener('visibilitychange', onBack);
  };
}
