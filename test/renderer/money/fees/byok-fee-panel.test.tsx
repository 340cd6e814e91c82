import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeMain } from '../../support/fake-main';
import { freshLedger } from '../../support/fresh-ledger';
import { makeRecord } from '../../support/generation-records';
import { modelSummary } from '../../support/model-summaries';
import { ByokFeePanel } from '../../../../renderer/money/fees/ByokFeePanel';
import { FeeSettingsSection } from '../../../../renderer/money/fees/FeeSettingsSection';
import { FEE_SETTINGS_KEY } from '../../../../renderer/money/fees/fee-settings';
import type { LedgerRepo } from '../../../../renderer/money/ledger/types';

// Hand-computed example. "Now" is 2026-09-16 00:00 UTC: 15 of September's 30 days have passed, so the projection
// doubles the month to date. Two direct Anthropic calls on Sonnet, whose OpenRouter list price is $3 / $15 per
// million tokens:
//   1,000,000 in + 200,000 out → list $3.00 + $3.00 = $6.00; the provider billed $6.00
//   2,000,000 in + 400,000 out → list $6.00 + $6.00 = $12.00; the provider billed $11.50
//   month to date: 2 requests, provider $17.50, list $18.00
// Rows that must not count: a local (free) model, an OpenRouter (non-BYOK) call, a model without a list price,
// and a direct call from August.
const NOW = Date.UTC(2026, 8, 16);
const sonnet = 'anthropic/claude-sonnet-4.5';
const direct = { upstreamId: 'anthropic', upstreamKind: 'anthropic' as const, provider: 'Anthropic', isByok: true, requestedModel: sonnet, model: sonnet };

