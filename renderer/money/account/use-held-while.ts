import { useState } from 'react';

/** `value` as it was when `held` became true, for as long as it stays true. */
export function useHeldWhile<T>(value: T, held: boolean): T {
  const [kept, setKept] = useState<{ value: T } | null>(null);
  if (held && !kept) setKept({ value });
  if (!held && kept) setKept(null);
  return held && kept ? kept.value : value;
}
