import type { FactAnswer, VoteFact, VoteFactPack } from './types';
import { classifyPrompt } from '../../../../shared/prompts/classify';

// A pack is stored column by column (one array per field, answers flattened): IndexedDB reads arrays of strings
// and numbers two to three times faster than as many small objects, and rebuilding the objects costs little.
// An absent optional field is stored as null and read back absent (an unknown figure never becomes 0).

const opt = <T,>(v: T | undefined): T | null => (v === undefined ? null : v);

export function encodePack(conversationId: string, facts: readonly VoteFact[]): VoteFactPack {
  const answers = facts.flatMap((f) => f.vote.answers);
  return {
    conversationId,
    promptId: facts.map((f) => f.promptId),
    excerpt: facts.map((f) => f.promptExcerpt),
    category: facts.map((f) => f.category ?? classifyPrompt(f.promptExcerpt)),
    at: facts.map((f) => f.vote.at),
    blind: facts.map((f) => f.vote.blind),
    verdict: facts.map((f) => f.vote.verdict),
    winnerId: facts.map((f) => opt(f.vote.winnerId)),
    answerCount: facts.map((f) => f.vote.answers.length),
    messageId: answers.map((a) => a.messageId),
    columnId: answers.map((a) => a.columnId),
    model: answers.map((a) => a.model),
    label: answers.map((a) => a.label),
    generationId: answers.map((a) => opt(a.generationId)),
    rowId: answers.map((a) => opt(a.rowId)),
    costMicros: answers.map((a) => opt(a.costMicros)),
    ttftMs: answers.map((a) => opt(a.ttftMs)),
    tokensPerSecond: answers.map((a) => opt(a.tokensPerSecond)),
  };
}

export function decodePack(p: VoteFactPack): VoteFact[] {
  const out: VoteFact[] = [];
  let j = 0;
  for (let i = 0; i < p.promptId.length; i++) {
    const answers: FactAnswer[] = [];
    for (const end = j + p.answerCount[i]!; j < end; j++) {
      const a: FactAnswer = { messageId: p.messageId[j]!, columnId: p.columnId[j]!, model: p.model[j]!, label: p.label[j]! };
      if (p.generationId[j] !== null) a.generationId = p.generationId[j]!;
      if (p.rowId[j] !== null) a.rowId = p.rowId[j]!;
      if (p.costMicros[j] !== null) a.costMicros = p.costMicros[j]!;
      if (p.ttftMs[j] !== null) a.ttftMs = p.ttftMs[j]!;
      if (p.tokensPerSecond[j] !== null) a.tokensPerSecond = p.tokensPerSecond[j]!;
      answers.push(a);
    }
    const vote: VoteFact['vote'] = { verdict: p.verdict[i]!, answers, blind: p.blind[i]!, at: p.at[i]! };
    if (p.winnerId[i] !== null) vote.winnerId = p.winnerId[i]!;
    out.push({ promptId: p.promptId[i]!, promptExcerpt: p.excerpt[i]!, category: p.category?.[i] ?? classifyPrompt(p.excerpt[i]!), vote });
  }
  return out;
}

/** How many facts a pack holds, without decoding it. */
export const packSize = (p: VoteFactPack): number => p.promptId.length;
