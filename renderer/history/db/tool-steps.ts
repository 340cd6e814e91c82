import type { OfferedTool } from '../../../shared/tools/tool-selection';
import { getParleyDb } from './database';

// An answer's tool loop is stored in its row: the tools its column was offered (written when it starts, so a reload
// mid-loop still knows them) and, with its final state, the steps (messages.ts withOutcome).

export async function saveOfferedTools(messageId: string, offered: OfferedTool[]): Promise<void> {
  try {
    await getParleyDb().messages.update(messageId, { offeredTools: offered });
  } catch (err) {
    console.error('could not store the offered tools:', (err as Error).message);
  }
}
