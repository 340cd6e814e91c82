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
import type { LedgerRepo } from '../../../../renderer/history/db/ledger-types';

// Hand-computed example of a real month. "Now" is 2026-09-16 00:00 UTC: 15 of September's 30 days have passed, so
// the projection doubles the month to date. Sonnet's OpenRouter list price: $3 in, $0.30 cache reads, $15 out per
// million tokens. All traffic counts, however it was paid:
//   b1 direct (Anthropic key): 1,000,000 in + 200,000 out → list $6.00; the provider billed $6.00
//   b2 direct:                 2,000,000 in + 400,000 out → list $12.00; the provider billed $11.50
//   credits (OpenRouter):      1,000,000 in, 800,000 of them cached, + 100,000 out →
//                              list 200,000 × $3 + 800,000 × $0.30 + 100,000 × $15 = $0.60 + $0.24 + $1.50 = $2.34
//                              (cached tokens at their own price; as plain input it would be $4.50); paid $2.34
//   byok-or (key through OpenRouter): 100,000 in + 20,000 out → list $0.30 + $0.30 = $0.60; provider $0.60,
//                              OpenRouter's fee $0.03 (from credits)
//   month to date: 4 requests, at the providers' prices $6.00 + $11.50 + $2.34 + $0.60 = $20.44, list $20.94
// Left out: a local (free) model, a model without a list price, and a direct call from August.
const NOW = Date.UTC(2026, 8, 16);
const sonnet = 'anthropic/claude-sonnet-4.5';
const direct = { upstreamId: 'anthropic', upstreamKind: 'anthropic' as const, provider: 'Anthropic', isByok: true, requestedModel: sonnet, model: sonnet };
const tokens = (prompt: number, completion: number, cacheRead = 0) => ({ prompt, completion, cacheRead, cacheWrite: 0, reasoning: 0 });

async function seed(repo: LedgerRepo) {
  const rows = [
    makeRecord({ ...direct, id: 'b1', createdAt: Date.UTC(2026, 8, 2, 10), tokens: tokens(1_000_000, 200_000), costMicros: 6_000_000 }),
    makeRecord({ ...direct, id: 'b2', createdAt: Date.UTC(2026, 8, 10, 10), tokens: tokens(2_000_000, 400_000), costMicros: 11_500_000 }),
    makeRecord({ id: 'credits', createdAt: Date.UTC(2026, 8, 4), requestedModel: sonnet, model: sonnet, tokens: tokens(1_000_000, 100_000, 800_000), costSource: 'upstream', costMicros: 2_340_000 }),
    makeRecord({
      id: 'byok-or', createdAt: Date.UTC(2026, 8, 6), requestedModel: sonnet, model: sonnet, isByok: true, tokens: tokens(100_000, 20_000),
      costSource: 'upstream', reportedCostMicros: 30_000, upstreamCostMicros: 600_000, computedCostMicros: 600_000, costMicros: 630_000,
    }),
    makeRecord({ id: 'local', createdAt: Date.UTC(2026, 8, 3), upstreamId: 'ollama', upstreamKind: 'openai-compatible', provider: 'Ollama', isByok: true, requestedModel: 'ollama/llama3', model: 'ollama/llama3', costMicros: 0, costReason: 'free' }),
    makeRecord({ ...direct, id: 'unlisted', createdAt: Date.UTC(2026, 8, 5), requestedModel: 'anthropic/not-in-catalog', model: 'anthropic/not-in-catalog', costMicros: 1_000 }),
    makeRecord({ ...direct, id: 'august', createdAt: Date.UTC(2026, 7, 31, 23), costMicros: 9_000_000 }),
  ];
  for (const r of rows) await repo.ingest(r);
}

