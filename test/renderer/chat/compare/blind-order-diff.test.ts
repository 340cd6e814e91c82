// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canVote, isTurnHidden, seededShuffle, shownAnswers } from '../../../../renderer/common/room/blind';
import { activeTurns, indexMessages } from '../../../../renderer/common/room/turns';
import { sideBySide } from '../../../../renderer/chat/compare/word-diff';
import type { ColumnConfig, MessageRow } from '../../../../renderer/common/room/types';

const COLUMNS: ColumnConfig[] = ['c1', 'c2', 'c3'].map((id) => ({ id, model: `m/${id}`, settings: {} }));

function turnWith(opts: { blind?: boolean; voted?: boolean; statuses?: MessageRow['status'][]; promptId?: string }) {
  const promptId = opts.promptId ?? 'p1';
  const prompt: MessageRow = {
    id: promptId, conversationId: 'cv', seq: 1, parentId: null, groupId: 'root:cv/user', columnId: null, role: 'user', content: 'q', status: 'done', createdAt: 1, updatedAt: 1,
    ...(opts.blind ? { blind: true } : {}),
    ...(opts.voted ? { vote: { verdict: 'tie' as const, answers: [], blind: true, at: 2 } } : {}),
  };
  const answers = (opts.statuses ?? ['done', 'done', 'done']).map((status, i): MessageRow => ({
    id: `a${i}`, conversationId: 'cv', seq: 2 + i, parentId: promptId, groupId: `${promptId}/c${i + 1}`, columnId: `c${i + 1}`, role: 'assistant',
    content: status === 'streaming' ? '' : `answer ${i}`, status, createdAt: 2, updatedAt: 2,
  }));
  return activeTurns(indexMessages([prompt, ...answers], 'cv'), { columns: COLUMNS, selection: {} })[0]!;
}

describe('blind order and hiding', () => {
  it('shuffles by a seed: the same prompt always gets the same order, and every order is a permutation', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(seededShuffle(items, 'msg_1')).toEqual(seededShuffle(items, 'msg_1'));
    const orders = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = seededShuffle(items, `msg_${i}`);
      expect([...s].sort()).toEqual(items);
      orders.add(s.join(''));
    }
    expect(orders.size).toBeGreaterThan(50); // not a fixed rotation
  });

  it('hides a turn sent blind in a blind room until it is voted on', () => {
    expect(isTurnHidden({ blind: true }, turnWith({ blind: true }), COLUMNS)).toBe(true);
    expect(isTurnHidden({ blind: true }, turnWith({ blind: true, voted: true }), COLUMNS)).toBe(false);
    // sent before the room went blind, or the room is no longer blind
    expect(isTurnHidden({ blind: true }, turnWith({}), COLUMNS)).toBe(false);
    expect(isTurnHidden({ blind: false }, turnWith({ blind: true }), COLUMNS)).toBe(false);
    // fewer than two answers to compare: nothing to vote on, nothing stays hidden
    expect(isTurnHidden({ blind: true }, turnWith({ blind: true, statuses: ['done', 'error', 'error'] }), COLUMNS)).toBe(false);
    expect(isTurnHidden({ blind: true }, turnWith({ blind: true, statuses: ['streaming', 'streaming', 'error'] }), COLUMNS)).toBe(true);
  });

  it('letters follow the order shown; hidden turns are shuffled, shown ones in column order; voting waits for every answer', () => {
    const turn = turnWith({ blind: true, promptId: 'msg_seed' });
    expect(shownAnswers(turn, COLUMNS, false).map((a) => [a.letter, a.columnId])).toEqual([['A', 'c1'], ['B', 'c2'], ['C', 'c3']]);
    const hidden = shownAnswers(turn, COLUMNS, true);
    expect(hidden.map((a) => a.letter)).toEqual(['A', 'B', 'C']);
    expect(hidden.map((a) => a.columnId)).toEqual(seededShuffle(['c1', 'c2', 'c3'], 'msg_seed'));
    expect(canVote(hidden)).toBe(true);
    expect(canVote(shownAnswers(turnWith({ statuses: ['done', 'done', 'streaming'] }), COLUMNS, false))).toBe(false);
  });
});

describe('word diff of two answers', () => {
  it('marks words only on the left as removed and only on the right as added, keeping the shared text on both sides', () => {
    const d = sideBySide('The quick brown fox jumps.', 'The slow brown fox leaps high.');
    expect(d.granularity).toBe('words');
    expect(d.left.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['quick', 'jumps']);
    expect(d.right.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['slow', 'leaps high']);
    expect(d.left.map((p) => p.text).join('')).toBe('The quick brown fox jumps.');
    expect(d.right.map((p) => p.text).join('')).toBe('The slow brown fox leaps high.');
    expect([d.removedWords, d.addedWords]).toEqual([2, 3]);
    expect(sideBySide('same text', 'same text')).toMatchObject({ removedWords: 0, addedWords: 0 });
  });

  it('falls back to a coarser comparison (lines, else none) when a word diff would take too long', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `alpha${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `beta${i}`).join(' ');
    const d = sideBySide(a, b, 0);
    expect(['lines', 'none']).toContain(d.granularity);
    expect(d.left.map((p) => p.text).join('')).toBe(a);
  });
});