async function seed(repo: LedgerRepo) {
  const rows = [
    makeRecord({ ...direct, id: 'b1', createdAt: Date.UTC(2026, 8, 2, 10), tokens: { prompt: 1_000_000, completion: 200_000, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: 6_000_000 }),
    makeRecord({ ...direct, id: 'b2', createdAt: Date.UTC(2026, 8, 10, 10), tokens: { prompt: 2_000_000, completion: 400_000, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: 11_500_000 }),
    makeRecord({ id: 'local', createdAt: Date.UTC(2026, 8, 3), upstreamId: 'ollama', upstreamKind: 'openai-compatible', provider: 'Ollama', isByok: true, requestedModel: 'ollama/llama3', model: 'ollama/llama3', costMicros: 0, costReason: 'free' }),
    makeRecord({ id: 'via-or', createdAt: Date.UTC(2026, 8, 4), requestedModel: sonnet, model: sonnet, costMicros: 5_000_000 }),
    makeRecord({ ...direct, id: 'unlisted', createdAt: Date.UTC(2026, 8, 5), requestedModel: 'anthropic/not-in-catalog', model: 'anthropic/not-in-catalog', costMicros: 1_000 }),
    makeRecord({ ...direct, id: 'august', createdAt: Date.UTC(2026, 7, 31, 23), costMicros: 9_000_000 }),
  ];
  for (const r of rows) await repo.ingest(r);
}

beforeAll(() => {
  installFakeMain({
    'models.list': () => ({ models: [modelSummary({ id: sonnet, promptUsdPerMTok: 3, completionUsdPerMTok: 15, servedBy: ['Anthropic', 'OpenRouter'] })], source: 'bundled', fetchedAt: 1 }),
  });
});

let close: (() => void) | null = null;
afterEach(() => {
  cleanup();
  close?.();
});

const cell = (id: string) => screen.getByTestId(id);

async function renderPanel(settings?: unknown) {
  const fresh = await freshLedger();
  close = fresh.close;
  await seed(fresh.repo);
  if (settings !== undefined) await fresh.repo.putSetting(FEE_SETTINGS_KEY, settings);
  render(<ByokFeePanel now={NOW} />);
  await waitFor(() => expect(cell('fee-mtd-direct').textContent).toBe('$17.50'));
  return fresh.repo;
}

describe('BYOK fee calculator', () => {
  it('compares the three ways to pay, to the cent, with no free allowance', async () => {
    await renderPanel({ allowance: { kind: 'none' } });
    // (b) fee 5 % × $18.00 = $0.90; (c) card: $18.00 + max(5.5 % × $18.00 = $0.99, $0.80); crypto: $18.00 + $0.90
    expect(cell('fee-mtd-openRouterByokFee').textContent).toBe('$0.90');
    expect(cell('fee-mtd-openRouterByok').textContent).toBe('$18.40');
    expect(cell('fee-mtd-creditsCard').textContent).toBe('$18.99');
    expect(cell('fee-mtd-creditsCrypto').textContent).toBe('$18.90');
    // Projected: everything doubles; card fee 5.5 % × $36.00 = $1.98
    expect(cell('fee-proj-direct').textContent).toBe('$35.00');
    expect(cell('fee-proj-openRouterByokFee').textContent).toBe('$1.80');
    expect(cell('fee-proj-openRouterByok').textContent).toBe('$36.80');
    expect(cell('fee-proj-creditsCard').textContent).toBe('$37.98');
    expect(cell('fee-proj-creditsCrypto').textContent).toBe('$37.80');
  });

  it('explains every figure on hover with its formula', async () => {
    await renderPanel({ allowance: { kind: 'none' } });
    expect(cell('fee-mtd-direct').getAttribute('title')).toBe('$17.50 billed by the providers for 2 requests at their list prices');
    expect(cell('fee-mtd-openRouterByokFee').getAttribute('title')).toBe('5% × $18.00 list price = $0.90');
    expect(cell('fee-mtd-creditsCard').getAttribute('title')).toBe('$18.00 list price + max(5.5% × $18.00, $0.80) card purchase fee = $18.00 + $0.99 = $18.99');
    expect(cell('fee-mtd-creditsCrypto').getAttribute('title')).toBe('$18.00 list price + 5% × $18.00 crypto purchase fee = $18.00 + $0.90 = $18.90');
    // the same words are the figure's accessible description
    expect(cell('fee-mtd-creditsCard').getAttribute('aria-describedby')).toBe('fee-mtd-creditsCard');
    expect(document.getElementById('fee-mtd-creditsCard')!.tagName).toBe('LI');
    expect(screen.getByText(/Not compared: 1 free \(local servers, free models\), 1 without an OpenRouter list price/)).toBeTruthy();
  });

  it('applies OpenRouter’s current free allowance by default: no fee within $25,000 a month', async () => {
    await renderPanel();
    expect(cell('fee-mtd-openRouterByokFee').textContent).toBe('$0.00');
    expect(cell('fee-mtd-openRouterByok').textContent).toBe('$17.50');
    expect(cell('fee-mtd-openRouterByokFee').getAttribute('title')).toBe('$18.00 list price is within the $25,000.00 monthly free allowance → no fee');
    expect(cell('fee-proj-creditsCard').textContent).toBe('$37.98');
  });

  it('takes the rate and allowance from Settings', async () => {
    const user = userEvent.setup();
    const repo = await renderPanel();
    render(<FeeSettingsSection />);
    const form = await screen.findByRole('form', { name: 'BYOK fee settings' });
    const fee = within(form).getByLabelText('OpenRouter BYOK fee (%)');
    expect((fee as HTMLInputElement).value).toBe('5');
    await user.clear(fee);
    await user.type(fee, '10');
    await user.selectOptions(within(form).getByLabelText('Free allowance'), 'list-price');
    const allowance = within(form).getByLabelText('Free list-price usage per month (USD)');
    await user.clear(allowance);
    await user.type(allowance, '10');
    await user.click(within(form).getByRole('button', { name: 'Save fee settings' }));
    // 10 % × ($18.00 − $10.00) = $0.80
    await waitFor(() => expect(cell('fee-mtd-openRouterByokFee').textContent).toBe('$0.80'));
    expect(cell('fee-mtd-openRouterByok').textContent).toBe('$18.30');
    expect(await repo.getSetting(FEE_SETTINGS_KEY)).toMatchObject({ feeBps: 1000, allowance: { kind: 'list-price', micros: 10_000_000 } });

    await user.clear(fee);
    await user.type(fee, 'lots');
    await user.click(within(form).getByRole('button', { name: 'Save fee settings' }));
    expect(within(form).getByRole('alert').textContent).toBe('Percentages must be numbers from 0 to 100.');
    expect(await repo.getSetting(FEE_SETTINGS_KEY)).toMatchObject({ feeBps: 1000 });
  });
});
