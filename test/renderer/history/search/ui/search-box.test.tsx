import { render, screen, within, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sidebar } from '../../../../../renderer/app/Sidebar';
import { SearchBox } from '../../../../../renderer/history/search/ui/SearchBox';
import { SnippetText } from '../../../../../renderer/history/search/ui/SnippetText';
import { useUi } from '../../../../../renderer/common/ui-store';
import { setTurnVote } from '../../../../../renderer/history/db';
import { freshHistory, seedConversation } from '../../../support/seed-history';
import { installFakeMain } from '../../../support/fake-main';

const SLOW = { timeout: 5000 };

beforeEach(async () => {
  // the sidebar asks main which keys exist (to say "add a key" only while none does)
  installFakeMain({ 'keys.list': () => [] });
  await freshHistory();
  useUi.setState({ view: { kind: 'room', conversationId: null } });
});
afterEach(cleanup);

describe('sidebar search', () => {
  it('finds a stored message and opens its conversation at that message', async () => {
    const user = userEvent.setup();
    const cooking = await seedConversation('Cooking', 'How do I make a sourdough starter?', ['Mix flour and water daily.', 'Feed it every day.']);
    await seedConversation('Travel', 'Best time to visit Kyoto?', ['Spring, for the blossoms.', 'Autumn leaves.']);
    render(<Sidebar />);

    await user.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'sourdough');
    const results = await screen.findByRole('list', { name: 'Search results' }, SLOW);
    const hits = within(results).getAllByRole('button');
    expect(hits).toHaveLength(1);
    expect(within(results).getByRole('listitem', { name: 'Cooking' }).contains(hits[0]!)).toBe(true); // under its conversation
    expect(hits[0]!.textContent).toContain('You');
    expect(within(hits[0]!).getByText('sourdough', { selector: 'mark' })).toBeTruthy();

    await user.click(hits[0]!);
    expect(useUi.getState().view).toEqual({ kind: 'room', conversationId: cooking.conv.id, focusMessageId: cooking.user.id });
  });

  it('names the answering model, opens the first result on Enter, and clears on Escape', async () => {
    const user = userEvent.setup();
    const travel = await seedConversation('Travel', 'When should I go?', ['Spring, for the cherry blossoms.', 'Autumn is quieter.']);
    render(<SearchBox />);
    const box = screen.getByRole('searchbox', { name: 'Search conversations' });

    await user.type(box, 'blossom');
    const results = await screen.findByRole('list', { name: 'Search results' }, SLOW);
    expect(within(results).getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringContaining('GPT')]);

    await user.type(box, '{Enter}');
    expect(useUi.getState().view).toEqual({ kind: 'room', conversationId: travel.conv.id, focusMessageId: travel.replies[0]!.id });

    await user.type(box, '{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
  });

  it('does not name the models of a blind turn not voted on yet, and names them once it is', async () => {
    const user = userEvent.setup();
    const blind = await seedConversation('Taste test', 'Write a haiku about rain', ['Rain taps the window pane.', 'Grey rain hums softly.'], { blind: true });
    render(<SearchBox />);
    const box = screen.getByRole('searchbox', { name: 'Search conversations' });

    await user.type(box, 'rain');
    const results = await screen.findByRole('list', { name: 'Search results' }, SLOW);
    const answerHits = within(results).getAllByRole('button').filter((b) => !b.textContent!.includes('You'));
    expect(answerHits).toHaveLength(2);
    for (const hit of answerHits) expect(hit.textContent).toContain('Hidden answer');
    expect(results.textContent).not.toMatch(/GPT|gpt-5|claude|anthropic|openai/i);

    await setTurnVote(blind.user.id, { verdict: 'best', winnerId: blind.replies[0]!.id, at: Date.now(), blind: true, answers: blind.replies.map((r, i) => ({ messageId: r.id, columnId: r.columnId!, model: r.model?.requested ?? '', label: i ? 'B' : 'A' })) });
    await user.clear(box);
    await user.type(box, 'rain');
    await screen.findByText(/claude-sonnet/, {}, SLOW);
    expect(screen.getByRole('list', { name: 'Search results' }).textContent).toContain('GPT');
  });

  it('shows plain text, grouped per conversation, and finds words that only the reasoning holds', async () => {
    const user = userEvent.setup();
    const maths = await seedConversation('Maths', 'What is a third of one?', ['It is $$\\frac{1}{3}$$, shown in a table:\n\n| x | third |\n|---|---|\n| 1 | **0.333** |', 'One third.'], { reasoning: 'Dividing the unit into pieces: trivially small.' });
    await seedConversation('Recipes', 'A third of a cup of sugar?', ['About 67 g.', 'Roughly 65 grams.']);
    render(<SearchBox />);
    const box = screen.getByRole('searchbox', { name: 'Search conversations' });
    await user.type(box, 'third');
    const results = await screen.findByRole('list', { name: 'Search results' }, SLOW);
    const groups = within(results).getAllByRole('listitem').filter((li) => li.classList.contains('search-group'));
    expect(groups.map((g) => g.getAttribute('aria-label')).sort()).toEqual(['Maths', 'Recipes']);
    const maths3 = within(results).getByRole('listitem', { name: 'Maths' });
    expect(maths3.textContent).toContain('It is 1/3, shown in a table: x · third 1 · 0.333');
    expect(results.textContent).not.toMatch(/\$\$|\\frac|\|---|\*\*/);

    await user.clear(box);
    await user.type(box, 'trivially');
    await within(await screen.findByRole('list', { name: 'Search results' }, SLOW)).findByText(/in its reasoning/, undefined, SLOW);
    const hit = within(screen.getByRole('list', { name: 'Search results' })).getByRole('button');
    expect(within(hit).getByText('trivially', { selector: 'mark' })).toBeTruthy();
    await user.click(hit);
    expect(useUi.getState().view).toEqual({ kind: 'room', conversationId: maths.conv.id, focusMessageId: maths.replies[0]!.id });
  });

  it('says so when nothing matches, and shows nothing for an empty box', async () => {
    const user = userEvent.setup();
    await seedConversation('Cooking', 'Bread?', ['Yes.', 'No.']);
    render(<SearchBox />);
    expect(screen.queryByRole('status')).toBeNull();
    await user.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'zebra');
    expect(await screen.findByText('No messages match “zebra”.', undefined, SLOW)).toBeTruthy();
  });

  it('keeps hostile message text as text, with matches in <mark>', async () => {
    const user = userEvent.setup();
    const hostile = '<img src=x onerror="window.__pwned=1"> payload <script>window.__pwned=2</script> sourdough';
    await seedConversation('<b>Evil</b>', hostile, ['fine', 'fine']);
    render(<SearchBox />);
    await user.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'payload');
    const results = await screen.findByRole('list', { name: 'Search results' }, SLOW);
    expect(results.querySelector('img, script, b')).toBeNull();
    expect(results.textContent).toContain('<img src=x onerror=');
    expect(results.textContent).toContain('<b>Evil</b>');
    expect([...results.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['payload']);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('renders snippet highlight ranges as <mark> with ellipses for cut text', () => {
    const { container } = render(<SnippetText snippet={{ text: 'a <i>b</i> c', highlights: [[2, 10]], before: true, after: false }} />);
    expect(container.querySelector('i')).toBeNull();
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['<i>b</i>']);
    expect(container.textContent).toBe('… a <i>b</i> c');
  });
});

