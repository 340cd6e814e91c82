import { loadModels } from '../../common/models/use-models';
import { modelForPricing } from '../../common/money/model-pricing';
import { setContextDropMark } from '../../history/db/context-marks';
import { setConversationInMemory } from '../../common/room/room-store';
import type { ColumnConfig, Conversation, MessageRow } from '../../common/room/types';
import { countContext, countInSlices } from './context-count';
import { DEFAULT_OVERFLOW, fitContext, promptLimit } from './overflow-rule';

/** The room chose "stop" (or the prompt alone is too long): nothing is sent, and the message says why. */
export class ContextFullError extends Error {
  override name = 'ContextFullError';
}

const k = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n.toLocaleString('en-US'));

/** The model's context window from the catalog, or null when unknown (then no limit applies). */
export async function contextLengthOf(model: string): Promise<number | null> {
  try {
    return modelForPricing((await loadModels()).models, model).model?.contextLength ?? null;
  } catch {
    return null;
  }
}

/**
 * The history column `column` sends, after the room's overflow choice: all of it when it fits, else without its
 * oldest turns (recorded on the conversation so the room marks them), else a ContextFullError.
 */
export async function fitForSend(conv: Conversation, column: ColumnConfig, history: MessageRow[]): Promise<MessageRow[]> {
  await countInSlices(history);
  const count = countContext({ model: column.model, systemPrompt: column.settings.systemPrompt, history });
  const limit = promptLimit(await contextLengthOf(column.model), column.settings.maxTokens);
  const fit = fitContext({ roles: history.map((m) => m.role), perMessage: count.perMessage, fixed: count.fixed, limit }, conv.contextOverflow ?? DEFAULT_OVERFLOW);
  if (fit.kind === 'too-long') {
    const why =
      fit.reason === 'prompt-alone'
        ? `this prompt alone needs about ${k(fit.total)} tokens and ${column.model} takes ${k(fit.limit)}. Shorten it or pick a model with a longer context.`
        : `this conversation needs about ${k(fit.total)} tokens and ${column.model} takes ${k(fit.limit)}. Choose "Drop oldest turns" in the column's context meter, pick a model with a longer context, or start a new chat.`;
    throw new ContextFullError(`Not sent: ${why}`);
  }
  const mark = fit.kind === 'dropped' ? { model: column.model, keptFromId: history[fit.keepFrom]!.id, droppedTurns: fit.droppedTurns } : null;
  if (mark || conv.contextDropped?.[column.id]) setConversationInMemory(await setContextDropMark(conv.id, column.id, mark));
  return fit.kind === 'dropped' ? history.slice(fit.keepFrom) : history;
}
