// What a column sends when its history no longer fits the model's context window: the room's choice between
// dropping the oldest turns (a prompt with the answers that follow it, oldest first, never the prompt being sent)
// or not sending at all, with the reason.

export type OverflowChoice = 'drop-oldest' | 'stop';
export const DEFAULT_OVERFLOW: OverflowChoice = 'stop';

/** Share of the window at which the meter warns. */
export const WARN_RATIO = 0.8;

export interface FitInput {
  roles: readonly ('user' | 'assistant' | 'system')[];
  /** each history message's tokens, oldest first */
  perMessage: readonly number[];
  /** tokens sent whatever is dropped (system prompt, tools, priming) */
  fixed: number;
  /** the model's window less what is kept free for the answer; null when unknown (no limit applies) */
  limit: number | null;
}

export type FitResult =
  | { kind: 'fits'; total: number }
  | { kind: 'dropped'; keepFrom: number; droppedTurns: number; total: number }
  | { kind: 'too-long'; total: number; limit: number; reason: 'stop-chosen' | 'prompt-alone' };

/** Applies the room's overflow choice to one column's history. keepFrom: the index of the first message sent. */
export function fitContext(input: FitInput, choice: OverflowChoice): FitResult {
  const { perMessage, roles, fixed, limit } = input;
  let total = fixed;
  for (const t of perMessage) total += t;
  if (limit === null || total <= limit) return { kind: 'fits', total };
  if (choice === 'stop') return { kind: 'too-long', total, limit, reason: 'stop-chosen' };
  const lastPrompt = roles.lastIndexOf('user');
  let keepFrom = 0;
  let droppedTurns = 0;
  let sent = total;
  while (sent > limit && keepFrom < lastPrompt) {
    // one turn: the prompt at keepFrom and everything up to the next prompt
    let end = keepFrom + 1;
    while (end < lastPrompt && roles[end] !== 'user') end++;
    for (let i = keepFrom; i < end; i++) sent -= perMessage[i]!;
    keepFrom = end;
    droppedTurns++;
  }
  if (sent > limit) return { kind: 'too-long', total: sent, limit, reason: 'prompt-alone' };
  return { kind: 'dropped', keepFrom, droppedTurns, total: sent };
}

/** The tokens a request may carry: the window less the room kept for the answer (max_tokens), or null. */
export function promptLimit(contextLength: number | null | undefined, maxTokens: number | undefined): number | null {
  if (!contextLength || contextLength <= 0) return null;
  return Math.max(0, contextLength - Math.max(0, maxTokens ?? 0));
}
