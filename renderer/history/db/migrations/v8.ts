import type { Transaction } from 'dexie';
import { V7_STORES } from './v7';

// Version 8: answers may carry their tool loop (`offeredTools`, `toolSteps`: calls, approvals, results and each
// step's generation record) in the message row, beside their text. No new index: search reaches tool names and
// result text through the full-text index (searchable-text.ts). The version still changes so that an older Parley,
// whose export and search know nothing of tool steps, cannot open (and silently lose them from) a newer history.

export const V8_STORES = { ...V7_STORES } as const;

export async function upgradeToV8(_tx: Transaction): Promise<void> {
  // rows of earlier versions ran no tool loops: nothing to move
}
