import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within, waitFor, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { useUi } from '../../../../renderer/common/ui-store';
import { listAllMessages } from '../../../../renderer/history/db/messages';
import { getConversation } from '../../../../renderer/history/db/conversations';
import { getSetting } from '../../../../renderer/history/db/settings';
import type { ModelSummary } from '../../../../shared/contract/models';

const gpt: ModelSummary = {
  id: 'openai/gpt-4o-mini', name: 'OpenAI: GPT-4o mini', provider: 'openai', contextLength: 128_000, inputModalities: ['text', 'image'], outputModalities: ['text'],
  promptUsdPerMTok: 0.15, completionUsdPerMTok: 0.6, isFree: false, supportsReasoning: false, supportsTools: true, servedBy: ['OpenRouter'],
  servedByIds: ['openrouter'], pricing: null,
};

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000, models: [gpt] });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

describe('room navigation', { timeout: 30_000 }, () => {
  it('deletes a conversation from the sidebar and brings it back with Undo', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    await sendPrompt('Keep me');
    await within(await screen.findByRole('article', { name: 'Answer from alpha' }, { timeout: 5000 })).findByText(/to "Keep me"/, {}, { timeout: 5000 });
    await settled(h);
    const id = useRoom.getState().openId!;
    await user.click(screen.getByRole('button', { name: 'Delete conversation Keep me' }));
    expect(await screen.findByText(/Deleted “Keep me”/)).toBeTruthy();
    expect(await getConversation(id)).toBeUndefined();
    expect(screen.getByText(/No conversations yet/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(await screen.findByRole('list', { name: 'Conversation list' })).findByText('Keep me')).toBeTruthy();
    expect(await within(await screen.findByRole('article', { name: 'Answer from alpha' })).findByText(/to "Keep me"/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Rename conversation' }));
    const title = screen.getByRole('textbox', { name: 'Conversation title' });
    await user.clear(title);
    await user.type(title, 'Kept{Enter}');
    expect(await screen.findByRole('heading', { name: 'Kept' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Conversation list' })).getByText('Kept')).toBeTruthy();
    expect((await getConversation(id))!.title).toBe('Kept');
  });

  it('opens a message from elsewhere (Activity) on its branch and marks it', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    await sendPrompt('First');
    await within(await screen.findByRole('article', { name: 'Answer from alpha' }, { timeout: 5000 })).findByText(/to "First"/, {}, { timeout: 5000 });
    await settled(h);
    await user.click(screen.getByRole('button', { name: 'Regenerate alpha' }));
    await waitFor(() => expect(screen.getByText('2/2')).toBeTruthy(), { timeout: 5000 });
    await settled(h);
    const convId = useRoom.getState().openId!;
    const first = (await listAllMessages(convId)).filter((m) => m.role === 'assistant')[0]!;
    act(() => useUi.getState().openMessage(convId, first.id));
    await waitFor(() => expect(screen.getByText('1/2')).toBeTruthy(), { timeout: 5000 });
    expect(screen.getByRole('article', { name: 'Answer from alpha' }).getAttribute('aria-current')).toBe('true');
  });

  it('estimates each column’s input before sending, from that column’s own history', async () => {
    const user = userEvent.setup();
    openRoomWith(['openai/gpt-4o-mini', 'test/unknown']);
    await user.type(await screen.findByRole('textbox', { name: 'Prompt' }), 'How long is this?');
    const est = await screen.findByLabelText('Send estimate', {}, { timeout: 5000 });
    expect(within(est).getAllByRole('listitem')).toHaveLength(2);
    // the model list may arrive after the first estimate: the line is priced once it has
    await waitFor(() => expect(within(est).getAllByRole('listitem')[0]!.textContent).toMatch(/OpenAI: GPT-4o mini: ≈ \d+ tokens in · ≈ \$0\.0000\d\d input/), { timeout: 5000 });
    const items = within(est).getAllByRole('listitem');
    expect(items[1]!.textContent).toContain('price unknown');
  });

  it('saves the room’s models as a set and starts a new chat from it', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta:nitro']);
    await user.click(await screen.findByRole('button', { name: 'Save these models as a set' }));
    const name = screen.getByRole('textbox', { name: 'Model set name' });
    await user.clear(name);
    await user.type(name, 'Duo{Enter}');
    await waitFor(async () => expect(((await getSetting<{ name: string }[]>('room.modelSets')) ?? []).map((x) => x.name)).toEqual(['Duo']));
    await user.click(screen.getByRole('button', { name: 'Column menu for beta:nitro' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove column beta:nitro' }));
    await user.click(screen.getByRole('button', { name: 'Column menu for alpha' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove column alpha' }));
    expect(screen.queryByRole('group', { name: 'Column alpha' })).toBeNull();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Use a model set' }), 'Duo (2)');
    expect(await screen.findByRole('group', { name: 'Column alpha' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Column beta:nitro' })).toBeTruthy();
  });
});
