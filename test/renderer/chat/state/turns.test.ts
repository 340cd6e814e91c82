// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { activeTurns, contextFor, indexMessages, nextContextAnswers, nextContextText, partialStart } from '../../../../renderer/common/room/turns';
import { buildChatRequest } from '../../../../renderer/chat/state/request';
import { splitVariant, withVariant, type MessageRow } from '../../../../renderer/common/room/types';
import { groupIdFor } from '../../../../renderer/history/db/group-id';

let seq = 0;
const user = (id: string, parentId: string | null, extra: Partial<MessageRow> = {}): MessageRow => ({
  id, conversationId: 'c', parentId, groupId: groupIdFor('c', parentId, null), role: 'user', columnId: null, seq: ++seq, createdAt: seq, updatedAt: seq,
  content: id, status: 'done', ...extra,
});
const ans = (id: string, parentId: string, columnId: string, extra: Partial<MessageRow> = {}): MessageRow => ({
  id, conversationId: 'c', parentId, groupId: groupIdFor('c', parentId, columnId), role: 'assistant', columnId, seq: ++seq, createdAt: seq, updatedAt: seq,
  content: id, status: 'done', ...extra,
});
const cols = [{ id: 'A', model: 'x/a', settings: {} }, { id: 'B', model: 'x/b', settings: {} }];
const ids = (rows: MessageRow[]) => rows.map((r) => r.id);

describe('conversation tree', () => {
  const rows = [
    user('u1', null), ans('a1', 'u1', 'A'), ans('b1', 'u1', 'B'),
    user('u2', 'u1'), ans('a2', 'u2', 'A'), ans('b2', 'u2', 'B'), ans('b2-retry', 'u2', 'B'),
    user('u3', 'u2', { continueFromId: 'a2' }), ans('a3', 'u3', 'A'), ans('b3', 'u3', 'B', { status: 'error', content: '' }),
    user('u4', 'u3'),
  ];
  const index = indexMessages(rows, 'c');

  it('follows the newest sibling unless another is selected', () => {
    const turns = activeTurns(index, { columns: cols, selection: {} });
    expect(turns.map((t) => t.user.active.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(turns[1]!.answers.get('B')!.active.id).toBe('b2-retry');
    const chosen = activeTurns(index, { columns: cols, selection: { [groupIdFor('c', 'u2', 'B')]: 'b2' } });
    expect(chosen[1]!.answers.get('B')!.active.id).toBe('b2');
  });

  it('gives each column only its own answers, and the chosen one on the turn a later prompt continued from', () => {
    const turns = activeTurns(index, { columns: cols, selection: {} });
    expect(ids(contextFor(turns, 1, 'A'))).toEqual(['u1', 'a1', 'u2']);
    expect(ids(contextFor(turns, 1, 'B'))).toEqual(['u1', 'b1', 'u2']);
    // u3 continued from a2: B gets a2 for that turn but keeps its own b1 before it (not rewritten), and failed
    // answers are left out
    expect(ids(contextFor(turns, 3, 'B'))).toEqual(['u1', 'b1', 'u2', 'a2', 'u3', 'u4']);
    expect(ids(contextFor(turns, 3, 'A'))).toEqual(['u1', 'a1', 'u2', 'a2', 'u3', 'a3', 'u4']);
  });

  it('says what each column will receive with the next prompt, before and after choosing an answer to continue with', () => {
    const turns = activeTurns(index, { columns: cols, selection: {} }).slice(0, 3); // up to u3 (a3, failed b3)
    const labels = new Map([['A', 'alpha'], ['B', 'beta']]);
    const text = (col: string, pending: MessageRow | null) => nextContextText(nextContextAnswers(turns, col, pending), col, labels);
    expect(text('A', null)).toBe('Next prompt: its own history (3 answers)');
    expect(text('B', null)).toBe('Next prompt: 1 own + 1 from alpha'); // b1, then a2 (u3 continued from it); b3 failed
    const a3 = index.byId.get('a3')!;
    expect(ids(nextContextAnswers(turns, 'B', a3))).toEqual(['b1', 'a2', 'a3']);
    expect(text('B', a3)).toBe('Next prompt: 1 own + 2 from alpha');
  });

  it('an edited prompt is a sibling branch', () => {
    const withEdit = indexMessages([...rows, user('u2-edit', 'u1')], 'c');
    const turns = activeTurns(withEdit, { columns: cols, selection: {} });
    expect(turns.map((t) => t.user.active.id)).toEqual(['u1', 'u2-edit']);
    const old = activeTurns(withEdit, { columns: cols, selection: { [groupIdFor('c', 'u1', null)]: 'u2' } });
    expect(old.map((t) => t.user.active.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
  });

  it('paints the tail of a partly loaded conversation from its oldest loaded ancestor', () => {
    const tail = indexMessages(rows.filter((r) => r.seq >= rows.find((x) => x.id === 'u3')!.seq), 'c');
    expect(partialStart(tail)).toBe('u2');
    expect(partialStart(tail, 'u3')).toBe('u2');
    expect(activeTurns(tail, { columns: cols, selection: {} }, partialStart(tail)).map((t) => t.user.active.id)).toEqual(['u3', 'u4']);
  });
});

describe('request building', () => {
  it('keeps one variant suffix on the model slug', () => {
    expect(withVariant('x/m', 'free')).toBe('x/m:free');
    expect(withVariant('x/m:nitro', 'free')).toBe('x/m:free');
    expect(withVariant('x/m:free', '')).toBe('x/m');
    expect(splitVariant('x/m:beta')).toEqual({ base: 'x/m:beta', variant: '' });
  });

  it('sends PDFs as file parts with file_data', () => {
    const req = buildChatRequest(
      { id: 'c', model: 'x/m', settings: {} },
      [user('u', null, { content: 'Summarize', attachments: [{ id: '1', name: 'a.pdf', mime: 'application/pdf', size: 3 }] })],
      new Map([['1', 'data:application/pdf;base64,JVBE']]),
    );
    expect(req.messages[0]).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Summarize' }, { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBE' } }],
    });
  });
});
