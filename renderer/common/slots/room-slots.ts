import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { ReactElement } from 'react';
import { placeHolds, type SendTicket } from '../money/send-holds';
import { slot } from './slot';

// The room's places other areas fill (app/feature-slots.ts): money's estimate and budget gate in the composer,
// history's export menu in the room title.

export const sendEstimateSlot = slot<{ models: string[]; columnIds: string[]; request: (model: string, index: number) => ChatRequest; names?: string[] }>('SendEstimate');

export const exportMenuSlot = slot<{ conversationId: string; title: string }>('ExportMenu');

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
