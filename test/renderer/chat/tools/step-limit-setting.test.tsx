import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor, fireEvent, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, type Harness } from '../../support/room-harness';
import { freshDb } from '../../support/history-db';
import { modelSummary } from '../../support/model-summaries';
import { ToolsSection } from '../../../../renderer/app/settings/tools/ToolsSection';
import { useDraftTools } from '../../../../renderer/chat/tools/draft-tools';
import { EMPTY_SELECTION } from '../../../../shared/tools/tool-selection';

// Settings → Tools' step limit: validated on the page, kept by main, and said by the pre-send estimate of a column
// that offers tools.

let h: Harness;
beforeAll(() => {
  h = createHarness({ models: [modelSummary({ id: 'test/alpha' })] });
});
beforeEach(async () => {
  resetPage();
  await freshDb();
  useDraftTools.setState({ selection: EMPTY_SELECTION });
});
afterEach(() => {
  cleanup();
  useDraftTools.setState({ selection: EMPTY_SELECTION });
});

describe('the tool step limit', { timeout: 30_000 }, () => {
  it('is 10 by default, refuses numbers outside 1–50 and keeps a good one in main', async () => {
    const user = userEvent.setup();
    render(<ToolsSection />);
    const form = await screen.findByRole('form', { name: 'Tool step limit' });
    const field = within(form).getByRole('spinbutton', { name: 'Steps per answer, at most' }) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('10'));

    for (const bad of ['0', '51', '2.5']) {
      await user.clear(field);
      await user.type(field, bad);
      await user.click(within(form).getByRole('button', { name: 'Save' }));
      expect((await within(form).findByRole('alert')).textContent).toBe('Give a whole number from 1 to 50.');
      expect(h.backend.settings.get().toolStepLimit).toBe(10);
    }

    await user.clear(field);
    await user.type(field, '4');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('status')).textContent).toBe('Saved.');
    expect(h.backend.settings.get().toolStepLimit).toBe(4);
    expect(await h.backend.dispatch('settings.update', { toolStepLimit: 51 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(h.backend.settings.get().toolStepLimit).toBe(4);
  });

  it('is what the pre-send estimate says for a column that offers tools', async () => {
    h.backend.settings.update({ toolStepLimit: 7 });
    useDraftTools.setState({ selection: { servers: ['fake'], tools: [] } });
    openRoomWith(['test/alpha']);
    const box = (await screen.findByRole('textbox', { name: 'Prompt' })) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'hello world' } });
    const estimate = await screen.findByLabelText('Send estimate', {}, { timeout: 15_000 });
    await waitFor(() => expect(estimate.textContent).toContain('with tools: up to 7 steps, each billed'), { timeout: 15_000 });
  });
});
