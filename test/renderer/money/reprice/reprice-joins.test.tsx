import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeMain } from '../../support/fake-main';
import { makeRecord } from '../../support/generation-records';
import { modelSummary } from '../../support/model-summaries';
import { freshDb } from '../../support/history-db';
import { setLedger, type LedgerRepo, type LedgerRow } from '../../../../renderer/common/ledger';
import { RepriceButton } from '../../../../renderer/money/reprice/RepriceButton';

// "What would this have cost?" stays open while answers finish: a request recorded after the dialog read the
// ledger joins it, even when its change was announced before the dialog listened for changes.

const tokens = { prompt: 1_000, completion: 500, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
const kestrel = makeRecord({ id: 'g1', requestedModel: 'e2e/kestrel', model: 'e2e/kestrel', tokens, costMicros: 2_000 }) as LedgerRow;
const osprey = makeRecord({ id: 'g2', requestedModel: 'e2e/osprey', model: 'e2e/osprey', tokens, costMicros: 5_000 }) as LedgerRow;

beforeAll(() => {
  installFakeMain({
    'models.list': () => ({
      models: ['e2e/kestrel', 'e2e/osprey'].map((id, i) => modelSummary({ id, promptUsdPerMTok: i + 1, completionUsdPerMTok: i + 2, pricing: { prompt: `0.00000${i + 1}`, completion: `0.00000${i + 2}` } })),
      source: 'bundled',
      fetchedAt: 1,
    }),
    'catalog.endpoints': (input) => ({ model: (input as { model: string }).model, endpoints: [] }),
  });
});
afterEach(() => cleanup());

describe('Reprice while answers finish', () => {
  it('a request recorded between the first read and the subscription still joins the table', async () => {
    await freshDb();
    let reads = 0;
    const repo = {
      // the first read happens before osprey's record lands; its change is announced before anyone listens
      list: async () => (++reads === 1 ? [kestrel] : [kestrel, osprey]),
      get: async (id: string) => [kestrel, osprey].find((r) => r.id === id),
      onChange: () => () => {},
    } as unknown as LedgerRepo;
    setLedger(repo);
    render(<RepriceButton conversationId="c1" what="this conversation" />);
    await userEvent.click(screen.getByRole('button', { name: 'What would this have cost?' }));
    const table = await screen.findByRole('table', { name: 'Cost on each model' });
    await waitFor(() => expect(table.textContent).toContain('e2e/osprey'));
    expect(table.textContent).toContain('e2e/kestrel');
  });
});
