import { useState } from 'react';

/**
 * A Settings form's draft of a stored value. When the stored value changes (saved by this form, or elsewhere), the
 * draft starts again from it, without remounting the form: a `key` derived from the stored value would rebuild the
 * form after every save and lose what it says about the save (its confirmation).
 *
 * Edits the user has begun since are kept: the stored value can arrive after a save while they already type the
 * next change, and what they wrote must not vanish under them.
 */
export function useSyncedDraft<T>(stored: T, same: (a: T, b: T) => boolean = Object.is): [T, (next: T | ((draft: T) => T)) => void] {
  const [draft, setDraft] = useState(stored);
  const [seen, setSeen] = useState(stored);
  if (!same(seen, stored)) {
    // React's "adjust state while rendering": the next render already shows the new value
    setSeen(stored);
    // `same` compares meaning, so a draft that says what is now stored takes its stored spelling
    if (same(draft, seen) || same(draft, stored)) setDraft(stored);
  }
  return [draft, setDraft];
}
