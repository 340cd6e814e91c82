// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../support/history-db';
import { createConversation } from '../../../../../renderer/history/db/conversations';
import { makeRecord } from '../../../support/generation-records';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage } from '../../../../../renderer/history/db/messages';
import { setTurnVote } from '../../../../../renderer/history/db/votes';
import { recordGeneration } from '../../../../../renderer/history/db/generations';
import { deleteConversation, purgeConversation, restoreConversation } from '../../../../../renderer/history/db/deletion';
import { exportJson } from '../../../../../renderer/history/transfer/formats/export-json';
import { importJson } from '../../../../../renderer/history/transfer/formats/import-json';
import { createHistoryLedger } from '../../../../../renderer/common/ledger/history-ledger';
import { buildLeaderboard } from '../../../../../renderer/common/leaderboard/figures';
import type { TurnVote, VotedAnswer } from '../../../../../renderer/history/db/types';
import { votesFromFacts, votesFromSources } from './support';
import { readVoteFacts } from '../../../../../renderer/history/db/vote-facts/read';
import { readVoteFactsShared } from '../../../../../renderer/history/db/vote-facts/shared-read';

// A property of the vote facts: whatever sequence of writes the app makes through its own functions, the
// leaderboard read from the facts is the one built from the sources (the votes on the prompts, and the ledger rows
// of their answers), and the facts never needed the self-heal to get there. A write path that forgot the facts
// fails here.

const MODELS = ['openai/gpt-5', 'anthropic/claude-sonnet-4.5', 'google/gemini-2.5-pro', 'meta/llama-4'];

const COLUMNS = ['col0', 'col1', 'col2'].map((id, i) => ({ id, model: MODELS[i]!, settings: {} }));

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Turn {
  conversationId: string;
  promptId: string;
  answers: { messageId: string; columnId: string; model: string; generationId: string }[];
}

