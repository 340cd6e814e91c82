import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { installFakePreload } from '../../support/fake-preload';
import { AnswerSettingsSection } from '../../../../renderer/app/settings/AnswerSettingsSection';

let backend: Backend;
beforeAll(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-answer-settings-'));
  backend = createBackend({ dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  installFakePreload(backend);
});
afterEach(() => cleanup());
afterAll(() => backend.close());

describe('Settings → Answers', () => {
  it('shows the idle timeout (default 1 minute) and changes it in main', async () => {
    render(<AnswerSettingsSection />);
    const select = await screen.findByRole('combobox', { name: 'Silence before an answer is ended' });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('60'));
    await userEvent.setup().selectOptions(select, '2 minutes');
    await waitFor(() => expect(backend.settings.get().streamIdleTimeoutSeconds).toBe(120));
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('120'));
  });
});
