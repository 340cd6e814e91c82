import { answerFigures, isLoopStep } from './answer-cost';
import type { LedgerRow } from '../ledger-types';
import type { GenerationRow, MessageRow } from '../types';
import { promptExcerpt } from '../prompt-excerpt';
import { classifyPrompt } from '../../../../shared/prompts/classify';
import type { FactAnswer, VoteFact, VoteFactKeys } from './types';

// How a voted turn becomes its fact. One definition, used by the migration, the self-heal rebuild and the upkeep
// of every write. An answer's ledger row is the row of its generation id; without one (no id, or no such row),
// the row linked to the answer's message (the greatest row id when several are).

/** Reads of the ledger, through whichever layer (Dexie tables or DBCore) the caller works in. */
export interface LedgerReader {
  byIds(ids: string[]): Promise<(GenerationRow | undefined)[]>;
  linkedTo(messageIds: string[]): Promise<GenerationRow[]>;
}

/** Whether this message row is a voted turn (exactly the rows the numeric range of the `vote.at` index holds). */
export function hasFact(m: Pick<MessageRow, 'vote'> | undefined): m is MessageRow & { vote: NonNullable<MessageRow['vote']> } {
  const at: unknown = m?.vote?.at;
  return typeof at === 'number' && !Number.isNaN(at);
}

export async function factsOf(prompts: MessageRow[], ledger: LedgerReader): Promise<VoteFact[]> {
  const voted = prompts.filter(hasFact);
  const gids = [...new Set(voted.flatMap((p) => p.vote.answers.flatMap((a) => (a.generationId !== undefined ? [a.generationId] : []))))];
  const byId = new Map<string, GenerationRow>();
  if (gids.length) for (const row of await ledger.byIds(gids)) if (row) byId.set(row.id, row);
  const unresolved = [...new Set(voted.flatMap((p) => p.vote.answers.filter((a) => a.generationId === undefined || !byId.has(a.generationId)).map((a) => a.messageId)))];
  const linked = new Map<string, GenerationRow>();
  if (unresolved.length) {
    for (const row of await ledger.linkedTo(unresolved)) {
      const had = row.messageId !== undefined ? linked.get(row.messageId) : undefined;
      if (row.messageId !== undefined && (!had || had.id < row.id)) linked.set(row.messageId, row);
    }
  }
  const rowOf = (a: { generationId?: string; messageId: string }) => (a.generationId !== undefined ? byId.get(a.generationId) : undefined) ?? linked.get(a.messageId);
  // An answer that ran a tool loop costs every step: read the other steps' rows, linked to the same answer.
  const loopAnswers = [...new Set(voted.flatMap((p) => p.vote.answers.filter((a) => isLoopStep(rowOf(a) as LedgerRow | undefined)).map((a) => a.messageId)))];
  const steps = new Map<string, LedgerRow[]>();
  if (loopAnswers.length) {
    for (const row of await ledger.linkedTo(loopAnswers)) {
      if (row.messageId === undefined) continue;
      const list = steps.get(row.messageId);
      if (list) list.push(row as LedgerRow);
      else steps.set(row.messageId, [row as LedgerRow]);
    }
  }
  return voted.map((p) => ({
    promptId: p.id,
    promptExcerpt: promptExcerpt(p.content),
    category: classifyPrompt(p.content),
    vote: {
      ...p.vote,
      answers: p.vote.answers.map((a): FactAnswer => {
        const row = rowOf(a);
        return { ...a, ...(row ? { rowId: row.id } : {}), ...answerFigures(row as LedgerRow | undefined, steps.get(a.messageId)) };
      }),
    },
  }));
}

export function keysOf(conversationId: string, facts: readonly VoteFact[]): VoteFactKeys {
  const gens = new Set<string>();
  const mids = new Set<string>();
  for (const f of facts) {
    for (const a of f.vote.answers) {
      if (a.generationId !== undefined) gens.add(a.generationId);
      if (a.rowId !== undefined) gens.add(a.rowId);
      mids.add(a.messageId);
    }
  }
  return { conversationId, promptIds: facts.map((f) => f.promptId), gens: [...gens], mids: [...mids] };
}

/** Facts grouped per conversation. */
export function groupFacts(entries: { conversationId: string; fact: VoteFact }[]): Map<string, VoteFact[]> {
  const by = new Map<string, VoteFact[]>();
  for (const { conversationId, fact } of entries) {
    const list = by.get(conversationId);
    if (list) list.push(fact);
    else by.set(conversationId, [fact]);
  }
  return by;
}
