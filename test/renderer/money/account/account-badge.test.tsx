import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { render, screen, cleanup, waitFor, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { adapterFor } from '../../../../electron/engine/providers/registry';
import { installFakePreload } from '../../support/fake-preload';
import { startFakeOpenRouterAccount, sampleKeyData, type FakeOpenRouterAccount } from '../../../fakes/openrouter-account';
import { AccountBadge, BALANCE_RECHECK_MS } from '../../../../renderer/money/account/AccountBadge';
import { freshLedger } from '../../support/fresh-ledger';
import { makeRecord } from '../../support/generation-records';

// The real backend (main's account service) behind the fake preload, talking to a fake OpenRouter account API
// on 127.0.0.1.

let backend: Backend;
let fake: FakeOpenRouterAccount;
const routesCalled: string[] = [];

beforeAll(async () => {
  fake = await startFakeOpenRouterAccount({
    keys: {
      'sk-or-good-SECRET': { credits: { total_credits: 25, total_usage: 4.5 }, key: sampleKeyData() },
      // an ordinary (non-management) key: /credits is refused, so main reads /key
      'sk-or-plain-SECRET': { creditsForbidden: true, key: sampleKeyData() },
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-account-'));
  backend = createBackend({
    dataDir, transport: 'electron', version: '0.0.0', cipher: createLocalCipher(dataDir), adapterFor, env: {}, fetch: globalThis.fetch, detectLocalServers: false,
  });
  const api = installFakePreload(backend);
  const invoke = api.invoke;
  api.invoke = (route, input) => {
    routesCalled.push(route);
    return invoke(route, input);
  };
});
afterAll(async () => {
  await backend.close?.();
  await fake.close();
});

let closeLedger: (() => void) | null = null;
afterEach(() => {
  cleanup();
  closeLedger?.();
  vi.useRealTimers();
});

/** Saves a key; main checks the balance at once (keys changed), and this waits for that check. */
async function setKey(apiKey: string) {
  const r = await backend.dispatch('keys.set', { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: fake.baseUrl, apiKey });
  expect(r).toMatchObject({ ok: true });
  await backend.dispatch('account.refresh', {}); // joins the check main started
}

async function renderBadge() {
  closeLedger = (await freshLedger()).close;
  const user = userEvent.setup();
  render(<AccountBadge />);
  return user;
}

const balance = () => screen.getByLabelText('OpenRouter balance').textContent;

describe('OpenRouter balance in the header', () => {
  it('is absent while no OpenRouter key is configured', async () => {
    const before = routesCalled.length;
    await renderBadge();
    await waitFor(() => expect(routesCalled.slice(before)).toEqual(expect.arrayContaining(['account.summary', 'keys.list'])));
    await act(async () => {});
    expect(screen.queryByRole('group', { name: 'OpenRouter account' })).toBeNull();
  });

  it('has the balance as soon as a key is saved, without a click', async () => {
    const before = fake.requests.length;
    await setKey('sk-or-good-SECRET');
    expect(fake.requests.length).toBeGreaterThan(before); // main asked OpenRouter when the key changed
    await renderBadge();
    await waitFor(() => expect(balance()).toBe('$20.50'));
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('Credits bought $25.00, used $4.50');
    expect(screen.getByLabelText('OpenRouter balance').closest('[aria-describedby]')?.getAttribute('aria-describedby')).toBe(tip.id);
    expect(document.body.innerHTML).not.toContain('SECRET');
  });

  it('asks OpenRouter when a window opens on an old figure, and again every few minutes while visible', async () => {
    await setKey('sk-or-good-SECRET');
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(Date.now() + 10 * 60_000); // main's figure is ten minutes old
    fake.state.keys['sk-or-good-SECRET']!.credits = { total_credits: 25, total_usage: 5.5 };
    await renderBadge();
    await waitFor(() => expect(balance()).toBe('$19.50'));
    fake.state.keys['sk-or-good-SECRET']!.credits = { total_credits: 25, total_usage: 6.5 };
    await act(async () => {
      vi.advanceTimersByTime(BALANCE_RECHECK_MS);
    });
    await waitFor(() => expect(balance()).toBe('$18.50'));
    fake.state.keys['sk-or-good-SECRET']!.credits = { total_credits: 25, total_usage: 4.5 };
  });

  it('shows a key limit lower than the balance in the header, with the balance beside it', async () => {
    fake.state.keys['sk-or-good-SECRET']!.key = sampleKeyData({ limit: 10, limit_remaining: 3.25 });
    await setKey('sk-or-good-SECRET');
    await renderBadge();
    await waitFor(() => expect(balance()).toBe('$3.25 left (key limit)'));
    expect(screen.getByRole('group', { name: 'OpenRouter account' }).textContent).toContain('of $20.50 balance');
    fake.state.keys['sk-or-good-SECRET']!.key = sampleKeyData();
  });

  it('shows key usage by day, week and month on hover for an ordinary key', async () => {
    await setKey('sk-or-plain-SECRET');
    const user = await renderBadge();
    await user.click(await screen.findByRole('button', { name: 'Refresh OpenRouter balance' }));
    await waitFor(() => expect(balance()).toBe('$74.50 left on key'));
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('Key usage today $1.25 · this week $6.50 · this month $25.50 (UTC)');
    expect(tip.textContent).toContain('BYOK usage today $0.50 · this week $3.20 · this month $17.38');
    expect(tip.textContent).toContain('Key limit $100.00 (resets monthly), $74.50 remaining');
    expect(document.body.innerHTML).not.toContain('SECRET');
  });

  it('follows account.changed from main without a click', async () => {
    await setKey('sk-or-good-SECRET');
    await renderBadge();
    await screen.findByRole('group', { name: 'OpenRouter account' });
    fake.state.keys['sk-or-good-SECRET']!.credits = { total_credits: 30, total_usage: 4.5 };
    await act(async () => {
      await backend.dispatch('account.refresh', {}); // main re-checks (as after a generation) and emits account.changed
    });
    await waitFor(() => expect(balance()).toBe('$25.50'));
  });

  it('explains an invalid key, keeping the last known balance', async () => {
    await setKey('sk-or-wrong-SECRET');
    const user = await renderBadge();
    await user.click(await screen.findByRole('button', { name: 'Refresh OpenRouter balance' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Invalid OpenRouter key: OpenRouter did not accept the API key (invalid, disabled or expired). Check the key in Settings.');
    expect(screen.getByText('(last known)')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('SECRET');
  });

  it('says when the account is out of credits', async () => {
    await setKey('sk-or-good-SECRET');
    fake.state.keys['sk-or-good-SECRET']!.outOfCredits = true;
    const user = await renderBadge();
    await user.click(await screen.findByRole('button', { name: 'Refresh OpenRouter balance' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Out of credits: The OpenRouter account is out of credits/);
    fake.state.keys['sk-or-good-SECRET']!.outOfCredits = false;
  });

  it('asks to slow down when rate-limited', async () => {
    await setKey('sk-or-good-SECRET');
    fake.state.keys['sk-or-good-SECRET']!.credits = { total_credits: 30, total_usage: 4.5 };
    for (const path of ['/credits', '/key']) fake.respondNext(path, { status: 429, body: { error: { code: 429, message: 'Rate limit exceeded' } }, headers: { 'retry-after': '7' } });
    const user = await renderBadge();
    await user.click(await screen.findByRole('button', { name: 'Refresh OpenRouter balance' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Slow down: OpenRouter is rate-limiting requests: slow down and retry in 7 s.');
    // the next refresh recovers
    await user.click(screen.getByRole('button', { name: 'Refresh OpenRouter balance' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(balance()).toBe('$25.50');
  });

  it('shows the free-model limits once a :free model was used', async () => {
    await setKey('sk-or-good-SECRET');
    const user = await renderBadge();
    await user.click(await screen.findByRole('button', { name: 'Refresh OpenRouter balance' }));
    await waitFor(() => expect(balance()).toBe('$25.50'));
    expect(screen.queryByText(/Free models:/)).toBeNull();
    const { ledger } = await import('../../../../renderer/common/ledger');
    await act(async () => {
      await ledger().ingest(makeRecord({ id: 'free-1', requestedModel: 'meta-llama/llama-3.3-70b-instruct:free', model: 'meta-llama/llama-3.3-70b-instruct:free', createdAt: Date.now() }));
    });
    expect((await screen.findByText(/Free models:/)).textContent).toBe('Free models: 20/min, 1,000/day — 1 used today (UTC) from this device');
  });
});
