import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { installFakePreload } from '../../support/fake-preload';
import { App } from '../../../../renderer/app/App';
import { useUi } from '../../../../renderer/common/ui-store';
import { BUDGETS_KEY } from '../../../../renderer/money/budgets/spend-totals';
import { freshLedger } from '../../support/fresh-ledger';
import { makeRecord } from '../../support/generation-records';

// The whole app over the real backend: main's events reach the ledger the app started, and the Activity view,
// the budget banner and navigation follow.

let backend: Backend;
beforeAll(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-activity-app-'));
  backend = createBackend({ dataDir, transport: 'electron', version: '0.0.0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  installFakePreload(backend);
});
let close: (() => void) | null = null;
afterEach(() => {
  cleanup();
  close?.();
  useUi.getState().openRoom(null);
});

describe('Activity in the app', () => {
  it('records what main reports, flags a reconciliation mismatch, and opens the answer', async () => {
    const user = userEvent.setup();
    close = (await freshLedger()).close;
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Activity' }));
    expect(await screen.findByRole('heading', { name: 'Activity' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Activity' })).toBeTruthy();

    backend.hub.emit('generation.recorded', { record: makeRecord({ id: 'gen-app', createdAt: Date.now(), costMicros: 9_000 }) });
    backend.hub.emit('generation.recorded', { record: makeRecord({ id: 'gen-other', createdAt: Date.now(), source: 'local-api', costMicros: 1_000 }) });
    backend.hub.emit('chat.finished', {
      streamId: 'stream-app-1', meta: { conversationId: 'conv-1', messageId: 'msg-1', columnId: 'col-1' }, status: 'done', text: 'x', reasoning: '', toolCalls: [],
      model: 'openai/gpt-4o', provider: 'OpenAI', startedAt: 1, firstTokenAt: 2, seq: 1, finishReason: 'stop', error: null, record: makeRecord({ id: 'gen-app', createdAt: Date.now(), costMicros: 9_000 }),
    });
    const requests = screen.getByRole('table', { name: 'Requests' });
    await waitFor(() => expect(within(requests).getAllByRole('row')).toHaveLength(3));

    backend.hub.emit('generation.reconciled', {
      generationId: 'gen-app', status: 'reconciled', billedMicros: 10_500, localMicros: 9_000, mismatch: true, diffMicros: -1_500, provider: 'OpenAI', nativeTokens: null, error: null,
    });
    const flag = await within(requests).findByRole('note');
    expect(flag.getAttribute('aria-label')).toBe("Parley's price $0.009 · OpenRouter billed $0.0105 (+17 %)");

    await user.click(within(requests).getByRole('button', { name: /Open the answer from openai\/gpt-4o/ }));
    expect(useUi.getState().view).toEqual({ kind: 'room', conversationId: 'conv-1', focusMessageId: 'msg-1' });
  });

  it('warns in a banner once spend reaches 80 % of a limit', async () => {
    const { repo, close: c } = await freshLedger();
    close = c;
    await repo.putSetting(BUDGETS_KEY, { overall: { dailyMicros: 1_000_000 } });
    render(<App />);
    await screen.findByRole('button', { name: 'Activity' });
    expect(screen.queryByRole('status', { name: 'Spend limits' })).toBeNull();
    backend.hub.emit('generation.recorded', { record: makeRecord({ id: 'gen-big', createdAt: Date.now(), costMicros: 900_000 }) });
    const banner = await screen.findByRole('status', { name: 'Spend limits' });
    expect(banner.textContent).toBe('Overall daily spend is at 90% of its limit: $0.90 of $1.00.');
  });
});
