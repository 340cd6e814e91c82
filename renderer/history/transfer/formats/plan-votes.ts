import { FUSED_COLUMN_ID } from '../../db/group-id';
import type { FusedFrom, TurnVote } from '../../db/types';
import type { ValidatedExport } from './export-format';

// What an imported turn keeps of its vote and an imported fused answer of its sources: ids are mapped like every
// other id of the file; a vote that does not fit the file's answers is left out (with a warning) rather than
// guessed at, and sources that are not answers of the same prompt are dropped.

type FileMessage = ValidatedExport['conversations'][number]['messages'][number];

const isAnswerOf = (m: FileMessage | undefined, promptId: string): m is FileMessage =>
  !!m && m.role === 'assistant' && m.parentId === promptId && m.columnId !== FUSED_COLUMN_ID;

export function importedVote(prompt: FileMessage, byId: Map<string, FileMessage>, msgId: (old: string) => string): { vote?: TurnVote; problem?: string } {
  const v = prompt.vote;
  if (!v) return {};
  if (prompt.role !== 'user') return { problem: `message ${prompt.id} is an answer and cannot hold a vote; the vote was left out` };
  const ids = new Set(v.answers.map((a) => a.messageId));
  const fits =
    ids.size === v.answers.length &&
    v.answers.every((a) => isAnswerOf(byId.get(a.messageId), prompt.id)) &&
    (v.verdict === 'best' ? !!v.winnerId && ids.has(v.winnerId) : v.winnerId === undefined);
  if (!fits) return { problem: `the vote on prompt ${prompt.id} names answers that are not this prompt's; it was left out` };
  const vote: TurnVote = {
    verdict: v.verdict,
    answers: v.answers.map((a) => ({
      messageId: msgId(a.messageId),
      columnId: a.columnId,
      model: a.model,
      label: a.label,
      ...(a.generationId !== undefined ? { generationId: a.generationId } : {}),
    })),
    blind: v.blind,
    at: v.at,
  };
  if (v.winnerId !== undefined) vote.winnerId = msgId(v.winnerId);
  return { vote };
}

export function importedFused(answer: FileMessage, byId: Map<string, FileMessage>, msgId: (old: string) => string): { fused?: FusedFrom; problem?: string } {
  if (!answer.fused) return {};
  const kept = answer.fused.sources.filter((id) => answer.parentId !== null && isAnswerOf(byId.get(id), answer.parentId));
  const fused = { sources: kept.map(msgId) };
  if (kept.length === answer.fused.sources.length) return { fused };
  return { fused, problem: `fused answer ${answer.id} named ${answer.fused.sources.length - kept.length} source(s) that are not answers of its prompt; they were dropped` };
}
