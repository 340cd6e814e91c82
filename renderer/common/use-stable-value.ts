import { useRef } from 'react';

/** The value from an earlier render while it is equal in content (by `key`): a record re-read from storage keeps its
 * identity, so what is derived from it (memos, memoized components) is not worked out again. For small values. */
export function useStableValue<T>(value: T, key: (v: T) => string = (v) => JSON.stringify(v)): T {
  const held = useRef<{ key: string; value: T } | null>(null);
  const k = key(value);
  if (held.current === null || held.current.key !== k) held.current = { key: k, value };
  return held.current.value;
}
