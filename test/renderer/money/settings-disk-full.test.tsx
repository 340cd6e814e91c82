import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeMain } from '../support/fake-main';
import { freshDb } from '../support/history-db';
import { createHistoryLedger } from '../../../renderer/common/ledger/history-ledger';
import { setLedger } from '../../../renderer/common/ledger';
import { BudgetSettingsSection } from '../../../renderer/money/budgets/BudgetSettingsSection';
import { FeeSettingsSection } from '../../../renderer/money/fees/FeeSettingsSection';

// Settings kept in the ledger's store (spend limits, BYOK fee rates) on a full disk: the form says the change was
// not saved, and why, instead of saying nothing (or "Saved.").

const FULL = 'Not saved: not enough disk space. Free some disk space (or delete conversations you no longer need), then save again.';

beforeAll(() => {
  installFakeMain({ 'keys.list': () => [] });
});
afterEach(cleanup);

async function fullDisk() {
  const { faults } = await freshDb();
  setLedger(createHistoryLedger());
  faults.failWrites('settings');
}

describe('a Settings save on a full disk', () => {
  it('spend limits', async () => {
    const user = userEvent.setup();
    await fullDisk();
    render(<BudgetSettingsSection />);
    await user.type(await screen.findByRole('textbox', { name: 'All providers daily limit (USD)' }), '2');
    await user.click(screen.getByRole('button', { name: 'Save spend limits' }));
    expect((await screen.findByRole('alert')).textContent).toBe(FULL);
  });

  it('BYOK fee rates', async () => {
    const user = userEvent.setup();
    await fullDisk();
    render(<FeeSettingsSection />);
    const form = await screen.findByRole('form', { name: 'BYOK fee settings' });
    await user.click(within(form).getByRole('button', { name: 'Save fee settings' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(FULL);
    expect(within(form).queryByRole('status')).toBeNull();
  });
});
