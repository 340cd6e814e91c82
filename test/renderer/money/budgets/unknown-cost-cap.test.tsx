import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { installFakePreload } from '../../support/fake-preload';
import { UnknownCostCapForm } from '../../../../renderer/money/budgets/UnknownCostCapForm';

let backend: Backend;
beforeAll(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-cost-cap-'));
  backend = createBackend({ dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  installFakePreload(backend);
});
afterEach(() => cleanup());
afterAll(() => backend.close());

describe('Settings → Spend limits: cost assumed when unknown', () => {
  it('shows the default ($0.25), saves a new amount in main and refuses what is not an amount', async () => {
    const user = userEvent.setup();
    render(<UnknownCostCapForm />);
    const field = (await screen.findByRole('textbox', { name: 'Cost assumed for a request Parley cannot bound (USD)' })) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('0.25'));
    await user.clear(field);
    await user.type(field, '1.5');
    await user.click(screen.getByRole('button', { name: 'Save assumed cost' }));
    await waitFor(() => expect(backend.settings.get().unknownCostCapMicros).toBe(1_500_000));
    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    await user.clear(field);
    await user.type(field, 'lots');
    await user.click(screen.getByRole('button', { name: 'Save assumed cost' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give a dollar amount, 0 or more.');
    expect(backend.settings.get().unknownCostCapMicros).toBe(1_500_000);
  });
});
