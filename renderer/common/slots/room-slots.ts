import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { ReactElement } from 'react';
import { placeHolds, type SendTicket } from '../money/send-holds';
import type { ReplaySource } from '../../history/db/types';
import { slot } from './slot';

// The places one area's UI shows another's, filled by app/feature-slots.ts: money's estimate, budget gate and
// suggestion in the composer, history's export menu and money's reprice in the room title, the room's replay
// dialog in the leaderboard.

export const sendEstimateSlot = slot<{ models: string[]; columnIds: string[]; request: (model: string, index: number) => ChatRequest; names?: string[]; toolStepLimits?: (number | null)[] }>('SendEstimate');

export const exportMenuSlot = slot<{ conversationId: string; title: string }>('ExportMenu');

/** A conversation's requests, or some generations (an answer, a turn). */
export const repriceSlot = slot<{ conversationId?: string; generationIds?: readonly string[]; what: string; label: string }>('Reprice');

export const roomAssistantSlot = slot<Record<string, never>>('RoomAssistantControls');

export const assistantsPanelSlot = slot<Record<string, never>>('AssistantsPanel');

/** "Replay these prompts…" under the history search's results. */
export const searchReplaySlot = slot<{ hits: readonly { conversationId: string; messageId: string }[] }>('SearchReplay');

/** The guided first run, shown in a new chat while nothing the user set up can answer (app/first-run/). */
export const firstRunSlot = slot<Record<string, never>>('FirstRun');

export const promptSuggestionSlot = slot<{ text: string; models: readonly string[] }>('PromptSuggestion');

export const replayDialogSlot = slot<{ sources: ReplaySource[]; suggestedModels: string[]; onClose: () => void; onStarted: (conversationId: string) => void }>('ReplayDialog');

/** What the composer asks before a send: the columns' holds (a ticket), or null when a budget says no. */
export interface SendGate {
  allow(columns: { columnId: string; model: string; request: ChatRequest }[]): Promise<SendTicket | null>;
}

/** The budget gate the composer uses, and the notice it shows when the gate said no. */
export interface SendGuard<G extends SendGate = SendGate> {
  useGate: () => G;
  blockedNotice: (props: { gate: G; onSendAnyway: () => void }) => ReactElement | null;
}

const openGate: SendGate = { allow: async () => placeHolds([]) };
let guard: SendGuard = { useGate: () => openGate, blockedNotice: () => null };

export function fillSendGuard<G extends SendGate>(g: SendGuard<G>): void {
  guard = g as unknown as SendGuard;
}

export const sendGuard = (): SendGuard => guard;
