import type { ChatRequest, ContentPart } from '../../../shared/openrouter/chat-request';
import { createFusedAnswer } from '../../history/db/fused';
import { FUSED_COLUMN_ID } from '../../history/db/group-id';
import { attachmentData } from './attachment-data';
import { isComparable, letterAt, shownAnswers } from '../../common/room/blind';
import { reloadConversation, streamInto } from './actions';
import { userContent, type AttachmentData } from './request';
import { indexMessages, turnOf } from '../../common/room/turns';
import { useRoom } from '../../common/room/room-store';
import type { MessageRow } from '../../common/room/types';

// "Fuse these answers": a chosen model gets the prompt and the turn's finished answers (named by letter, never by
// model, so no model is favoured by name) and writes one answer combining them, stored as the turn's fused answer.

export const FUSE_INSTRUCTIONS =
  'You are given a request and several answers to it written independently. Write one answer to the request that combines them: keep what is ' +
  'correct and useful from each, resolve disagreements (say so where they cannot be resolved), and leave out repetition and mistakes. Answer the ' +
  'request directly; do not mention the separate answers or that they were combined.';

export interface FuseSource {
  letter: string;
  row: MessageRow;
}

function answersBlock(sources: readonly FuseSource[]): string {
  return `\n\n---\nAnswers to combine:\n\n${sources.map((s) => `### Answer ${s.letter}\n\n${s.row.content.trim()}`).join('\n\n')}`;
}

/** The request the fusing model gets: instructions, then the prompt (with its attachments) and the answers. */
export function fuseRequest(model: string, prompt: MessageRow, sources: readonly FuseSource[], data: AttachmentData = new Map()): ChatRequest {
  const content = userContent(prompt, data);
  const block = answersBlock(sources);
  const user: string | ContentPart[] = typeof content === 'string' ? `${content}${block}` : [...content, { type: 'text', text: block.trimStart() }];
  return { model, stream: true, messages: [{ role: 'system', content: FUSE_INSTRUCTIONS }, { role: 'user', content: user }] };
}

/** The answers a fuse combines: the turn's finished column answers, in column order, lettered A, B, C… */
export function fuseSourcesOf(promptId: string): FuseSource[] {
  const s = useRoom.getState();
  const conv = s.conversation;
  const turn = conv ? turnOf(indexMessages(s.messages.values(), conv.id), conv, promptId) : null;
  if (!conv || !turn) return [];
  return shownAnswers(turn, conv.columns, false)
    .filter((a) => isComparable(a.siblings.active))
    .map((a, i) => ({ letter: letterAt(i), row: a.siblings.active }));
}

/** Starts a fused answer of a turn of the open room, written by `model`. */
export async function fuseTurn(promptId: string, model: string): Promise<MessageRow> {
  const conv = useRoom.getState().conversation;
  const prompt = useRoom.getState().messages.get(promptId);
  if (!conv || !prompt) throw new Error('That turn is not in the open conversation');
  const sources = fuseSourcesOf(promptId);
  if (sources.length < 2) throw new Error('Fusing needs two or more finished answers');
  const request = fuseRequest(model, prompt, sources, await attachmentData([prompt]));
  const row = await createFusedAnswer(conv.id, { parentId: promptId, model: { requested: model }, sources: sources.map((s) => s.row.id) });
  streamInto(row, `${FUSED_COLUMN_ID}:${promptId}`, request);
  await reloadConversation(conv.id);
  return row;
}

/** A new fused answer beside an earlier one (same model unless another is given): "Fuse again". */
export function fuseAgain(fusedAnswer: MessageRow, model?: string): Promise<MessageRow> {
  if (!fusedAnswer.parentId) return Promise.reject(new Error('This answer has no prompt'));
  return fuseTurn(fusedAnswer.parentId, model ?? fusedAnswer.model?.requested ?? 'unknown/model');
}
