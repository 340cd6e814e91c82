import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeMain } from '../../support/fake-main';
import { makeRecord } from '../../support/generation-records';
import { modelSummary } from '../../support/model-summaries';
import { RepriceDialog } from '../../../../renderer/money/reprice/RepriceDialog';

// One request answered by Sonnet through OpenRouter: 10,000 in + 2,000 out.
//   catalog ("any"): 10,000 × $3 + 2,000 × $15 per million = $0.03 + $0.03 = $0.06
//   Anthropic, own key (its list here $2 / $10): $0.02 + $0.02 = $0.04; no OpenRouter fee, no credits
//   OpenRouter: the catalog's list, $0.06; through OpenRouter with an own key + 5 % = $0.063
const AT = Date.UTC(2026, 5, 10, 12);
const sonnet = 'anthropic/claude-sonnet-4.5';
const rows = [
  makeRecord({ id: 's1', requestedModel: sonnet, model: sonnet, upstreamId: 'openrouter', createdAt: AT, tokens: { prompt: 10_000, completion: 2_000, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: 60_000 }),
];
const catalogPrice = { prompt: '0.000003', completion: '0.000015' };
let asked: unknown[] = [];

beforeAll(() => {
  installFakeMain({
    'models.list': () => ({
      models: [modelSummary({ id: sonnet, promptUsdPerMTok: 3, completionUsdPerMTok: 15, pricing: catalogPrice })],
      source: 'bundled',
      fetchedAt: 1,
    }),
    'catalog.endpoints': (input) => {
      asked.push(input);
      return {
        model: sonnet,
        endpoints: [
          { upstreamId: 'anthropic', provider: 'anthropic', label: 'Anthropic', pricing: { prompt: '0.000002', completion: '0.00001' }, byok: true, local: false },
          { upstreamId: 'openrouter', provider: 'openrouter', label: 'OpenRouter', pricing: catalogPrice, byok: false, local: false },
        ],
      };
    },
  });
});

afterEach(() => {
  cleanup();
  asked = [];
});

const rowNamed = (name: string) => screen.getAllByRole('row').find((r) => within(r).queryByRole('rowheader')?.firstChild?.textContent === name);
const cells = (name: string) => within(rowNamed(name)!).getAllByRole('cell').slice(0, 5).map((c) => c.textContent);

describe('Reprice on one provider', () => {
  it('prices a chosen model on the provider picked for it, labelled "model via provider"', async () => {
    const user = userEvent.setup();
    render(<RepriceDialog rows={rows} what="this answer" onClose={() => {}} now={AT} />);
    const pick = await screen.findByRole('combobox', { name: `Provider for ${sonnet}` });
    expect(asked).toEqual([{ model: sonnet }]);
    expect(within(pick).getAllByRole('option').map((o) => o.textContent)).toEqual(['any (catalog price)', 'Anthropic (own key)', 'OpenRouter']);
    await waitFor(() => expect(cells(sonnet)).toEqual(['$0.06', '$0.06', '$0.06', '$0.063', '$0.0633']));

    await user.selectOptions(pick, 'Anthropic (own key)');
    // straight to Anthropic: no OpenRouter fee, no credits
    expect(cells(`${sonnet} via Anthropic`)).toEqual(['$0.04', '$0.04', '$0.04', '—', '—']);
    expect(rowNamed(sonnet)).toBeUndefined();

    // the same model again at its catalog price, to compare: the cheaper row first
    await user.type(screen.getByRole('combobox', { name: 'Model to compare' }), sonnet);
    const via = await screen.findByRole('combobox', { name: 'Provider of the model to compare' });
    await user.selectOptions(via, 'OpenRouter');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(cells(`${sonnet} via OpenRouter`)).toEqual(['$0.06', '$0.06', '$0.06', '$0.063', '$0.0633']);
    const order = screen.getAllByRole('rowheader').map((h) => h.firstChild?.textContent);
    expect(order).toEqual([`${sonnet} via Anthropic`, `${sonnet} via OpenRouter`]);
    // it answered through OpenRouter: that row is the one marked used
    expect(within(rowNamed(`${sonnet} via OpenRouter`)!).getByText('used')).toBeTruthy();
    expect(within(rowNamed(`${sonnet} via Anthropic`)!).queryByText('used')).toBeNull();
  });
});
