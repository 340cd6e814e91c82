// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation, COLUMNS } from '../../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, listAllMessages } from '../../../../../renderer/history/db/messages';
import { getConversation, updateConversation } from '../../../../../renderer/history/db/conversations';
import { setTurnVote } from '../../../../../renderer/history/db/votes';
import { exportJson } from '../../../../../renderer/history/transfer/formats/export-json';
import { exportMarkdown } from '../../../../../renderer/history/transfer/formats/export-markdown';
import { importJson } from '../../../../../renderer/history/transfer/formats/import-json';
import { activeTurns, indexMessages } from '../../../../../renderer/common/room/turns';
import { loadVeil } from '../../../../../renderer/common/room/use-veil';

// An export the user asks for while a blind turn awaits its vote: the answers are kept under their letters, and
// nothing in the file says which model wrote which (docs/export-format.md, "Blind turns").

async function blindTurn() {
  const conv = await newConversation('Blind bake-off');
  await updateConversation(conv.id, { blind: true });
  const prompt = await appendUserMessage(conv.id, { content: 'Name a sorting algorithm' });
  const a = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  await finalizeAssistantMessage(a.id, {
    status: 'done', content: 'Merge sort', generationId: 'gen-a', model: { requested: 'openai/gpt-5', used: 'openai/gpt-5-2025', provider: 'OpenAI', upstream: 'openrouter' },
    cost: { costMicros: 1234, costSource: 'upstream' }, tokens: { prompt: 10, completion: 3, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
  });
  const b = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colB', model: { requested: 'anthropic/claude-sonnet-4.5:thinking' } });
  await finalizeAssistantMessage(b.id, { status: 'done', content: 'Quicksort', generationId: 'gen-b', cost: { costMicros: 5678, costSource: 'upstream' } });
  return { conv, prompt, a, b };
}

const USED = ['openai/gpt-5-2025', 'OpenAI', 'gen-a', 'gen-b', '1234', '5678', '0.001234', '0.005678', 'colA', 'colB'];

describe('exports of a blind turn not voted on yet', () => {
  it('JSON keeps both answers under their letters without model, cost, ledger link or column; import shows them', async () => {
    await freshDb();
    const { conv, prompt, a, b } = await blindTurn();
    const veil = await loadVeil(undefined, [conv.id]);
    const json = await exportJson([conv.id], { veilBlindTurns: true });
    const file = JSON.parse(json);
    const messages = file.conversations[0].messages as { id: string; columnId: string; blindLetter?: string; content: string; seq: number }[];
    const answers = messages.filter((m) => m.id !== prompt.id);
    for (const used of USED) expect(JSON.stringify(answers)).not.toContain(used);
    expect(answers.map((m) => [m.content, m.blindLetter, m.columnId])).toEqual(
      expect.arrayContaining([
        ['Merge sort', veil.letters.get(a.id), `blind-${veil.letters.get(a.id)}`],
        ['Quicksort', veil.letters.get(b.id), `blind-${veil.letters.get(b.id)}`],
      ]),
    );
    // seq numbers follow the letters, not the order the columns were added in
    expect(answers.map((m) => m.blindLetter)).toEqual(['A', 'B']);
    expect(file.conversations[0].generations).toEqual([]);
    // the columns (the room's models) are kept: later turns need them
    expect(file.conversations[0].columns.map((c: { model: string }) => c.model)).toEqual(COLUMNS.map((c) => c.model));

    await freshDb();
    const report = await importJson(json);
    expect(report.warnings ?? []).toEqual([]);
    const rows = await listAllMessages(conv.id);
    expect(rows.filter((m) => m.role === 'assistant').map((m) => m.content).sort()).toEqual(['Merge sort', 'Quicksort']);
    const imported = (await getConversation(conv.id))!;
    expect(imported.columns.map((c) => c.id)).toEqual(['colA', 'colB']);
    const [turn] = activeTurns(indexMessages(rows, conv.id), imported);
    expect(turn!.withheld!.map((w) => [w.active.blindLetter, w.active.content])).toEqual([
      ['A', veil.letters.get(a.id) === 'A' ? 'Merge sort' : 'Quicksort'],
      ['B', veil.letters.get(b.id) === 'B' ? 'Quicksort' : 'Merge sort'],
    ]);
  });

  it('Markdown lists the answers under their letters in a section of their own, naming no model or cost', async () => {
    await freshDb();
    const { conv } = await blindTurn();
    const md = await exportMarkdown(conv.id, { now: 0 });
    expect(md).toContain('## Blind turns (blind turn, vote to reveal)');
    expect(md).toMatch(/### Answer A\n\n(Merge sort|Quicksort)\n/);
    expect(md).toMatch(/### Answer B\n\n(Merge sort|Quicksort)\n/);
    for (const used of ['openai/gpt-5-2025', 'OpenAI', '$0.00']) expect(md).not.toContain(used);
    expect(md.match(/Hidden \(blind turn, vote to reveal\)/g)).toHaveLength(2);
  });

  it('once voted, and in backups, everything is exported as before', async () => {
    await freshDb();
    const { conv, prompt, a, b } = await blindTurn();
    const backup = await exportJson([conv.id]);
    expect(backup).toContain('openai/gpt-5-2025');
    expect(backup).toContain('gen-b');
    await setTurnVote(prompt.id, {
      verdict: 'best', winnerId: a.id, blind: true, at: 5,
      answers: [
        { messageId: a.id, columnId: 'colA', model: 'openai/gpt-5-2025', label: 'A' },
        { messageId: b.id, columnId: 'colB', model: 'anthropic/claude-sonnet-4.5', label: 'B' },
      ],
    });
    const json = await exportJson([conv.id], { veilBlindTurns: true });
    expect(json).toContain('openai/gpt-5-2025');
    expect(json).not.toContain('blindLetter');
    expect(await exportMarkdown(conv.id)).toContain('openai/gpt-5-2025');
  });
});
