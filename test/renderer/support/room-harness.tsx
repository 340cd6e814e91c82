import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';
import type { ModelList } from '../../../shared/contract/models';
import { installFakePreload } from './fake-preload';
import { createFakeChatEngine, type FakeEngineOptions } from '../../e2e/support/fake-chat-engine';
import { App } from '../../../renderer/app/App';
import { useRoom } from '../../../renderer/common/room/room-store';
import { ParleyDb, setParleyDb } from '../../../renderer/history/db/database';
import { liveAnswers } from '../../../renderer/common/room/live-answers';
import { stopStreamSyncForTests } from '../../../renderer/chat/state/stream-sync';
import { newColumn, startDraft } from '../../../renderer/chat/state/actions';
import { useUi } from '../../../renderer/common/ui-store';
import { usePicker } from '../../../renderer/chat/models/picker-store';
import { useFirstRun } from '../../../renderer/common/first-run-store';

// The room in jsdom against the real backend (stream manager, dispatcher, events) with a fake engine behind it.

export interface Harness {
  backend: Backend;
  requests: ReturnType<typeof createFakeChatEngine>['requests'];
}

export function createHarness(opts: FakeEngineOptions & { models?: ModelList['models'] } = {}): Harness {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-room-'));
  const fake = createFakeChatEngine(opts);
  const backend = createBackend({
    dataDir, transport: 'electron', version: '0.0.0', cipher: createLocalCipher(dataDir), chatEngine: fake.engine, env: {}, detectLocalServers: false,
    listModels: () => ({ models: opts.models ?? [], source: 'bundled', fetchedAt: 1 }),
  });
  installFakePreload(backend);
  return { backend, requests: fake.requests };
}

let dbCount = 0;
/** A fresh page: empty in-memory state and a new, empty database. */
export function resetPage() {
  setParleyDb(new ParleyDb(`room-test-${Date.now()}-${++dbCount}`));
  stopStreamSyncForTests();
  liveAnswers.reset();
  useRoom.setState({ conversations: [], conversationsLoaded: false, openId: null, conversation: null, messages: new Map(), loaded: 'none', draftColumns: [], draftBlind: false, draftLayout: undefined });
  useUi.setState({ view: { kind: 'room', conversationId: null } });
  usePicker.setState({ intent: null });
  useFirstRun.setState({ upstreamId: null, skipped: false });
}

/** Simulates a reload: memory is gone, the database and main's streams are not. */
export function reloadPage() {
  stopStreamSyncForTests();
  liveAnswers.reset();
  const view = useUi.getState().view;
  useRoom.setState({ conversations: [], conversationsLoaded: false, openId: null, conversation: null, messages: new Map(), loaded: 'none', draftColumns: [] });
  useUi.setState({ view });
}

export function openRoomWith(models: string[]) {
  startDraft(models.map((m) => newColumn(m)));
  return render(<App />);
}

export async function sendPrompt(text: string) {
  const user = userEvent.setup();
  const box = (await screen.findByRole('textbox', { name: 'Prompt' })) as HTMLTextAreaElement;
  fireEvent.change(box, { target: { value: text } });
  await user.type(box, '{Enter}');
}

/** Waits until every stream finished and its answer was stored and acknowledged. */
export async function settled(h: Harness) {
  await waitFor(() => expect(h.backend.streams!.active()).toEqual([]), { timeout: 10_000 });
}
