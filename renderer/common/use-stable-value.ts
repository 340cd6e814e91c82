import { useMemo } from 'react';

/** The value from an earlier render while it is equal in content (by `key`): a record re-read from storage keeps its
 * identity, so what is derived from it (memos, memoized components) is not worked out again. For small values. */
export function useStableValue<T>(value: T, key: (v: T) => string = (v) => JSON.stringify(v)): T {
  const k = key(value);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the value: equal content, same value
  return useMemo(() => value, [k]);
}
