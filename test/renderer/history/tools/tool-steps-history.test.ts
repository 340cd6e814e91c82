// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage, listAllMessages } from '../../../../renderer/history/db/messages';
import { updateConversation, getConversation } from '../../../../renderer/history/db/conversations';
import { saveOfferedTools } from '../../../../renderer/history/db/tool-steps';
import { exportJson } from '../../../../renderer/history/transfer/formats/export-json';
import { importJson } from '../../../../renderer/history/transfer/formats/import-json';
import { searchMessages } from '../../../../renderer/history/db/search-index/query';
import { V7_STORES } from '../../../../renderer/history/db/migrations/v7';
import { CURRENT_SCHEMA_VERSION } from '../../../../renderer/history/db/migrations';
import { ParleyDb } from '../../../../renderer/history/db/database';
import type { OfferedTool } from '../../../../shared/tools/tool-selection';
import type { LoopStep } from '../../../../shared/tools/tool-steps';
import { makeRecord } from '../../support/generation-records';

// An answer's tool loop in the history: stored with the answer (schema version 8), found by tool name and result
// text, kept whole by an export → import round trip (docs/export-format.md, "Tool steps"), with the room's pick.

const OFFERED: OfferedTool[] = [{ functionName: 'tide_table', serverId: 'harbour', serverName: 'Harbour', tool: 'tide_table', description: 'Tides', inputSchema: { type: 'object' } }];
const STEPS: LoopStep[] = [
  {
    text: 'Looking it up.',
    record: makeRecord({ id: 'gen-step-1', costMicros: 700 }),
    calls: [
      { callId: 'call_1', functionName: 'tide_table', serverId: 'harbour', serverName: 'Harbour', tool: 'tide_table', argumentsText: '{"port":"Brest"}', decision: 'allowed-once', result: { text: 'Marnage 6.1 m at Brest', isError: false, truncated: false, fullBytes: 22, durationMs: 3 }, error: null },
      { callId: 'call_2', functionName: 'tide_table', serverId: 'harbour', serverName: 'Harbour', tool: 'tide_table', argumentsText: '{"port":"Roscoff"}', decision: 'denied', result: null, error: 'Denied by the user.' },
    ],
  },
  { text: 'The range is 6.1 m.', record: makeRecord({ id: 'gen-step-2', costMicros: 900 }), calls: [] },
];

async function loopAnswer() {
  const conv = await newConversation('Tides');
  await updateConversation(conv.id, { tools: { servers: ['harbour'], tools: [] } });
  const prompt = await appendUserMessage(conv.id, { content: 'Tidal range in Brest?' });
  const a = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colA', model: { requested: 'openai/gpt-4o' } });
  await saveOfferedTools(a.id, OFFERED);
  await finalizeAssistantMessage(a.id, { status: 'done', content: 'Looking it up.The range is 6.1 m.', toolSteps: STEPS });
  return { conv, a };
}

describe('tool steps in the history', () => {
  it('opens a real version 7 database at version 8 with every row it had', async () => {
    const name = `parley-v7-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(7).stores(V7_STORES);
    await old.open();
    await old.table('conversations').put({ id: 'c1', title: 'Cats', createdAt: 1, updatedAt: 1, columns: [{ id: 'colA', model: 'openai/gpt-4o', settings: {} }], lastSeq: 1, headId: 'm1', selection: {} });
    await old.table('messages').put({ id: 'm1', conversationId: 'c1', seq: 1, parentId: null, groupId: 'root:c1/u', columnId: null, role: 'user', content: 'Hello cats', status: 'done', createdAt: 1, updatedAt: 1 });
    await old.table('settings').put({ key: 'layout', value: { wide: true }, updatedAt: 1 });
    old.close();

    const db = new ParleyDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
    expect(await db.conversations.get('c1')).toMatchObject({ title: 'Cats', columns: [{ id: 'colA' }] });
    expect(await db.messages.get('m1')).toMatchObject({ content: 'Hello cats' });
    expect(await db.settings.get('layout')).toMatchObject({ value: { wide: true } });
    db.close();
  });

  it('keeps the offered tools and the steps with the answer, searchable by tool name and result text', async () => {
    await freshDb();
    const { conv, a } = await loopAnswer();
    const row = (await getMessage(a.id))!;
    expect(row.offeredTools).toEqual(OFFERED);
    expect(row.toolSteps).toEqual(STEPS);
    expect((await getConversation(conv.id))!.tools).toEqual({ servers: ['harbour'], tools: [] });
    expect((await searchMessages('marnage')).hits.map((h) => h.messageId)).toEqual([a.id]);
    expect((await searchMessages('tide_table')).hits.map((h) => h.messageId)).toEqual([a.id]);
  });

  it('survive an export → import round trip whole, searchable again', async () => {
    await freshDb();
    const { conv, a } = await loopAnswer();
    const before = await listAllMessages(conv.id);
    const json = await exportJson([conv.id]);
    await freshDb();
    await importJson(json);
    expect(await listAllMessages(conv.id)).toEqual(before.map((m) => ({ ...m, dn: expect.any(Number) })));
    expect((await getMessage(a.id))!.toolSteps).toEqual(STEPS);
    expect((await getConversation(conv.id))!.tools).toEqual({ servers: ['harbour'], tools: [] });
    expect((await searchMessages('marnage')).hits.map((h) => h.messageId)).toEqual([a.id]);
  });

  it('an import whose steps break the format is refused whole, with a clear error', async () => {
    await freshDb();
    const { conv, a } = await loopAnswer();
    const file = JSON.parse(await exportJson([conv.id]));
    file.conversations[0].messages.find((m: { id: string }) => m.id === a.id).toolSteps = [{ text: 1 }];
    await freshDb();
    await expect(importJson(JSON.stringify(file))).rejects.toThrow(/toolSteps/);
    expect(await listAllMessages(conv.id)).toEqual([]);
  });
});
