import { getParleyDb } from './database';
import { InvalidWriteError, NotFoundError } from './errors';
import { FUSED_COLUMN_ID } from './group-id';
import { addStreamingAnswerRow } from './messages';
import { ensureConversationMaterialized } from './staging/materialize';
import type { MessageRow, ModelSnapshot } from './types';

// A fused answer: one model given a prompt and that prompt's answers writes one answer combining them. It is an
// answer of the prompt like any other (streamed, costed, in the ledger) in the prompt's "fused" sibling group.

export interface NewFusedAnswer {
  parentId: string; // the prompt
  model: Pick<ModelSnapshot, 'requested'>;
  /** the answers fused, two or more, all answers of the prompt */
  sources: string[];
  now?: number;
}

/** Creates the fused answer empty, in 'streaming' state; stream into it with createStreamCheckpointer(). */
export async function createFusedAnswer(conversationId: string, input: NewFusedAnswer): Promise<MessageRow> {
  const db = getParleyDb();
  await ensureConversationMaterialized(db, conversationId);
  return db.transaction('rw', [db.conversations, db.messages], async () => {
    const conv = await db.conversations.get(conversationId);
    if (!conv || conv.deletedAt !== undefined) throw new NotFoundError(`conversation ${conversationId} not found`);
    const prompt = await db.messages.get(input.parentId);
    if (!prompt || prompt.conversationId !== conversationId || prompt.role !== 'user') throw new InvalidWriteError('a fused answer must answer a prompt of the same conversation');
    if (new Set(input.sources).size < 2 || new Set(input.sources).size !== input.sources.length) throw new InvalidWriteError('fusing needs two or more different answers');
    for (const s of await db.messages.bulkGet(input.sources)) {
      if (!s || s.role !== 'assistant' || s.parentId !== prompt.id || s.columnId === FUSED_COLUMN_ID) throw new InvalidWriteError('only answers of this prompt can be fused');
    }
    const row = await addStreamingAnswerRow(db, conv, {
      parentId: prompt.id,
      columnId: FUSED_COLUMN_ID,
      model: { requested: input.model.requested, used: null, provider: null, upstream: null },
      fused: { sources: [...input.sources] },
      now: input.now ?? Date.now(),
    });
    await db.conversations.put(conv);
    return row;
  });
}
