// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isVeiledRecord, rerunPrompts, splitVeiledRecords, veilOf, veiledStreaming } from '../../../../renderer/common/room/blind-veil';
import { indexMessages, turnOf } from '../../../../renderer/common/room/turns';
import { shownAnswers } from '../../../../renderer/common/room/blind';
import type { ColumnConfig, Conversation, MessageRow } from '../../../../renderer/common/room/types';
import { groupIdFor } from '../../../../renderer/history/db/group-id';

// The one rule every view outside the turn asks: which answers belong to a blind turn not voted on yet, under
// which letter, and which ledger rows they made.

const columns: ColumnConfig[] = ['kestrel', 'osprey', 'heron'].map((b, i) => ({ id: `col${i}`, model: `e2e/${b}`, settings: {} }));
const conv = (over: Partial<Conversation> = {}): Conversation =>
  ({ id: 'c1', title: 't', createdAt: 1, updatedAt: 1, columns, selection: {}, blind: true, ...over }) as Conversation;

let seq = 0;
function prompt(id: string, over: Partial<MessageRow> = {}): MessageRow {
  return { id, conversationId: 'c1', seq: ++seq, parentId: null, groupId: groupIdFor('c1', null, null), columnId: null, role: 'user', content: 'q', status: 'done', blind: true, createdAt: 1, updatedAt: 1, ...over };
}
function answer(id: string, parentId: string, columnId: string, over: Partial<MessageRow> = {}): MessageRow {
  return {
    id, conversationId: 'c1', seq: ++seq, parentId, groupId: groupIdFor('c1', parentId, columnId), columnId, role: 'assistant', content: `text of ${id}`, status: 'done',
    generationId: `gen-${id}`, model: { requested: 'x', used: 'x', provider: 'p', upstream: 'u' }, createdAt: 1, updatedAt: 1, ...over,
  };
}
const turnRows = (over: Partial<MessageRow> = {}) => {
  const p = prompt('p1', over);
  return [p, answer('a0', 'p1', 'col0'), answer('a1', 'p1', 'col1'), answer('a2', 'p1', 'col2')];
};

describe('the blind veil', () => {
  it('veils every answer of a blind turn not voted on yet, under the letter the room shows it by, with its ledger row', () => {
    const rows = turnRows();
    const veil = veilOf(conv(), rows);
    const turn = turnOf(indexMessages(rows, 'c1'), conv(), 'p1')!;
    const shown = shownAnswers(turn, columns, true);
    expect([...veil.letters]).toEqual(expect.arrayContaining(shown.map((a) => [a.siblings.active.id, a.letter])));
    expect(veil.letters.size).toBe(3);
    expect([...veil.prompts]).toEqual(['p1']);
    expect([...veil.generations].sort()).toEqual(['gen-a0', 'gen-a1', 'gen-a2']);
  });

  it('veils a regenerated answer and the version it replaced under the same letter', () => {
    const rows = [...turnRows(), answer('a1b', 'p1', 'col1', { status: 'streaming', content: '' })];
    const veil = veilOf(conv(), rows);
    expect(veil.letters.get('a1b')).toBe(veil.letters.get('a1'));
    expect(veiledStreaming(veil, ['a1b'])).toBe(true);
    expect(veiledStreaming(veil, ['elsewhere'])).toBe(false);
    // re-run alone: its cost would be the whole drop of the balance
    expect(rerunPrompts(veil, ['a1b', 'a0'])).toEqual(['p1']);
    expect(rerunPrompts(veil, ['a0', 'a1', 'a2'])).toEqual([]);
  });

  it('veils nothing once voted, in a room no longer blind, for a prompt sent before blind mode, or with one answer', () => {
    const vote = { verdict: 'tie' as const, answers: [], blind: true, at: 2 };
    expect(veilOf(conv(), turnRows({ vote })).letters.size).toBe(0);
    expect(veilOf(conv({ blind: false }), turnRows()).letters.size).toBe(0);
    expect(veilOf(conv(), turnRows({ blind: false })).letters.size).toBe(0);
    const one = [prompt('p1'), answer('a0', 'p1', 'col0'), answer('a1', 'p1', 'col1', { status: 'error', content: '' })];
    expect(veilOf(conv(), one).letters.size).toBe(0);
  });

  it('keeps veiled ledger rows out of what a view shows, by linked answer or by generation id', () => {
    const veil = veilOf(conv(), turnRows());
    const ledger = [{ id: 'gen-a0' }, { id: 'other', messageId: 'a2' }, { id: 'gen-elsewhere', messageId: 'zz' }];
    expect(isVeiledRecord(veil, ledger[1]!)).toBe(true);
    expect(splitVeiledRecords(veil, ledger)).toEqual({ shown: [{ id: 'gen-elsewhere', messageId: 'zz' }], veiled: 2 });
  });

  it('while a veiled answer streams, keeps back the app’s rows not linked to their answer yet (recorded a moment before)', () => {
    const veil = veilOf(conv(), turnRows());
    const ledger = [{ id: 'just-finished', source: 'app' }, { id: 'other-app', source: 'local-api' }, { id: 'linked', source: 'app', messageId: 'zz' }];
    expect(splitVeiledRecords(veil, ledger, true).shown.map((r) => r.id)).toEqual(['other-app', 'linked']);
    expect(splitVeiledRecords(veil, ledger, false).shown.map((r) => r.id)).toEqual(['just-finished', 'other-app', 'linked']);
  });
});
