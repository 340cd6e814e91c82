import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { formatMicros } from '../../../../shared/billing/money';
import { screen, cleanup, within, waitFor, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { computeAccessibleName } from 'dom-accessibility-api';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { getMessage, listAllMessages } from '../../../../renderer/history/db/messages';
import { FUSED_COLUMN_ID } from '../../../../renderer/history/db/group-id';
import { FUSE_INSTRUCTIONS } from '../../../../renderer/chat/state/fuse';

// Blind mode, votes, fusing and comparing in a room, in jsdom against the real backend with a fake engine.

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

const BIRDS = ['kestrel', 'osprey', 'heron'];

/** Every accessible name and attribute and text of the page, to search for a model name. */
function everythingShown(): string {
  const names = [...document.body.querySelectorAll<HTMLElement>('*')].map((el) => computeAccessibleName(el));
  return `${document.title}\n${document.body.outerHTML}\n${names.join('\n')}`;
}

async function answersDone(count: number) {
  await waitFor(() => expect(screen.getAllByRole('article').filter((a) => /^Answer [A-Z]$|^Answer from|^Fused answer$/.test(a.getAttribute('aria-label') ?? '')).length).toBe(count), { timeout: 5000 });
  await settled(h);
}

describe('blind mode and votes', { timeout: 30_000 }, () => {
  it('a blind turn names no model anywhere until the vote; the key 2 picks answer B and reveals everything', async () => {
    const user = userEvent.setup();
    openRoomWith(BIRDS.map((b) => `test/${b}`));
    await user.click(screen.getByRole('checkbox', { name: 'Blind' }));
    await sendPrompt('[anon] which way?');
    await answersDone(3);
    await waitFor(() => expect(screen.getByRole('group', { name: 'Vote on this turn' })).toBeTruthy());
    for (const letter of ['A', 'B', 'C']) {
      expect(within(screen.getByRole('article', { name: `Answer ${letter}` })).getByText(/^Answer number \d+/)).toBeTruthy();
    }
    const shown = everythingShown();
    for (const b of BIRDS) expect(shown).not.toContain(b);
    expect(screen.getByLabelText('Conversation totals').textContent).toBe('Totals shown after your vote');
    expect(screen.getByRole('group', { name: 'Answer A' })).toBeTruthy();

    const answerB = screen.getByRole('article', { name: 'Answer B' });
    const bText = within(answerB).getByText(/^Answer number \d+/).textContent!;
    const convId = useRoom.getState().openId!;
    const rows = await listAllMessages(convId);
    const bRow = rows.find((m) => m.role === 'assistant' && m.content === bText)!;

    fireEvent.keyDown(document.body, { key: '2' });
    await screen.findByRole('group', { name: 'Your vote on this turn' });
    const prompt = rows.find((m) => m.role === 'user')!;
    const stored = (await getMessage(prompt.id))!.vote!;
    expect(stored).toMatchObject({ verdict: 'best', winnerId: bRow.id, blind: true });
    expect(stored.answers.map((a) => a.label)).toEqual(['A', 'B', 'C']);
    expect(stored.answers.find((a) => a.label === 'B')!.model).toBe(bRow.model!.used);
    // revealed: names, costs and the column order are back
    const bird = bRow.model!.used!.split('/')[1]!;
    expect(screen.getByText(`Best: ${bRow.model!.used} (B)`)).toBeTruthy();
    expect(screen.getByRole('article', { name: `Answer from ${bird}` })).toBeTruthy();
    expect(screen.getAllByRole('article').filter((a) => a.getAttribute('aria-label')?.startsWith('Answer from')).map((a) => a.getAttribute('aria-label'))).toEqual(
      BIRDS.map((b) => `Answer from ${b}`),
    );
    expect(screen.getByLabelText('Conversation totals').textContent).toMatch(/^\$0\.000\d+/);
    expect(screen.getByRole('group', { name: 'Column kestrel' })).toBeTruthy();
  });

  it('the copy button of a hidden answer copies its text only', async () => {
    const copied: string[] = [];
    const user = userEvent.setup(); // with user-event's own clipboard, read back after each copy
    openRoomWith(BIRDS.map((b) => `test/${b}`));
    await user.click(screen.getByRole('checkbox', { name: 'Blind' }));
    await sendPrompt('[anon] copy me');
    await answersDone(3);
    for (const letter of ['A', 'B', 'C']) {
      await user.click(screen.getByRole('button', { name: `Copy answer ${letter}` }));
      copied.push(await navigator.clipboard.readText());
    }
    expect(copied).toHaveLength(3);
    for (const t of copied) {
      expect(t).toMatch(/^Answer number \d+/);
      for (const b of BIRDS) expect(t).not.toContain(b);
    }
  });

  it('votes by click: a tie, then changed to all bad (no longer blind once revealed)', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await user.click(screen.getByRole('checkbox', { name: 'Blind' }));
    await sendPrompt('[anon] tie?');
    await answersDone(2);
    await user.click(await screen.findByRole('button', { name: 'Tie' }));
    expect(await screen.findByText('You called it a tie')).toBeTruthy();
    expect(screen.getByText(/A = test\/(alpha|beta) · B = test\/(alpha|beta)/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Change vote' }));
    await user.click(screen.getByRole('button', { name: 'All bad' }));
    expect(await screen.findByText('You marked every answer bad')).toBeTruthy();
    const prompt = (await listAllMessages(useRoom.getState().openId!)).find((m) => m.role === 'user')!;
    expect(prompt.vote).toMatchObject({ verdict: 'all-bad', blind: false });
    expect(prompt.vote!.winnerId).toBeUndefined();
  });

  it('a room that is not blind shows names at once and votes by the answer’s position', async () => {
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('plain');
    await answersDone(2);
    expect(screen.getByRole('button', { name: 'beta is best' })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: '1' });
    expect(await screen.findByText('Best: test/alpha (A)')).toBeTruthy();
    // typing a digit in the prompt box is text, not a vote
    const prompt = (await listAllMessages(useRoom.getState().openId!)).find((m) => m.role === 'user')!;
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Prompt' }), { key: '2' });
    expect((await getMessage(prompt.id))!.vote!.winnerId).toBe((await getMessage(prompt.id))!.vote!.answers[0]!.messageId);
  });

  it('votes from the prompt box with Alt and the key (by physical key, as on macOS), and the bar says so', async () => {
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('from the prompt box');
    await answersDone(2);
    expect(screen.getByRole('group', { name: 'Vote on this turn' }).textContent).toContain('Alt+ while typing');
    const box = screen.getByRole('textbox', { name: 'Prompt' });
    fireEvent.keyDown(box, { key: '™', code: 'Digit2', altKey: true });
    expect(await screen.findByText('Best: test/beta (B)')).toBeTruthy();
  });
});

describe('fuse and compare', { timeout: 30_000 }, () => {
  it('fusing sends the prompt and the answers to the chosen model and adds a fused answer with its cost, counted in the turn total', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('Explain tides');
    await answersDone(2);
    const before = h.requests.length;
    await user.click(screen.getByRole('button', { name: 'Fuse…' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model that writes the fused answer' }), 'test/beta');
    await user.click(screen.getByRole('button', { name: 'Fuse these answers' }));
    const fused = await screen.findByRole('article', { name: 'Fused answer' }, { timeout: 5000 });
    await within(fused).findByText(/Answer from test\/beta/, {}, { timeout: 5000 });
    await settled(h);
    const req = h.requests[before]!;
    expect(req.model).toBe('test/beta');
    expect(req.messages[0]).toEqual({ role: 'system', content: FUSE_INSTRUCTIONS });
    const user0 = req.messages[1]!.content as string;
    expect(user0).toMatch(/^Explain tides\n\n---\nAnswers to combine:\n\n### Answer A\n\nAnswer from test\/alpha to "Explain tides" \(turn 1\)\n\n### Answer B\n\nAnswer from test\/beta/);
    expect(user0).not.toMatch(/test\/alpha.*is|model/i);

    const rows = await listAllMessages(useRoom.getState().openId!);
    const f = rows.find((m) => m.columnId === FUSED_COLUMN_ID)!;
    expect(f.fused!.sources).toHaveLength(2);
    expect(f.cost!.costMicros).toBeGreaterThan(0);
    await waitFor(() => expect(within(fused).getByLabelText(/^Cost: /).textContent).toMatch(/^\$0\.000\d+/));
    const total = rows.filter((m) => m.role === 'assistant').reduce((s, m) => s + m.cost!.costMicros!, 0);
    expect(screen.getByLabelText('Turn total').textContent).toContain(formatMicros(total));
    expect(screen.getByLabelText('Turn total').textContent).toContain('3 answers');
  });

  it('compares two answers word by word', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('Same words here');
    await answersDone(2);
    await user.click(screen.getByRole('button', { name: 'Compare two…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Compare two answers' });
    expect(within(dialog).getByRole('status').textContent).toBe('1 word only on the left, 1 only on the right');
    // "Answer from test/alpha to …" against "Answer from test/beta to …": one word apart
    expect([...dialog.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['alpha']);
    expect([...dialog.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['beta']);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Compare two answers' })).toBeNull());
  });
});
