import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeMain } from '../../support/fake-main';
import { freshLedger } from '../../support/fresh-ledger';
import { makeRecord } from '../../support/generation-records';
import { LeaderboardView } from '../../../../renderer/money/leaderboard/LeaderboardView';
import { createConversation } from '../../../../renderer/history/db/conversations';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage } from '../../../../renderer/history/db/messages';
import { setTurnVote } from '../../../../renderer/history/db/votes';
import type { LedgerRepo } from '../../../../renderer/history/db/ledger-types';

beforeAll(() => {
  installFakeMain({ 'models.list': () => ({ models: [], source: 'none', fetchedAt: null }) });
});

let close: (() => void) | null = null;
afterEach(() => {
  cleanup();
  close?.();
});

const NOW = Date.UTC(2026, 4, 20, 12);
const DAY = 86_400_000;
const COLUMNS = [
  { id: 'cA', model: 'lab/alpha', settings: {} },
  { id: 'cB', model: 'lab/beta', settings: {} },
];

/** A turn of room `convId` answered by alpha and beta (costs from the ledger), voted as given. */
async function votedTurn(repo: LedgerRepo, convId: string, n: number, at: number, verdict: 'alpha' | 'beta' | 'tie', blind: boolean, costs: [number, number]) {
  const p = await appendUserMessage(convId, { content: `Question ${n}` });
  const ids: string[] = [];
  for (const [i, col] of COLUMNS.entries()) {
    const a = await createAssistantMessage(convId, { parentId: p.id, columnId: col.id, model: { requested: col.model } });
    const gen = `gen-${n}-${i}`;
    await finalizeAssistantMessage(a.id, { status: 'done', content: `answer ${n}.${i}`, generationId: gen, model: { used: col.model } });
    await repo.ingest(makeRecord({ id: gen, createdAt: at, model: col.model, requestedModel: col.model, costMicros: costs[i]!, ttftMs: 100 * (i + 1), tokensPerSecond: 40 + i * 10 }));
    await repo.link(gen, { conversationId: convId, messageId: a.id });
    ids.push(a.id);
  }
  await setTurnVote(p.id, {
    verdict: verdict === 'tie' ? 'tie' : 'best',
    ...(verdict === 'tie' ? {} : { winnerId: ids[verdict === 'alpha' ? 0 : 1]! }),
    blind,
    at,
    answers: COLUMNS.map((c, i) => ({ messageId: ids[i]!, columnId: c.id, model: c.model, generationId: `gen-${n}-${i}`, label: 'AB'[i]! })),
  });
  return p;
}

async function seed() {
  const fresh = await freshLedger();
  close = fresh.close;
  const r1 = await createConversation({ title: 'Coding room', columns: COLUMNS, blind: true });
  const r2 = await createConversation({ title: 'Writing room', columns: COLUMNS });
  const first = await votedTurn(fresh.repo, r1.id, 1, NOW - 2 * DAY, 'alpha', true, [1_000, 3_000]);
  await votedTurn(fresh.repo, r1.id, 2, NOW - 1 * DAY, 'alpha', true, [2_000, 4_000]);
  await votedTurn(fresh.repo, r2.id, 3, NOW - 40 * DAY, 'beta', false, [3_000, 5_000]);
  await votedTurn(fresh.repo, r2.id, 4, NOW - 3 * DAY, 'tie', false, [4_000, 6_000]);
  return { r1, r2, first };
}

/** Four votes are under the default threshold (10): rank every model with at least one vote. */
async function rankFromOneVote(user: ReturnType<typeof userEvent.setup>) {
  const field = await screen.findByRole('spinbutton', { name: /Rank models with at least/ });
  await user.clear(field);
  await user.type(field, '1');
}

const rowOf = (model: string) => screen.getByRole('button', { name: `Votes behind ${model}` }).closest('tr')!;
const cells = (tr: HTMLElement) => [...tr.querySelectorAll('td')].map((td) => td.textContent);

