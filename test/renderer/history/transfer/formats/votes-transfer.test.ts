// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage, listAllMessages } from '../../../../../renderer/history/db/messages';
import { updateConversation } from '../../../../../renderer/history/db/conversations';
import { listVotes, setTurnVote } from '../../../../../renderer/history/db/votes';
import { createFusedAnswer } from '../../../../../renderer/history/db/fused';
import { FUSED_COLUMN_ID } from '../../../../../renderer/history/db/group-id';
import { exportConversations, exportJson } from '../../../../../renderer/history/transfer/formats/export-json';
import { exportMarkdown } from '../../../../../renderer/history/transfer/formats/export-markdown';
import { importJson, PACK_THRESHOLD } from '../../../../../renderer/history/transfer/formats/import-json';
import { ImportError } from '../../../../../renderer/history/transfer/formats/guard';
import type { TurnVote } from '../../../../../renderer/history/db/types';

async function votedConversation() {
  const conv = await newConversation('Blind bake-off');
  await updateConversation(conv.id, { blind: true });
  const prompt = await appendUserMessage(conv.id, { content: 'Name a sorting algorithm' });
  const a = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  await finalizeAssistantMessage(a.id, { status: 'done', content: 'Merge sort', generationId: 'gen-a' });
  const b = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colB', model: { requested: 'anthropic/claude-sonnet-4.5' } });
  await finalizeAssistantMessage(b.id, { status: 'done', content: 'Quicksort' });
  const vote: TurnVote = {
    verdict: 'best', winnerId: b.id, blind: true, at: 1_700_000_000_000,
    answers: [
      { messageId: b.id, columnId: 'colB', model: 'anthropic/claude-sonnet-4.5', label: 'A' },
      { messageId: a.id, columnId: 'colA', model: 'openai/gpt-5', generationId: 'gen-a', label: 'B' },
    ],
  };
  await setTurnVote(prompt.id, vote);
  const fused = await createFusedAnswer(conv.id, { parentId: prompt.id, model: { requested: 'openai/gpt-5' }, sources: [a.id, b.id] });
  await finalizeAssistantMessage(fused.id, { status: 'done', content: 'Merge sort or quicksort, depending on memory', cost: { costMicros: 900, costSource: 'upstream' } });
  return { conv, prompt, a, b, fused, vote };
}

