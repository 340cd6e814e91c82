// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage } from '../../../../renderer/history/db/messages';
import { branchOnEdit, getActivePath, listSiblings, switchSibling } from '../../../../renderer/history/db/branches';
import { getConversation } from '../../../../renderer/history/db/conversations';

async function answer(conversationId: string, parentId: string, columnId: string, content: string) {
  const m = await createAssistantMessage(conversationId, { parentId, columnId, model: { requested: `model/${columnId}` } });
  return finalizeAssistantMessage(m.id, { status: 'done', content });
}

async function turn(conversationId: string, prompt: string) {
  const u = await appendUserMessage(conversationId, { content: prompt });
  const a = await answer(conversationId, u.id, 'colA', `A: ${prompt}`);
  const b = await answer(conversationId, u.id, 'colB', `B: ${prompt}`);
  return { u, a, b };
}

const shown = (path: Awaited<ReturnType<typeof getActivePath>>) =>
  path.turns.map((t) => [t.user.content, ...t.answers.map((a) => `${a.columnId}=${a.message.content}`)]);

describe('conversation tree', () => {
  it('returns the active path with every column answer per turn, oldest first', async () => {
    await freshDb();
    const conv = await newConversation();
    await turn(conv.id, 'one');
    await turn(conv.id, 'two');
    const path = await getActivePath(conv.id);
    expect(shown(path)).toEqual([
      ['one', 'colA=A: one', 'colB=B: one'],
      ['two', 'colA=A: two', 'colB=B: two'],
    ]);
    expect(path.hasEarlier).toBe(false);
    const last = await getActivePath(conv.id, { maxTurns: 1 });
    expect(shown(last)).toEqual([['two', 'colA=A: two', 'colB=B: two']]);
    expect(last.hasEarlier).toBe(true);
  });

  it('regenerating an answer adds a sibling that is shown; switching back shows the old one', async () => {
    await freshDb();
    const conv = await newConversation();
    const { u, a } = await turn(conv.id, 'one');
    const a2 = await answer(conv.id, u.id, 'colA', 'A again');
    let path = await getActivePath(conv.id);
    const colA = path.turns[0]!.answers.find((x) => x.columnId === 'colA')!;
    expect(colA.message.id).toBe(a2.id);
    expect(colA.siblings).toMatchObject({ ids: [a.id, a2.id], index: 1 });
    expect(a2.groupId).toBe(a.groupId);

    await switchSibling(a.id);
    path = await getActivePath(conv.id);
    const again = path.turns[0]!.answers.find((x) => x.columnId === 'colA')!;
    expect(again.message.content).toBe('A: one');
    expect(again.siblings.index).toBe(0);
    expect((await listSiblings(a2.id)).map((m) => m.id)).toEqual([a.id, a2.id]);
  });

  it('editing a prompt branches: the old branch survives and can be switched back to', async () => {
    await freshDb();
    const conv = await newConversation();
    await turn(conv.id, 'one');
    const t2 = await turn(conv.id, 'two');
    await turn(conv.id, 'three');

    const edited = await branchOnEdit(t2.u.id, { content: 'two (edited)' });
    expect(edited.parentId).toBe(t2.u.parentId);
    expect(edited.groupId).toBe(t2.u.groupId);
    await answer(conv.id, edited.id, 'colA', 'A: edited');
    let path = await getActivePath(conv.id);
    expect(path.turns.map((t) => t.user.content)).toEqual(['one', 'two (edited)']);
    expect(path.turns[1]!.userSiblings).toMatchObject({ ids: [t2.u.id, edited.id], index: 1 });

    // back to the original prompt: its whole subtree (turn three) is the branch again
    await switchSibling(t2.u.id);
    path = await getActivePath(conv.id);
    expect(shown(path)).toEqual([
      ['one', 'colA=A: one', 'colB=B: one'],
      ['two', 'colA=A: two', 'colB=B: two'],
      ['three', 'colA=A: three', 'colB=B: three'],
    ]);
    // a new prompt continues the shown branch
    const next = await appendUserMessage(conv.id, { content: 'four' });
    expect(next.parentId).toBe(path.turns[2]!.user.id);

    // and the edited branch is still there
    await switchSibling(edited.id);
    path = await getActivePath(conv.id);
    expect(path.turns.map((t) => t.user.content)).toEqual(['one', 'two (edited)']);
  });

  it('switching to a sibling in the middle keeps the sibling selections further down', async () => {
    await freshDb();
    const conv = await newConversation();
    const t1 = await turn(conv.id, 'one');
    const t2 = await turn(conv.id, 'two');
    const older = t2.a;
    await answer(conv.id, t2.u.id, 'colA', 'A two v2');
    await switchSibling(older.id); // choose the first answer in turn two
    const e1 = await branchOnEdit(t1.u.id, { content: 'one edited' });
    await switchSibling(t1.u.id);
    const path = await getActivePath(conv.id);
    expect(path.turns[1]!.answers.find((a) => a.columnId === 'colA')!.message.id).toBe(older.id);
    expect((await getConversation(conv.id))!.headId).toBe(t2.u.id);
    expect(e1.content).toBe('one edited');
  });

  it('records "continue with this answer" on the next prompt', async () => {
    await freshDb();
    const conv = await newConversation();
    const t1 = await turn(conv.id, 'one');
    const { updateConversation } = await import('../../../../renderer/history/db/conversations');
    await updateConversation(conv.id, { pendingContinueFromId: t1.b.id });
    const u2 = await appendUserMessage(conv.id, { content: 'two' });
    expect(u2.continueFromId).toBe(t1.b.id);
    expect((await getConversation(conv.id))!.pendingContinueFromId).toBeNull();
    const u3 = await appendUserMessage(conv.id, { content: 'three' });
    expect(u3.continueFromId).toBeNull();
  });
});
