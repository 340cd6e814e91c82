import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { installFakeMain } from '../../support/fake-main';
import { freshLedger } from '../../support/fresh-ledger';
import { makeRecord } from '../../support/generation-records';
import { modelSummary } from '../../support/model-summaries';
import { checkBudgetBeforeSend, resetBudgetOverride, type SendColumn } from '../../../../renderer/money/budgets/budget-check';
import { resetSendHoldsForTests, settleHold } from '../../../../renderer/common/money/send-holds';
import { spendTotals, BUDGETS_KEY } from '../../../../renderer/money/budgets/spend-totals';
import { useBudgetGate } from '../../../../renderer/money/budgets/use-budget-gate';
import { BudgetBlockedNotice } from '../../../../renderer/money/budgets/BudgetBlockedNotice';
import { BudgetBanner } from '../../../../renderer/money/budgets/BudgetBanner';
import { BudgetSettingsSection } from '../../../../renderer/money/budgets/BudgetSettingsSection';
import type { BudgetLimits } from '../../../../shared/billing';
import type { KeySummary } from '../../../../shared/contract/routes';
import type { LedgerRepo } from '../../../../renderer/history/db/ledger-types';

const KEYS: KeySummary[] = [
  { id: 'anthropic', kind: 'anthropic', label: 'Anthropic', hint: '••••1111', source: 'vault', createdAt: 1 },
  { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', hint: '••••2222', source: 'vault', createdAt: 1 },
];
const MODELS = [
  modelSummary({ id: 'anthropic/claude-sonnet-4.5', servedBy: ['Anthropic', 'OpenRouter'] }),
  modelSummary({ id: 'openai/gpt-4o', servedBy: ['OpenRouter'] }),
  modelSummary({ id: 'meta-llama/llama-3.3-70b-instruct:free', servedBy: ['OpenRouter'], isFree: true, promptUsdPerMTok: 0, completionUsdPerMTok: 0 }),
];

beforeAll(() => {
  installFakeMain({ 'keys.list': () => KEYS, 'models.list': () => ({ models: MODELS, source: 'bundled', fetchedAt: 1 }) });
});

let close: (() => void) | null = null;
afterEach(() => {
  cleanup();
  close?.();
  resetBudgetOverride();
  resetSendHoldsForTests();
});

// Spend is local calendar: a row an hour ago is today (unless the test runs just after midnight: then "earlier
// today" is clamped to today's start).
const now = Date.now();
const today = new Date(now);
const earlierToday = Math.max(new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime(), now - 3_600_000);
const earlierThisMonth = new Date(today.getFullYear(), today.getMonth(), 1).getTime();

async function withSpend(rows: { id: string; upstreamId: string; costMicros: number; at?: number }[], limits?: BudgetLimits): Promise<LedgerRepo> {
  const fresh = await freshLedger();
  close = fresh.close;
  for (const r of rows) {
    await fresh.repo.ingest(makeRecord({ id: r.id, upstreamId: r.upstreamId, costMicros: r.costMicros, createdAt: r.at ?? earlierToday }));
  }
  if (limits) await fresh.repo.putSetting(BUDGETS_KEY, limits);
  return fresh.repo;
}

describe('spend totals', () => {
  it('sums today and this month, overall and per key, billed figures winning', () => {
    const t = spendTotals(
      [
        { ...makeRecord({ id: 'a', upstreamId: 'anthropic', costMicros: 400_000, createdAt: earlierToday }) },
        { ...makeRecord({ id: 'b', upstreamId: 'openrouter', costMicros: 100_000, createdAt: earlierToday }), billedCostMicros: 150_000 },
        makeRecord({ id: 'c', upstreamId: 'anthropic', costMicros: 1_000_000, createdAt: earlierThisMonth }),
        makeRecord({ id: 'old', upstreamId: 'anthropic', costMicros: 9_000_000, createdAt: earlierThisMonth - 86_400_000 }),
      ],
      now,
    );
    const firstOfMonth = new Date(now).getDate() === 1;
    expect(t.overall).toEqual({ todayMicros: 550_000 + (firstOfMonth ? 1_000_000 : 0), monthMicros: 1_550_000 });
    expect(t.byProvider!.anthropic).toEqual({ todayMicros: 400_000 + (firstOfMonth ? 1_000_000 : 0), monthMicros: 1_400_000 });
    expect(t.byProvider!.openrouter).toEqual({ todayMicros: 150_000, monthMicros: 150_000 });
  });
});

describe('checkBudgetBeforeSend', () => {
  it('is quiet without limits', async () => {
    await withSpend([{ id: 'a', upstreamId: 'anthropic', costMicros: 5_000_000 }]);
    const c = await checkBudgetBeforeSend(['anthropic/claude-sonnet-4.5']);
    expect(c.state).toBe('ok');
    expect(c.messages).toEqual([]);
  });

  it('warns at 80 % of the overall daily limit', async () => {
    await withSpend([{ id: 'a', upstreamId: 'openrouter', costMicros: 800_000 }], { overall: { dailyMicros: 1_000_000 } });
    const c = await checkBudgetBeforeSend(['openai/gpt-4o']);
    expect(c.state).toBe('warn');
    expect(c.messages.map((m) => m.text)).toEqual(['Overall daily spend is at 80% of its limit: $0.80 of $1.00.']);
  });

  it('blocks at 100 % only the sends that could use the key over its limit, and an override lets exactly one through', async () => {
    await withSpend([{ id: 'a', upstreamId: 'anthropic', costMicros: 500_000 }], { byProvider: { anthropic: { dailyMicros: 500_000 } } });
    const blocked = await checkBudgetBeforeSend(['anthropic/claude-sonnet-4.5', 'openai/gpt-4o']);
    expect(blocked.state).toBe('blocked');
    expect(blocked.messages[0]!.text).toMatch(/^Anthropic daily spend limit reached: \$0\.50 of \$0\.50\. Sending is paused/);
    expect((await checkBudgetBeforeSend(['openai/gpt-4o'])).state).toBe('ok');

    blocked.override();
    const once = await checkBudgetBeforeSend(['anthropic/claude-sonnet-4.5']);
    expect(once).toMatchObject({ state: 'warn', overridden: true });
    expect((await checkBudgetBeforeSend(['anthropic/claude-sonnet-4.5'])).state).toBe('blocked');
  });

  it('blocks every paid send at the overall monthly limit but never a free model', async () => {
    await withSpend([{ id: 'a', upstreamId: 'openrouter', costMicros: 2_000_000, at: earlierThisMonth }], { overall: { monthlyMicros: 2_000_000 } });
    expect((await checkBudgetBeforeSend(['openai/gpt-4o'])).state).toBe('blocked');
    expect((await checkBudgetBeforeSend(['meta-llama/llama-3.3-70b-instruct:free'])).state).toBe('warn');
  });
});

describe('concurrent sends hold their worst case until their answers end', () => {
  // gpt-4o here: $1/M in, $2/M out; 8 prompt tokens and max_tokens 99,996 make each column's worst case $0.20.
  const column = (columnId: string, maxTokens = 99_996): SendColumn => ({
    columnId, model: 'openai/gpt-4o', request: { messages: [{ role: 'user', content: 'hi' }], max_tokens: maxTokens },
  });

  it('lets only the sends that fit through when rooms send at once at the edge of a limit', async () => {
    await withSpend([{ id: 'a', upstreamId: 'openrouter', costMicros: 700_000 }], { overall: { dailyMicros: 1_000_000 } });
    const [first, second, third] = await Promise.all([column('room-1'), column('room-2'), column('room-3')].map((c) => checkBudgetBeforeSend([c])));
    expect([first!.state, second!.state, third!.state]).toEqual(['ok', 'blocked', 'blocked']);
    expect(first!.ticket).toBeDefined();
    expect(second!.ticket).toBeUndefined();
    expect(second!.messages.map((m) => m.text)).toEqual([
      'Overall daily spend limit: this send may cost up to $0.20 and $0.10 is left ($0.70 spent of $1.00, $0.20 held by answers still running). ' +
        'Set a lower max tokens on the columns, wait for running answers, or raise the limit.',
    ]);
    // a smaller answer still fits beside the running one
    expect((await checkBudgetBeforeSend([column('room-4', 40_000)])).state).toBe('ok');
  });

  it('counts every column of one send together, against the keys that could serve them', async () => {
    await withSpend([{ id: 'a', upstreamId: 'anthropic', costMicros: 100_000 }], { byProvider: { openrouter: { dailyMicros: 500_000 } } });
    const both = await checkBudgetBeforeSend([column('left'), column('right'), column('third')]);
    expect(both.state).toBe('blocked');
    expect(both.messages[0]!.text).toMatch(/^OpenRouter daily spend limit: this send may cost up to \$0\.60 and \$0\.50 is left/);
    expect((await checkBudgetBeforeSend([column('left'), column('right')])).state).toBe('ok');
  });

  it('settles a hold to the answer’s real cost when it ends, and releases it when it failed without one', async () => {
    const repo = await withSpend([{ id: 'a', upstreamId: 'openrouter', costMicros: 700_000 }], { overall: { dailyMicros: 1_000_000 } });
    const first = await checkBudgetBeforeSend([column('col')]);
    first.ticket!.bind('col', 'answer-1');
    expect((await checkBudgetBeforeSend([column('col')])).state).toBe('blocked');

    settleHold('answer-1', { id: 'gen-1', costMicros: 50_000 }); // it cost $0.05
    const second = await checkBudgetBeforeSend([column('col')]);
    expect(second.state).toBe('ok');
    second.ticket!.bind('col', 'answer-2');
    // the ledger records the first answer: counted once, as spend
    await repo.ingest(makeRecord({ id: 'gen-1', upstreamId: 'openrouter', costMicros: 50_000, createdAt: earlierToday }));
    expect((await checkBudgetBeforeSend([column('col', 1_000)])).state).toBe('ok');
    expect((await checkBudgetBeforeSend([column('col')])).state).toBe('blocked'); // $0.75 + $0.20 held + $0.20

    settleHold('answer-2', null); // failed before anything was billed
    expect((await checkBudgetBeforeSend([column('col')])).state).toBe('ok');
  });

  it('releases the holds of columns that started no answer', async () => {
    await withSpend([{ id: 'a', upstreamId: 'openrouter', costMicros: 700_000 }], { overall: { dailyMicros: 1_000_000 } });
    const sent = await checkBudgetBeforeSend([column('col')]);
    sent.ticket!.releaseUnbound();
    expect((await checkBudgetBeforeSend([column('col')])).state).toBe('ok');
  });
});

function ComposerLike({ models, sent }: { models: string[]; sent: string[] }) {
  const gate = useBudgetGate();
  const [n, setN] = useState(0);
  const send = async () => {
    if (!(await gate.allow(models))) return;
    sent.push(`send ${n + 1}`);
    setN((x) => x + 1);
  };
  return (
    <div>
      <BudgetBlockedNotice gate={gate} onSendAnyway={() => void send()} />
      <button type="button" onClick={() => void send()}>Send</button>
      <span>sent {n}</span>
    </div>
  );
}

describe('budget UI', () => {
  it('stops a send with a clear message, then sends once on override', async () => {
    const user = userEvent.setup();
    await withSpend([{ id: 'a', upstreamId: 'openrouter', costMicros: 1_000_000 }], { overall: { dailyMicros: 1_000_000 } });
    const sent: string[] = [];
    render(<ComposerLike models={['openai/gpt-4o']} sent={sent} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const alert = await screen.findByRole('alert', { name: 'Spend limit reached' });
    expect(alert.textContent).toContain('Overall daily spend limit reached: $1.00 of $1.00.');
    expect(sent).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: 'Send this once anyway' }));
    await waitFor(() => expect(sent).toEqual(['send 1']));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert', { name: 'Spend limit reached' })).toBeTruthy();
    expect(sent).toEqual(['send 1']);
  });

  it('shows a warning banner at 80 % and updates it as spend is recorded', async () => {
    const repo = await withSpend([{ id: 'a', upstreamId: 'anthropic', costMicros: 850_000 }], { byProvider: { anthropic: { monthlyMicros: 1_000_000 } } });
    render(<BudgetBanner />);
    const banner = await screen.findByRole('status', { name: 'Spend limits' });
    expect(banner.textContent).toBe('Anthropic monthly spend is at 85% of its limit: $0.85 of $1.00.');
    await repo.ingest(makeRecord({ id: 'b', upstreamId: 'anthropic', costMicros: 150_000, createdAt: earlierToday }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Spend limits' }).textContent).toMatch(/^Anthropic monthly spend limit reached: \$1\.00 of \$1\.00/));
  });

  it('saves limits per key and overall from Settings, in the ledger’s settings', async () => {
    const user = userEvent.setup();
    const repo = await withSpend([]);
    render(<BudgetSettingsSection />);
    const overallDaily = await screen.findByRole('textbox', { name: 'All providers daily limit (USD)' });
    await user.type(overallDaily, '2.5');
    await user.type(screen.getByRole('textbox', { name: 'Anthropic monthly limit (USD)' }), '40');
    await user.click(screen.getByRole('button', { name: 'Save spend limits' }));
    await waitFor(async () => expect(await repo.getSetting(BUDGETS_KEY)).toEqual({ overall: { dailyMicros: 2_500_000 }, byProvider: { anthropic: { monthlyMicros: 40_000_000 } } }));
    expect(window.localStorage.length).toBe(0);

    await user.type(screen.getByRole('textbox', { name: 'OpenRouter daily limit (USD)' }), 'ten');
    await user.click(screen.getByRole('button', { name: 'Save spend limits' }));
    expect(screen.getByRole('alert').textContent).toBe('Limits must be dollar amounts (leave empty for no limit).');
  });

  it('still says "Saved." after clearing the limit of a removed key, whose row then goes away', async () => {
    const user = userEvent.setup();
    await withSpend([], { byProvider: { gone: { dailyMicros: 1_000_000 } } });
    render(<BudgetSettingsSection />);
    const gone = await screen.findByRole('textbox', { name: 'gone (removed) daily limit (USD)' });
    await user.type(screen.getByRole('textbox', { name: 'Anthropic daily limit (USD)' }), '3');
    await user.clear(gone);
    await user.click(screen.getByRole('button', { name: 'Save spend limits' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'gone (removed) daily limit (USD)' })).toBeNull());
    // the row list changed with the save; the form says so and keeps what was saved
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    await new Promise((r) => setTimeout(r, 200)); // past the ledger's change notice and the re-read it causes
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect((screen.getByRole('textbox', { name: 'Anthropic daily limit (USD)' }) as HTMLInputElement).value).toBe('3');
  });
});
