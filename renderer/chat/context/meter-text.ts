import type { MessageRow } from '../../common/room/types';
import type { OverflowChoice } from './overflow-rule';

export const tokensLabel = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n.toLocaleString('en-US'));

/** "Next prompt: its own history, 12 turns, 48k of 128k tokens" (plus what happens when it does not fit). */
export function meterText(columnId: string, history: Pick<MessageRow, 'role' | 'columnId'>[], tokens: number, window: number | null, choice: OverflowChoice): string {
  const turns = history.filter((m) => m.role === 'user').length;
  const shared = history.some((m) => m.role === 'assistant' && m.columnId !== columnId);
  const whose = shared ? 'history with answers from other columns' : 'its own history';
  const of = window ? ` of ${tokensLabel(window)}` : ' (context window unknown)';
  const base = `Next prompt: ${whose}, ${turns} ${turns === 1 ? 'turn' : 'turns'}, ${tokensLabel(tokens)}${of} tokens`;
  if (!window || tokens <= window) return base;
  return `${base}. Full: ${choice === 'drop-oldest' ? 'the oldest turns will not be sent' : 'it will not be sent'}`;
}