describe('votes, blind rooms and fused answers in exports', () => {
  it('round-trip through JSON: the vote with its turn, the blind flags, the fused answer and its sources', async () => {
    await freshDb();
    const { conv, prompt, b, fused, vote } = await votedConversation();
    const before = await listAllMessages(conv.id);
    const json = await exportJson([conv.id]);
    const file = JSON.parse(json);
    expect(file.conversations[0].blind).toBe(true);
    expect(file.conversations[0].messages.find((m: { id: string }) => m.id === prompt.id)).toMatchObject({ blind: true, vote });

    await freshDb();
    await importJson(json);
    expect(await listAllMessages(conv.id)).toEqual(before.map((m) => ({ ...m, dn: expect.any(Number) })));
    expect((await getMessage(fused.id))!.fused).toEqual({ sources: before.find((m) => m.id === fused.id)!.fused!.sources });
    expect((await listVotes()).map((v) => [v.promptId, v.vote.winnerId])).toEqual([[prompt.id, b.id]]);
  });

  it('an old export without votes, blind flags or fused answers still imports', async () => {
    await freshDb();
    const conv = await newConversation('Plain');
    const p = await appendUserMessage(conv.id, { content: 'hi' });
    const a = await createAssistantMessage(conv.id, { parentId: p.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
    await finalizeAssistantMessage(a.id, { status: 'done', content: 'hello' });
    const old = await exportConversations([conv.id]);
    expect(JSON.stringify(old)).not.toMatch(/"vote"|"blind"|"fused"/);
    await freshDb();
    const report = await importJson(JSON.stringify(old));
    expect(report.conversationIds).toEqual([conv.id]);
    expect(report.warnings).toEqual([]);
    expect(await listVotes()).toEqual([]);
  });

  it('copy mode maps the vote’s and the fused answer’s message ids to the new ones', async () => {
    await freshDb();
    const { prompt, fused } = await votedConversation();
    const json = await exportJson();
    const copy = await importJson(json, { mode: 'copy' });
    const rows = await listAllMessages(copy.conversationIds[0]!);
    const ids = new Set(rows.map((m) => m.id));
    const copiedPrompt = rows.find((m) => m.role === 'user')!;
    expect(copiedPrompt.id).not.toBe(prompt.id);
    expect(copiedPrompt.vote!.answers.every((a) => ids.has(a.messageId))).toBe(true);
    expect(ids.has(copiedPrompt.vote!.winnerId!)).toBe(true);
    const copiedFused = rows.find((m) => m.columnId === FUSED_COLUMN_ID)!;
    expect(copiedFused.id).not.toBe(fused.id);
    expect(copiedFused.fused!.sources.every((id) => ids.has(id))).toBe(true);
    expect(await listVotes()).toHaveLength(2);
  });

  it('a vote that names answers of another prompt is left out with a warning; the rest imports', async () => {
    await freshDb();
    const { conv, prompt } = await votedConversation();
    const file = await exportConversations([conv.id]);
    const p = file.conversations[0]!.messages.find((m) => m.id === prompt.id)!;
    p.vote!.answers[0]!.messageId = prompt.id; // the prompt itself is not one of its answers
    await freshDb();
    const report = await importJson(JSON.stringify(file));
    expect(report.warnings.join('\n')).toMatch(/vote on prompt .* names answers that are not this prompt's; it was left out/);
    expect((await getMessage(prompt.id))!.vote).toBeUndefined();
    expect(await listAllMessages(conv.id)).toHaveLength(4);
  });

  it('refuses a file whose model column uses the reserved id, or whose fused answer is not in the fused column', async () => {
    const { db } = await freshDb();
    const { conv, fused } = await votedConversation();
    const file = await exportConversations([conv.id]);
    const count = async () => (await db.messages.count()) + (await db.conversations.count());
    const before = await count();
    const clash = structuredClone(file);
    clash.conversations[0]!.id = 'conv_clash';
    clash.conversations[0]!.columns[0]!.id = FUSED_COLUMN_ID;
    await expect(importJson(JSON.stringify(clash), { mode: 'copy' })).rejects.toThrow(/reserved for fused answers/);
    const stray = structuredClone(file);
    stray.conversations[0]!.messages.find((m) => m.id === fused.id)!.columnId = 'colA';
    const err = await importJson(JSON.stringify(stray), { mode: 'copy' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/is fused but not in the "fused" column/);
    expect(await count()).toBe(before);
  });

  it('votes of a large import (staged in packs) are listed once expanded', async () => {
    await freshDb();
    const { conv, prompt } = await votedConversation();
    const file = await exportConversations([conv.id]);
    const c = file.conversations[0]!;
    let seq = c.messages.length;
    let parent = prompt.id;
    for (let i = 0; c.messages.length <= PACK_THRESHOLD; i++) {
      const id = `msg_filler${i}`;
      c.messages.push({ id, seq: ++seq, parentId: parent, columnId: null, role: 'user', content: `filler ${i}`, status: 'done', createdAt: 1, updatedAt: 1 });
      parent = id;
    }
    const { db } = await freshDb();
    await importJson(JSON.stringify(file), { background: false });
    expect(await db.importPacks.count()).toBeGreaterThan(0);
    expect(await db.messages.count()).toBe(0);
    expect((await listVotes()).map((v) => v.promptId)).toEqual([prompt.id]);
  });

  it('Markdown export adds the fused answers after the columns', async () => {
    await freshDb();
    const { conv } = await votedConversation();
    const md = await exportMarkdown(conv.id);
    expect(md).toContain('## Fused answers');
    expect(md).toContain('### Fused by `openai/gpt-5` from 2 answers');
    expect(md).toContain('Merge sort or quicksort, depending on memory');
  });
});
