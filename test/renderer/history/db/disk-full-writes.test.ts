// @vitest-environment node
import { describe, it, expect, afterEach } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage } from '../../../../renderer/history/db/messages';
import { setTurnVote } from '../../../../renderer/history/db/votes';
import { onStorageProblem, type StorageProblem } from '../../../../renderer/history/db/events';
import { createHistoryLedger } from '../../../../renderer/common/ledger/history-ledger';
import { startLedgerSync } from '../../../../renderer/common/ledger/ledger-sync';
import { createFakeBridge } from '../../support/fake-bridge';
import { makeRecord } from '../../support/generation-records';
import type { TurnVote } from '../../../../renderer/history/db/types';

// A full disk met by a vote or by the usage ledger: the user is told, in words, what was not saved and what to do,
// and the notice goes once a write of the same kind succeeds again.

const offs: (() => void)[] = [];
afterEach(() => {
  for (const off of offs.splice(0)) off();
});

function problems(): StorageProblem[] {
  const seen: StorageProblem[] = [];
  offs.push(onStorageProblem((p) => seen.push(p)));
  return seen;
}

describe('a full disk', () => {
  it('a vote not saved says so, and a later vote clears the notice', async () => {
    const { faults } = await freshDb();
    const conv = await newConversation();
    const prompt = await appendUserMessage(conv.id, { content: 'Which is faster?' });
    const a = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colA', model: { requested: 'x/a' } });
    await finalizeAssistantMessage(a.id, { status: 'done', content: 'Rust' });
    const b = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colB', model: { requested: 'x/b' } });
    await finalizeAssistantMessage(b.id, { status: 'done', content: 'Go' });
    const vote: TurnVote = {
      verdict: 'tie', blind: false, at: 1_000,
      answers: [{ messageId: a.id, columnId: 'colA', model: 'x/a', label: 'A' }, { messageId: b.id, columnId: 'colB', model: 'x/b', label: 'B' }],
    };
    const seen = problems();
    faults.failWrites('messages', Infinity, { how: 'per-row' });
    await expect(setTurnVote(prompt.id, vote)).rejects.toThrow();
    expect(seen).toEqual([expect.objectContaining({ type: 'quota-exceeded', operation: 'vote', advice: expect.stringMatching(/^Not enough disk space: your vote was not saved\. Free some disk space .* then vote again\.$/) })]);
    expect((await getMessage(prompt.id))!.vote).toBeUndefined();

    faults.clear();
    await setTurnVote(prompt.id, vote);
    expect(seen.at(-1)).toEqual({ type: 'write-recovered', operation: 'vote' });
  });

  it('a generation the ledger could not store says so, and the next stored one clears the notice', async () => {
    const { faults } = await freshDb();
    const fake = createFakeBridge({ 'chat.active': () => [], 'generations.since': () => [] });
    const sync = startLedgerSync(fake.bridge, createHistoryLedger());
    offs.push(() => sync.stop());
    await sync.idle();
    const seen = problems();
    faults.failWrites('generations');
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-full' }) });
    await sync.idle();
    expect(seen).toEqual([expect.objectContaining({ type: 'quota-exceeded', operation: 'ledger', advice: expect.stringMatching(/^Not enough disk space: Parley could not add the latest requests to the usage ledger\./) })]);

    faults.clear();
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-room' }) });
    await sync.idle();
    expect(seen.at(-1)).toEqual({ type: 'write-recovered', operation: 'ledger' });
  });
});
