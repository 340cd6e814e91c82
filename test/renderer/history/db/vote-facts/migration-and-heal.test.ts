// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, CURRENT_SCHEMA_VERSION } from '../../../../../renderer/history/db/migrations';
import { ParleyDb, closeParleyDb, setParleyDb } from '../../../../../renderer/history/db/database';
import { readVoteFacts } from '../../../../../renderer/history/db/vote-facts/read';
import { setTurnVote } from '../../../../../renderer/history/db/votes';
import { recordGeneration } from '../../../../../renderer/history/db/generations';
import { buildLeaderboard } from '../../../../../renderer/common/leaderboard/figures';
import { makeRecord } from '../../../support/generation-records';
import { votesFromFacts, votesFromSources } from './support';

const T0 = Date.UTC(2026, 1, 2, 10);

// A voted room as stored by schema v4: a blind vote with a reconciled row, a row found only through its answer's
// link, an unpriced row, and an answer whose row never arrived; a second room holds a tie; a third is deleted.
function v4Rows() {
  const conv = (id: string, title: string, over: Record<string, unknown> = {}) => ({
    id, title, createdAt: T0, updatedAt: T0, lastSeq: 4, headId: null, pendingContinueFromId: null, selection: {},
    columns: [{ id: 'a', model: 'openai/gpt-5', settings: {} }, { id: 'b', model: 'anthropic/claude-sonnet-4.5', settings: {} }], ...over,
  });
  let dn = 0;
  const msg = (id: string, conversationId: string, seq: number, over: Record<string, unknown>) => ({
    id, conversationId, seq, status: 'done', createdAt: T0 + seq, updatedAt: T0 + seq, dn: ++dn, ...over,
  });
  const prompt = (id: string, conversationId: string, content: string, vote?: Record<string, unknown>) =>
    msg(id, conversationId, 1, { parentId: null, groupId: `root:${conversationId}/user`, columnId: null, role: 'user', content, ...(vote ? { vote } : {}) });
  const answer = (id: string, conversationId: string, parentId: string, columnId: string, seq: number) =>
    msg(id, conversationId, seq, { parentId, groupId: `${parentId}/${columnId}`, columnId, role: 'assistant', content: `answer ${id}` });
  const ans = (messageId: string, model: string, label: string, generationId?: string) => ({ messageId, columnId: label === 'A' ? 'a' : 'b', model, label, ...(generationId ? { generationId } : {}) });
  return {
    conversations: [conv('c1', 'Sorting'), conv('c2', 'Poems'), conv('c3', 'Gone', { deletedAt: T0 + 5 })],
    messages: [
      prompt('p1', 'c1', 'Which sort is fastest?\nsecond line', {
        verdict: 'best', winnerId: 'a1', blind: true, at: T0 + 100,
        answers: [ans('a1', 'openai/gpt-5', 'A', 'g1'), ans('b1', 'anthropic/claude-sonnet-4.5', 'B')],
      }),
      answer('a1', 'c1', 'p1', 'a', 2),
      answer('b1', 'c1', 'p1', 'b', 3),
      prompt('p2', 'c2', 'A haiku', {
        verdict: 'tie', blind: false, at: T0 + 200,
        answers: [ans('a2', 'openai/gpt-5', 'A', 'g3'), ans('b2', 'anthropic/claude-sonnet-4.5', 'B', 'g-missing')],
      }),
      answer('a2', 'c2', 'p2', 'a', 2),
      answer('b2', 'c2', 'p2', 'b', 3),
      prompt('p3', 'c3', 'deleted room', {
        verdict: 'all-bad', blind: false, at: T0 + 300,
        answers: [ans('a3', 'openai/gpt-5', 'A', 'g4'), ans('b3', 'anthropic/claude-sonnet-4.5', 'B', 'g5')],
      }),
      prompt('p4', 'c1', 'not voted'),
    ],
    generations: [
      { ...makeRecord({ id: 'g1', costMicros: 400, ttftMs: 300, tokensPerSecond: 42 }), billedCostMicros: 450, reconciledAt: T0 + 1000, conversationId: 'c1', messageId: 'a1' },
      { ...makeRecord({ id: 'g2', costMicros: 900, ttftMs: 800, tokensPerSecond: 12 }), conversationId: 'c1', messageId: 'b1' },
      { ...makeRecord({ id: 'g3', costMicros: undefined, costSource: 'none', costReason: 'no-pricing', ttftMs: null, tokensPerSecond: 20 }), conversationId: 'c2', messageId: 'a2' },
      makeRecord({ id: 'g4', costMicros: 10 }),
      makeRecord({ id: 'g-unrelated', costMicros: 5 }),
    ],
  };
}

