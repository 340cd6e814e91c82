import type { ColumnConfig } from '../../common/room/types';
import { isMyBest, MY_BEST_NAME } from '../../common/suggest/my-best';

/** Short, unique names for columns: "claude-sonnet-4.5", and "gpt-4o #2" when a model appears twice. */
export function columnLabels(columns: ColumnConfig[]): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const c of columns) {
    const base = c.label || (isMyBest(c.model) ? MY_BEST_NAME : (c.model.split('/').pop() ?? c.model));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(c.id, n === 1 ? base : `${base} #${n}`);
  }
  return out;
}
