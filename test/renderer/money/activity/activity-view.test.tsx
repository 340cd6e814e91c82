import { describe, it, expect, beforeAll, afterEach, vi } from 'vitest';
import { render, screen, cleanup, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeMain } from '../../support/fake-main';
import { freshLedger } from '../../support/fresh-ledger';
import { ActivityView } from '../../../../renderer/money/activity/ActivityView';
import type { KeySummary } from '../../../../shared/contract/routes';
import { at, SAMPLE, seedLedger } from './support/sample-rows';
import { makeRecord } from '../../support/generation-records';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { interruptedRecord } from '../../../../electron/backend/interrupted/interrupted-record';

const KEYS: KeySummary[] = [
  { id: 'anthropic', kind: 'anthropic', label: 'Anthropic (work)', hint: '••••9876', source: 'vault', createdAt: 1 },
  { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', hint: '••••1234', source: 'vault', createdAt: 1 },
];

beforeAll(() => {
  installFakeMain({
    'keys.list': () => KEYS,
    'apiKeys.list': () => [{
      id: 'key_editor', label: 'Editor plugin', hint: '••••beef', createdAt: 1, disabled: false, source: 'created',
      limitMicros: null, dailyMicros: null, monthlyMicros: null, spend: { totalMicros: 3_000, todayMicros: 0, monthMicros: 3_000 },
    }],
    'models.list': () => ({ models: [], source: 'none', fetchedAt: null }),
  });
});

let close: (() => void) | null = null;
afterEach(() => {
  cleanup();
  close?.();
  vi.restoreAllMocks();
});

async function renderWithSample() {
  const fresh = await freshLedger();
  const repo = fresh.repo;
  close = fresh.close;
  await seedLedger(repo, SAMPLE);
  const opened: [string, string][] = [];
  render(<ActivityView onOpenMessage={(c, m) => opened.push([c, m])} now={Date.UTC(2026, 8, 16)} />);
  const totals = await screen.findByLabelText('Totals'); // a <dl>, which has no role to find it by
  await waitFor(() => expect(within(totals).getByText('Requests').nextSibling?.textContent).toBe('4'));
  return { opened, totals };
}

const dd = (totals: HTMLElement, term: string) => within(totals).getByText(term).nextSibling?.textContent;

describe('Activity view', () => {
  it('marks the cost of a request Parley was killed in the middle of as estimated (interrupted)', async () => {
    const fresh = await freshLedger();
    close = fresh.close;
    const cut = interruptedRecord({
      started: { id: 'gen-cut', createdAt: Date.UTC(2026, 8, 15, 12), requestedModel: 'openai/gpt-4o', source: 'local-api', streamed: true, promptTokens: 19 },
      served: { model: 'openai/gpt-4o', provider: 'OpenAI', upstreamId: 'openrouter', upstreamKind: 'openrouter', isByok: false, pricing: { prompt: '0.0000025', completion: '0.00001' } },
      completionTokens: 23,
    });
    await seedLedger(fresh.repo, [cut]);
    render(<ActivityView onOpenMessage={() => {}} now={Date.UTC(2026, 8, 16)} />);
    const requests = await screen.findByRole('table', { name: 'Requests' });
    // 19 × $2.5/M + 23 × $10/M = $0.0002775
    await waitFor(() => expect(within(requests).getByText(/^≈ \$0\.000278 estimated \(interrupted\)$/)).toBeTruthy());
  });


  it('shows totals, groups and every request, flagging a billing mismatch with both figures', async () => {
    const { totals } = await renderWithSample();
    expect(dd(totals, 'Tokens in')).toBe('3,800');
    expect(dd(totals, 'Tokens out')).toBe('850');
    expect(dd(totals, 'Spend')).toBe('$0.03 + 1 without a price'); // in cents: $0.028845 rounds to 3 cents
    expect(within(totals).getByText('$0.03').getAttribute('title')).toBe('$0.028845'); // the exact figure on hover
    expect(dd(totals, 'Billing mismatches')).toBe('1');

    const byDay = screen.getByRole('table', { name: 'By day' });
    const dayRows = within(byDay)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(dayRows).toEqual([
      ['2026-09-15', '2', '800', '150', '$0.003 (+1 unpriced) ⚠ 1'],
      ['2026-09-14', '2', '3,000', '700', '$0.03'],
    ]);

    const requests = screen.getByRole('table', { name: 'Requests' });
    expect(within(requests).getAllByRole('row')).toHaveLength(5);
    const flag = within(requests).getByRole('note');
    // two different named figures: Parley's price against the bill
    expect(flag.getAttribute('aria-label')).toBe("Parley's price $0.00225 · OpenRouter billed $0.003 (+33 %)");
    expect(within(requests).getByText('Anthropic (work)')).toBeTruthy();
  });

  it('counts each step of a tool loop as a request, labelled tool step n of N, linked to its answer', async () => {
    const fresh = await freshLedger();
    close = fresh.close;
    const step = (n: number, costMicros: number) => makeRecord({ id: `loop-${n}`, createdAt: at(15, 9 + n), model: 'openai/gpt-4o', provider: 'OpenAI', upstreamId: 'openrouter', costMicros });
    const steps = [step(1, 600), step(2, 700), step(3, 580)];
    for (const [i, r] of steps.entries()) {
      await fresh.repo.ingest(r);
      await fresh.repo.link(r.id, { conversationId: 'c1', messageId: 'm-loop', loopStep: { n: i + 1, of: 3 } });
    }
    const opened: [string, string][] = [];
    render(<ActivityView onOpenMessage={(c, m) => opened.push([c, m])} now={Date.UTC(2026, 8, 16)} />);
    const totals = await screen.findByLabelText('Totals');
    await waitFor(() => expect(dd(totals, 'Requests')).toBe('3'));
    expect(within(totals).getByText('$0.0019').getAttribute('title')).toBe('$0.00188'); // 600 + 700 + 580 µ$
    const requests = screen.getByRole('table', { name: 'Requests' });
    const answers = within(requests).getAllByRole('row').slice(1).map((r) => r.lastElementChild?.textContent);
    expect(answers).toEqual(['Open · tool step 3 of 3', 'Open · tool step 2 of 3', 'Open · tool step 1 of 3']);
    await userEvent.click(within(requests).getAllByRole('button', { name: /^Open the answer/ })[0]!);
    expect(opened).toEqual([['c1', 'm-loop']]);
  });

  it('groups by model or key, and filters by source and model', async () => {
    const user = userEvent.setup();
    const { totals } = await renderWithSample();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'key');
    const byKey = screen.getByRole('table', { name: 'By key' });
    expect(within(byKey).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['OpenRouter', 'Anthropic (work)', 'ollama-local']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Source filter' }), 'local-api');
    expect(dd(totals, 'Requests')).toBe('1');
    expect(dd(totals, 'Spend')).toBe('$0.003');
    expect(within(screen.getByRole('table', { name: 'Requests' })).getByText('other app')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Source filter' }), 'all');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model filter' }), 'anthropic/claude-sonnet-4.5');
    expect(dd(totals, 'Requests')).toBe('1');
    expect(dd(totals, 'Tokens in')).toBe('2,000');
    expect(dd(totals, 'Spend')).toBe('$0.01'); // $0.0135
  });

  it('filters by the app key another app called the local API with', async () => {
    const user = userEvent.setup();
    const { totals } = await renderWithSample();
    const filter = screen.getByRole('combobox', { name: 'App key filter' });
    await waitFor(() => expect(within(filter).getByRole('option', { name: 'Editor plugin' })).toBeTruthy());
    await user.selectOptions(filter, 'Editor plugin');
    expect(dd(totals, 'Requests')).toBe('1');
    expect(dd(totals, 'Spend')).toBe('$0.003');
    expect(within(screen.getByRole('table', { name: 'Requests' })).getAllByRole('row')).toHaveLength(2);
  });

  it('shows spend per conversation, by title', async () => {
    const user = userEvent.setup();
    useRoom.setState({ conversations: [{ id: 'c1', title: 'Trip plans', createdAt: 1, updatedAt: 2, columns: [], lastSeq: 0, headId: null, selection: {}, pendingContinueFromId: null }] });
    await renderWithSample();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'conversation');
    const byConversation = screen.getByRole('table', { name: 'By conversation' });
    expect(within(byConversation).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Not linked to a conversation', '2', '2,300', '550', '$0.01 (+1 unpriced)'],
      ['Trip plans', '1', '1,000', '200', '$0.01'],
      ['Other apps (local API)', '1', '500', '100', '$0.003 ⚠ 1'],
    ]);
    useRoom.setState({ conversations: [] });
  });

  it('filters by date range through the ledger query', async () => {
    const user = userEvent.setup();
    const { totals } = await renderWithSample();
    await user.type(screen.getByLabelText('From date'), '2026-09-15');
    await waitFor(() => expect(dd(totals, 'Requests')).toBe('2'));
    expect(dd(totals, 'Tokens in')).toBe('800');
  });

  it('opens the answer a request produced', async () => {
    const user = userEvent.setup();
    const { opened } = await renderWithSample();
    const requests = screen.getByRole('table', { name: 'Requests' });
    const buttons = within(requests).getAllByRole('button', { name: /Open the answer from/ });
    expect(buttons).toHaveLength(1);
    await user.click(buttons[0]!);
    expect(opened).toEqual([['c1', 'm1']]);
  });

  it('exports the filtered rows as CSV through a Blob download', async () => {
    const user = userEvent.setup();
    let blob: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await renderWithSample();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider filter' }), 'OpenAI');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatch(/^parley-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsText(blob!);
    });
    const lines = text.trim().split('\r\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['id', 'r1', 'r3']) // oldest first;
    expect(text).not.toContain('••••');
  });
});