async function v4Database(): Promise<string> {
  closeParleyDb();
  const name = `parley-v4-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 4)) old.version(v.version).stores(v.stores);
  await old.open();
  const rows = v4Rows();
  await old.table('conversations').bulkPut(rows.conversations);
  await old.table('messages').bulkPut(rows.messages);
  await old.table('generations').bulkPut(rows.generations);
  old.close();
  return name;
}

describe('schema version 5 (vote facts)', () => {
  it('opens a real v4 database and builds a fact for every existing vote, with its answers’ ledger figures', async () => {
    const db = setParleyDb(new ParleyDb(await v4Database()));
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    // built by the migration itself: one pack per room with votes (the deleted room's too, left out when read)
    expect((await db.voteFactKeys.toArray()).map((p) => [p.conversationId, p.promptIds])).toEqual([['c1', ['p1']], ['c2', ['p2']], ['c3', ['p3']]]);
    const facts = await votesFromFacts();
    expect(facts.rebuilt).toBe(false);
    expect(facts.votes).toEqual(await votesFromSources());
    expect(facts.votes.map((v) => [v.promptId, v.conversationTitle, v.promptExcerpt, v.vote.answers.map((a) => [a.costMicros, a.ttftMs, a.tokensPerSecond])])).toEqual([
      // the billed cost (450), not Parley's figure; b1 has no generation id: its row is the one linked to it
      ['p1', 'Sorting', 'Which sort is fastest?', [[450, 300, 42], [900, 800, 12]]],
      // unpriced and without a time to first token: absent, never 0; g-missing was never recorded
      ['p2', 'Poems', 'A haiku', [[undefined, undefined, 20], [undefined, undefined, undefined]]],
    ]);
    const board = buildLeaderboard(facts.votes);
    expect(board.votes).toBe(2);
    expect(board.rows.find((r) => r.model === 'openai/gpt-5')).toMatchObject({ wins: 1, ties: 1, unpricedAnswers: 1, spentMicros: 450, medianTtftMs: 300 });
  });

  it('a rename or a restore shows at once: titles and deleted rooms are read from the conversations at load', async () => {
    const db = setParleyDb(new ParleyDb(await v4Database()));
    await db.open();
    await db.conversations.update('c1', { title: 'Sorting, renamed' });
    await db.conversations.update('c3', { deletedAt: undefined });
    const { votes } = await readVoteFacts();
    expect(votes.map((v) => [v.promptId, v.conversationTitle])).toEqual([['p1', 'Sorting, renamed'], ['p2', 'Poems'], ['p3', 'Gone']]);
  });
});

describe('vote facts heal themselves', () => {
  it('rebuilds the facts when votes were written past Dexie (their count differs), before showing any figure', async () => {
    const name = await v4Database();
    const db = setParleyDb(new ParleyDb(name));
    await db.open();
    // another program writes straight into IndexedDB: a new vote, which no upkeep saw
    const raw = new Dexie(name);
    raw.version(CURRENT_SCHEMA_VERSION).stores(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.stores);
    await raw.open();
    await raw.table('messages').update('p4', {
      vote: { verdict: 'best', winnerId: 'a1', blind: false, at: T0 + 400, answers: [{ messageId: 'a1', columnId: 'a', model: 'openai/gpt-5', label: 'A', generationId: 'g1' }, { messageId: 'b1', columnId: 'b', model: 'x/y', label: 'B', generationId: 'g2' }] },
    });
    raw.close();
    // the facts as read are handed over at once, then taken back as stale before the rebuilt ones come
    const seen: string[] = [];
    const read = await readVoteFacts({ onRead: (v) => seen.push(`read ${v.map((x) => x.promptId).join(',')}`), onStale: () => seen.push('stale') });
    expect(seen).toEqual(['read p1,p2', 'stale']);
    expect([read.rebuilt, read.votes.map((v) => v.promptId)]).toEqual([true, ['p1', 'p2', 'p4']]);
    await db.voteFacts.clear(); // and once more through the comparison with the sources
    const healed = await votesFromFacts();
    expect(healed.rebuilt).toBe(true);
    expect(healed.votes).toEqual(await votesFromSources());
    expect(healed.votes.map((v) => v.promptId)).toEqual(['p1', 'p2', 'p4']);
    // healed for good: the next read needs no rebuild, and is not taken back
    const after: string[] = [];
    expect((await readVoteFacts({ onRead: () => after.push('read'), onStale: () => after.push('stale') })).rebuilt).toBe(false);
    expect(after).toEqual(['read']);
  });

  it('rebuilds when the facts were lost (cleared), and a later vote and ledger row keep them right', async () => {
    const db = setParleyDb(new ParleyDb(await v4Database()));
    await db.open();
    await db.voteFacts.clear();
    expect((await votesFromFacts()).rebuilt).toBe(true);
    await setTurnVote('p1', null);
    await recordGeneration(makeRecord({ id: 'g-missing', costMicros: 77, ttftMs: 90, tokensPerSecond: 30 }), { conversationId: 'c2', messageId: 'b2' });
    const after = await votesFromFacts();
    expect(after.rebuilt).toBe(false);
    expect(after.votes).toEqual(await votesFromSources());
    expect(after.votes.map((v) => [v.promptId, v.vote.answers.map((a) => a.costMicros)])).toEqual([['p2', [undefined, 77]]]);
  });
});
