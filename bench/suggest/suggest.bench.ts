// "For prompts like this you preferred X" with 10,000 votes (Node): what runs after a typing pause — classify the
// prompt and look up its category's best model — and what runs once per change of the votes (each vote's record
// per category). The votes' prompts are the labelled test prompts, so every category is filled; the baseline is
// the same with 100 votes.
import type { BenchResult } from '../types';
import { makeCorpus } from '../leaderboard/corpus';
import { ledgerLookup, withLedgerFigures, type LeaderboardVote } from '../../renderer/common/leaderboard/figures';
import { categoryRecords, suggestFor } from '../../renderer/common/suggest/suggest';
import { classifyPrompt } from '../../shared/prompts/classify';
import type { StoredVote } from '../../renderer/history/db/votes';
import type { LedgerRow } from '../../renderer/history/db/ledger-types';
import { LABELLED } from '../../test/shared/prompts/labelled-prompts';

const TYPED = [
  'my python script crashes with a KeyError when the dict is empty, how do I fix it',
  'what is the probability of getting at least one six in four rolls of a die',
  'write a short poem about a lighthouse keeper',
  'translate "the invoice is attached" into German',
  'compare the pros and cons of renting vs buying in a big city',
  'what should I do this weekend',
];

function votesOf(n: number): LeaderboardVote[] {
  const c = makeCorpus({ votes: n, generations: n * 10, models: 24, rooms: 40, start: Date.UTC(2026, 0, 1) });
  const votes = c.messages
    .filter((m) => m.vote)
    .map((m, i) => {
      const text = LABELLED[i % LABELLED.length]![1];
      return { promptId: m.id, conversationId: m.conversationId, conversationTitle: 'Room', promptExcerpt: text, category: classifyPrompt(text), vote: m.vote } as StoredVote;
    });
  return withLedgerFigures(votes, ledgerLookup(c.generations as unknown as LedgerRow[]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function measure(votes: LeaderboardVote[]) {
  const records: number[] = [];
  let rec = categoryRecords(votes);
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    rec = categoryRecords(votes);
    records.push(performance.now() - t0);
  }
  const pause: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const s = suggestFor(rec, TYPED[i % TYPED.length]!);
    pause.push(performance.now() - t0);
    if (i < TYPED.length && TYPED[i]!.startsWith('my python') && s === null) throw new Error('no suggestion for a code prompt');
  }
  return { records: median(records), pause: median(pause), worstPause: Math.max(...pause) };
}

export default async function suggestBench(): Promise<BenchResult[]> {
  const big = measure(votesOf(10_000));
  const small = measure(votesOf(100));
  return [
    {
      name: 'suggestion after a typing pause, 10,000 votes (classify + look up)', value: big.pause, unit: 'ms',
      baseline: { name: 'same with 100 votes', value: small.pause }, ratio: big.pause / small.pause, target: '<= 20 ms', pass: big.worstPause <= 20,
      notes: `median of 60; worst ${big.worstPause.toFixed(3)} ms`,
    },
    {
      name: 'category records rebuilt after the votes change, 10,000 votes', value: big.records, unit: 'ms',
      baseline: { name: 'same with 100 votes', value: small.records }, ratio: big.records / small.records,
      notes: 'runs once per change of the votes (re-read a few seconds after ledger writes), not per keystroke',
    },
  ];
}