beforeAll(() => {
  installFakeMain({
    'models.list': () => ({
      models: [
        modelSummary({
          id: sonnet, promptUsdPerMTok: 3, completionUsdPerMTok: 15, servedBy: ['Anthropic', 'OpenRouter'],
          pricing: { prompt: '0.000003', completion: '0.000015', input_cache_read: '0.0000003' },
        }),
      ],
      source: 'bundled',
      fetchedAt: 1,
    }),
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
  await waitFor(() => expect(cell('fee-mtd-direct').textContent).toBe('$20.44'));
  return fresh.repo;
}

describe('BYOK fee calculator', () => {
  it('compares the three ways to pay for the whole month, to the micro-dollar, with no free allowance', async () => {
    await renderPanel({ allowance: { kind: 'none' } });
    // (b) fee 5 % × $20.94 = $1.047; (c) card: $20.94 + max(5.5 % × $20.94 = $1.1517, $0.80); crypto: $20.94 + $1.047
    expect(cell('fee-mtd-openRouterByokFee').textContent).toBe('$1.047');
    expect(cell('fee-mtd-openRouterByok').textContent).toBe('$21.487');
    expect(cell('fee-mtd-creditsCard').textContent).toBe('$22.0917');
    expect(cell('fee-mtd-creditsCrypto').textContent).toBe('$21.987');
    // Projected: everything doubles; card fee 5.5 % × $41.88 = $2.3034
    expect(cell('fee-proj-direct').textContent).toBe('$40.88');
    expect(cell('fee-proj-openRouterByokFee').textContent).toBe('$2.094');
    expect(cell('fee-proj-openRouterByok').textContent).toBe('$42.974');
    expect(cell('fee-proj-creditsCard').textContent).toBe('$44.1834');
    expect(cell('fee-proj-creditsCrypto').textContent).toBe('$43.974');
  });

  it('counts every way the month was paid, and the allowance and fees used so far', async () => {
    await renderPanel();
    expect(screen.getByLabelText("This month's traffic").textContent).toBe(
      '4 priced requests this month (UTC): 2 straight to providers with your keys ($17.50 paid), 1 with your keys through OpenRouter ($0.63 paid), ' +
        '1 on OpenRouter credits ($2.34 paid); $20.44 at the providers’ prices, $20.94 at OpenRouter’s list price. ' +
        'Not compared: 1 free (local servers, free models), 1 without an OpenRouter list price.',
    );
    // only BYOK through OpenRouter uses up the fee-free allowance
    expect(screen.getByLabelText('BYOK allowance').textContent).toBe(
      'Fee-free allowance used: $0.60 of $25,000.00 list-price BYOK usage. OpenRouter BYOK fees charged this month: $0.03.',
    );
  });

  it('explains every figure on hover with its formula', async () => {
    await renderPanel({ allowance: { kind: 'none' } });
    expect(cell('fee-mtd-direct').getAttribute('title')).toBe('$20.44 billed by the providers for 4 requests at their list prices');
    expect(cell('fee-mtd-openRouterByokFee').getAttribute('title')).toBe('5% × $20.94 list price = $1.047');
    expect(cell('fee-mtd-creditsCard').getAttribute('title')).toBe('$20.94 list price + max(5.5% × $20.94, $0.80) card purchase fee = $20.94 + $1.1517 = $22.0917');
    expect(cell('fee-mtd-creditsCrypto').getAttribute('title')).toBe('$20.94 list price + 5% × $20.94 crypto purchase fee = $20.94 + $1.047 = $21.987');
    // the same words are the figure's accessible description
    expect(cell('fee-mtd-creditsCard').getAttribute('aria-describedby')).toBe('fee-mtd-creditsCard');
    expect(document.getElementById('fee-mtd-creditsCard')!.tagName).toBe('LI');
  });

  it('applies OpenRouter’s current free allowance by default: no fee within $25,000 a month', async () => {
    await renderPanel();
    expect(cell('fee-mtd-openRouterByokFee').textContent).toBe('$0.00');
    expect(cell('fee-mtd-openRouterByok').textContent).toBe('$20.44');
    expect(cell('fee-mtd-openRouterByokFee').getAttribute('title')).toBe('$20.94 list price is within the $25,000.00 monthly free allowance → no fee');
    expect(cell('fee-proj-creditsCard').textContent).toBe('$44.1834');
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
    // 10 % × ($20.94 − $10.00) = $1.094
    await waitFor(() => expect(cell('fee-mtd-openRouterByokFee').textContent).toBe('$1.094'));
    expect(cell('fee-mtd-openRouterByok').textContent).toBe('$21.534');
    expect(await repo.getSetting(FEE_SETTINGS_KEY)).toMatchObject({ feeBps: 1000, allowance: { kind: 'list-price', micros: 10_000_000 } });

    await user.clear(fee);
    await user.type(fee, 'lots');
    await user.click(within(form).getByRole('button', { name: 'Save fee settings' }));
    expect(within(form).getByRole('alert').textContent).toBe('Percentages must be numbers from 0 to 100.');
    expect(await repo.getSetting(FEE_SETTINGS_KEY)).toMatchObject({ feeBps: 1000 });
  });
});