async function runSequence(seed: number, steps: number): Promise<string[]> {
  await freshDb();
  const rand = prng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const ledger = createHistoryLedger();
  const rooms: string[] = [];
  const deleted = new Set<string>();
  const turns: Turn[] = [];
  const done: string[] = [];
  let clock = 1_000_000;
  let gen = 0;

  const live = () => turns.filter((t) => !deleted.has(t.conversationId) && rooms.includes(t.conversationId));
  const record = (id: string) =>
    makeRecord({
      id,
      model: pick(MODELS),
      createdAt: ++clock,
      ...(rand() < 0.2 ? { costMicros: undefined, costSource: 'none', costReason: 'no-pricing' } : { costMicros: 100 + Math.floor(rand() * 900) }),
      ttftMs: rand() < 0.2 ? null : 100 + Math.floor(rand() * 500),
      tokensPerSecond: rand() < 0.2 ? null : 10 + rand() * 90,
    });

  const ops: Record<string, () => Promise<boolean>> = {
    async turn() {
      if (!rooms.length || rand() < 0.3) rooms.push((await createConversation({ title: `Room ${rooms.length}`, columns: COLUMNS })).id);
      const open = rooms.filter((r) => !deleted.has(r));
      if (!open.length) return false;
      const conversationId = pick(open);
      if (!conversationId) return false;
      const prompt = await appendUserMessage(conversationId, { content: `Question ${clock}\nsecond line`, now: ++clock });
      const n = 2 + Math.floor(rand() * 2);
      const answers: Turn['answers'] = [];
      for (let c = 0; c < n; c++) {
        const model = rand() < 0.15 && answers.length ? answers[0]!.model : pick(MODELS);
        const columnId = `col${c}`;
        const a = await createAssistantMessage(conversationId, { parentId: prompt.id, columnId, model: { requested: model } });
        const generationId = `gen-${seed}-${++gen}`;
        await finalizeAssistantMessage(a.id, { status: 'done', content: `answer ${c}`, generationId });
        answers.push({ messageId: a.id, columnId, model, generationId });
        const how = rand();
        if (how < 0.4) {
          await ledger.ingest(record(generationId));
          await ledger.link(generationId, { conversationId, messageId: a.id });
        } else if (how < 0.7) await recordGeneration(record(generationId), { conversationId, messageId: a.id });
        // else: the ledger row arrives later (or never)
      }
      turns.push({ conversationId, promptId: prompt.id, answers });
      return true;
    },
    async vote() {
      const t = live();
      if (!t.length) return false;
      const turn = pick(t);
      const verdict = pick<TurnVote['verdict']>(['best', 'best', 'tie', 'all-bad']);
      const answers: VotedAnswer[] = turn.answers.map((a, i) => ({
        messageId: a.messageId, columnId: a.columnId, model: a.model, label: 'ABC'[i]!,
        // now and then a vote without the generation id: its figures come from the row linked to the answer
        ...(rand() < 0.8 ? { generationId: a.generationId } : {}),
      }));
      const vote: TurnVote = { verdict, answers, blind: rand() < 0.5, at: ++clock, ...(verdict === 'best' ? { winnerId: pick(answers).messageId } : {}) };
      await setTurnVote(turn.promptId, vote, clock);
      return true;
    },
    async withdraw() {
      const voted: Turn[] = [];
      for (const t of live()) if ((await getMessage(t.promptId))?.vote) voted.push(t);
      if (!voted.length) return false;
      await setTurnVote(pick(voted).promptId, null, ++clock);
      return true;
    },
    async lateRecord() {
      const t = live();
      if (!t.length) return false;
      const turn = pick(t);
      const a = pick(turn.answers);
      await ledger.ingest(record(a.generationId));
      if (rand() < 0.7) await ledger.link(a.generationId, { conversationId: turn.conversationId, messageId: a.messageId });
      return true;
    },
    async strayRow() {
      // a second ledger row linked to an answer (a retry recorded under another id)
      const t = live();
      if (!t.length) return false;
      const turn = pick(t);
      const a = pick(turn.answers);
      await recordGeneration(record(`gen-${seed}-stray-${++gen}`), { conversationId: turn.conversationId, messageId: a.messageId });
      return true;
    },
    async reconcile() {
      if (!gen) return false;
      const id = `gen-${seed}-${1 + Math.floor(rand() * gen)}`;
      const billed = rand() < 0.2 ? null : 50 + Math.floor(rand() * 2000);
      await ledger.applyReconciled({
        generationId: id, status: billed === null ? 'failed' : 'reconciled', billedMicros: billed, localMicros: 500, mismatch: billed !== 500,
        diffMicros: billed === null ? null : 500 - billed, provider: 'OpenAI', nativeTokens: null, error: billed === null ? 'not found' : null,
      }, ++clock);
      return true;
    },
    async reingest() {
      // main sends a record again (a late usage report): same id, new figures; link and billing are kept
      if (!gen) return false;
      await ledger.ingest(record(`gen-${seed}-${1 + Math.floor(rand() * gen)}`));
      return true;
    },
    async softDelete() {
      const r = rooms.filter((x) => !deleted.has(x));
      if (!r.length) return false;
      const id = pick(r);
      await deleteConversation(id, { undoMs: 1e9, now: ++clock });
      deleted.add(id);
      return true;
    },
    async restore() {
      if (!deleted.size) return false;
      const id = pick([...deleted]);
      await restoreConversation(id);
      deleted.delete(id);
      return true;
    },
    async purge() {
      if (!rooms.length) return false;
      const id = pick(rooms);
      await purgeConversation(id, { purgeUsage: rand() < 0.5 });
      rooms.splice(rooms.indexOf(id), 1);
      deleted.delete(id);
      return true;
    },
    async importCopy() {
      const r = rooms.filter((x) => !deleted.has(x));
      if (!r.length) return false;
      const report = await importJson(await exportJson([pick(r)]), { mode: 'copy', background: false });
      rooms.push(...report.conversationIds);
      return true;
    },
    async reimport() {
      // the same export imported again over itself (restore from a backup)
      const r = rooms.filter((x) => !deleted.has(x));
      if (!r.length) return false;
      await importJson(await exportJson([pick(r)]), { background: false });
      return true;
    },
  };
  const names = Object.keys(ops);
  const weights: Record<string, number> = { turn: 4, vote: 7, withdraw: 1, lateRecord: 2, strayRow: 1, reconcile: 2, reingest: 1, softDelete: 1, restore: 1, purge: 1, importCopy: 1, reimport: 1 };
  const bag = names.flatMap((n) => Array.from({ length: weights[n] ?? 1 }, () => n));
  for (let i = 0; i < steps; i++) {
    const name = pick(bag);
    if (!(await ops[name]!())) continue;
    done.push(name);
    const facts = await votesFromFacts();
    const sources = await votesFromSources();
    const where = `seed ${seed}, after ${done.join(' → ')}`;
    expect(facts.rebuilt, `${where}: the facts needed a rebuild`).toBe(false);
    expect(facts.votes, where).toEqual(sources);
    expect(buildLeaderboard(facts.votes), where).toEqual(buildLeaderboard(sources));
    // the read the app's readers share, kept from the last step unless that step's writes outdated it
    expect((await readVoteFactsShared()).votes, `${where} (shared read)`).toEqual((await readVoteFacts()).votes);
  }
  return done;
}

describe('vote facts stay equal to the votes and the ledger', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random sequence ${seed}: vote, re-vote, withdraw, ledger rows recorded, linked, reconciled, rooms deleted, restored, purged, imported`, async () => {
      const done = await runSequence(seed, 40);
      // the sequence really exercised the interesting writes
      expect(done.filter((d) => d === 'vote').length).toBeGreaterThan(2);
      expect(done.length).toBeGreaterThan(15);
    }, 60_000);
  }
});