describe('Leaderboard view', () => {
  it('lists models with fewer votes than the threshold apart, unranked', async () => {
    await seed();
    render(<LeaderboardView onOpenTurn={() => {}} now={NOW} />);
    const table = await screen.findByRole('table', { name: 'Models with too few votes' });
    expect(screen.queryByRole('table', { name: 'Models ranked by your votes' })).toBeNull();
    expect(screen.getByRole('heading', { name: /Too few votes to rank \(under 10 each/ })).toBeTruthy();
    expect([...table.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent])).toEqual([
      ['lab/alpha', '—'],
      ['lab/beta', '—'],
    ]);
  });

  it('ranks the models by rating and shows wins, losses, ties, cost per answer, cost per win, TTFT and speed', async () => {
    const user = userEvent.setup();
    await seed();
    render(<LeaderboardView onOpenTurn={() => {}} now={NOW} />);
    await rankFromOneVote(user);
    await screen.findByRole('table', { name: 'Models ranked by your votes' });
    expect(screen.getByRole('status').textContent).toBe('4 votes · 2 models');
    const names = [...screen.getByRole('table', { name: 'Models ranked by your votes' }).querySelectorAll('tbody tr th button')].map((b) => b.textContent);
    expect(names).toEqual(['lab/alpha', 'lab/beta']);
    // alpha: 2 wins, 1 loss, 1 tie; answers 1000, 2000, 3000, 4000 µ$ → median $0.0025, cost per win 10000/2 = $0.005
    const [rankA, ratingA, wltA, medianA, perWinA, ttftA, tpsA] = cells(rowOf('lab/alpha'));
    // four votes: the intervals overlap, so either could be first
    expect([rankA, wltA, medianA, perWinA, ttftA, tpsA]).toEqual(['1–2', '2–1–1', '$0.0025', '$0.005', '100 ms', '40.0 tok/s']);
    // wins, losses and ties share one column, spelled out on hover
    expect(rowOf('lab/alpha').querySelector('td.wlt')!.getAttribute('title')).toBe('2 wins, 1 loss, 1 tie');
    expect(screen.getByRole('columnheader', { name: 'Wins–losses–ties' }).textContent).toBe('W–L–T');
    // 2.5 + 0.5 (virtual tie) : 1.5 + 0.5 over 5 games → θ gap ln 1.5, alpha at 1000 + 200·log10(1.5)
    expect(ratingA).toMatch(/^1035 \d+–\d+$/);
    const beta = cells(rowOf('lab/beta'));
    expect(beta.slice(0, 1)).toEqual(['1–2']);
    expect(beta.slice(2, 7)).toEqual(['1–2–1', '$0.0045', '$0.02', '200 ms', '50.0 tok/s']); // cost per win $0.018, in cents
    expect(beta[1]).toMatch(/^965 /);
  });

  it('an answer that ran a tool loop costs every step, in cost per answer and per win', async () => {
    const user = userEvent.setup();
    const fresh = await freshLedger();
    close = fresh.close;
    const room = await createConversation({ title: 'Tools room', columns: COLUMNS });
    // Turn 1: plain answers (alpha 1,000 µ$, beta 3,000 µ$). Turn 2: alpha's answer is the last step of a three-step
    // loop of 600 + 700 + 580 µ$; beta answers at 2,000 µ$. Alpha wins both.
    await votedTurn(fresh.repo, room.id, 1, NOW - 2 * DAY, 'alpha', false, [1_000, 3_000]);
    const p2 = await votedTurn(fresh.repo, room.id, 2, NOW - DAY, 'alpha', false, [580, 2_000]);
    const loopAnswer = (await getMessage(p2.id))!.vote!.answers[0]!.messageId;
    const steps = [['gen-2-0-s1', 600], ['gen-2-0-s2', 700], ['gen-2-0', 580]] as const;
    for (const [i, [id, costMicros]] of steps.entries()) {
      if (i < 2) await fresh.repo.ingest(makeRecord({ id, createdAt: NOW - DAY, model: 'lab/alpha', requestedModel: 'lab/alpha', costMicros }));
      await fresh.repo.link(id, { conversationId: room.id, messageId: loopAnswer, loopStep: { n: i + 1, of: 3 } });
    }
    render(<LeaderboardView onOpenTurn={() => {}} now={NOW} />);
    await rankFromOneVote(user);
    await screen.findByRole('table', { name: 'Models ranked by your votes' });
    // alpha: answers 1,000 and 1,880 µ$ → median 1,440 µ$ ($0.0014); cost per win (1,000 + 1,880) / 2 = 1,440 µ$.
    // Counting only the loop's last step would give a median of 790 µ$ ($0.00079).
    await waitFor(() => expect(cells(rowOf('lab/alpha')).slice(3, 5)).toEqual(['$0.0014', '$0.0014']));
  });

  it('filters: blind votes only, a room, a time range', async () => {
    const user = userEvent.setup();
    await seed();
    render(<LeaderboardView onOpenTurn={() => {}} now={NOW} />);
    await rankFromOneVote(user);
    await screen.findByRole('table', { name: 'Models ranked by your votes' });
    await user.click(screen.getByRole('checkbox', { name: 'Blind votes only' }));
    expect(screen.getByRole('status').textContent).toBe('2 votes · 2 models');
    expect(cells(rowOf('lab/beta'))[4]).toBe('no wins');
    await user.click(screen.getByRole('checkbox', { name: 'Blind votes only' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Room filter' }), 'Writing room');
    expect(screen.getByRole('status').textContent).toBe('2 votes · 2 models');
    expect(cells(rowOf('lab/beta'))[2]).toBe('1–0–1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time range' }), 'Last 30 days');
    expect(screen.getByRole('status').textContent).toBe('1 vote · 2 models');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Room filter' }), 'All rooms');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time range' }), 'Last 7 days');
    expect(screen.getByRole('status').textContent).toBe('3 votes · 2 models');
  });

  it('clicking a model lists the votes behind its figures, each opening its turn', async () => {
    const user = userEvent.setup();
    const { r1, first } = await seed();
    const opened: [string, string][] = [];
    render(<LeaderboardView onOpenTurn={(c, p) => opened.push([c, p])} now={NOW} />);
    await user.click(await screen.findByRole('button', { name: 'Votes behind lab/alpha' }));
    const list = screen.getByRole('table', { name: 'Votes behind lab/alpha' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(1, 6).map((td) => td.textContent))).toEqual([
      ['Coding room', 'Question 2', 'wonblind', 'lab/beta', '$0.002'],
      ['Coding room', 'Question 1', 'wonblind', 'lab/beta', '$0.001'],
      ['Writing room', 'Question 4', 'tie', 'lab/beta', '$0.004'],
      ['Writing room', 'Question 3', 'lost', 'lab/beta', '$0.003'],
    ]);
    await user.click(within(rows[1]!).getByRole('button', { name: /^Open the turn “Question 1”/ }));
    expect(opened).toEqual([[r1.id, first.id]]);
  });

  it('says so when there are no votes yet', async () => {
    const fresh = await freshLedger();
    close = fresh.close;
    render(<LeaderboardView onOpenTurn={() => {}} now={NOW} />);
    expect(await screen.findByText(/No votes yet/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
  });
});
