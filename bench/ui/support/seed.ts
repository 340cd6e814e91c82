import type { Page } from 'playwright-core';

// Seeds the room's IndexedDB from inside the page (rows are generated there, not shipped over CDP). Runs after
// the app opened its database, so the stores and indexes are the app's own.

export interface SeedSpec {
  dbName: string;
  conversationId: string;
  title: string;
  columns: number;
  messages: number; // total rows: turns × (1 prompt + one answer per column)
  lastPrompt: string; // text of the newest prompt, to detect when the latest turn painted
  updatedAt: number;
  /** the room's MCP tool pick */
  tools?: { servers: string[]; tools: { server: string; tool: string }[] };
}

export async function seedConversation(page: Page, spec: SeedSpec): Promise<void> {
  await page.evaluate(async (s) => {
    const open = (): Promise<IDBDatabase> =>
      new Promise((done, fail) => {
        const req = indexedDB.open(s.dbName);
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(req.error);
      });
    let db = await open();
    for (let i = 0; i < 50 && !db.objectStoreNames.contains('messages'); i++) {
      db.close();
      await new Promise((r) => setTimeout(r, 100));
      db = await open();
    }
    const columns = Array.from({ length: s.columns }, (_, i) => ({ id: `${s.conversationId}-col${i}`, model: `bench/model-${i + 1}`, settings: {} }));
    const group = (parent: string | null, col: string | null) => `${parent ?? `root:${s.conversationId}`}/${col ?? 'user'}`;
    const turns = Math.floor(s.messages / (1 + s.columns));
    const body = (t: number, c: number) =>
      [
        `Answer ${t}.${c}: here is a **considered** reply with \`inline code\` and a [link](https://example.com/${t}).`,
        '',
        `- point one about item ${t}`,
        `- point two, with more words to make the paragraph realistic in length for a chat answer`,
        '',
        t % 5 === 0 ? '```ts\nfunction add(a: number, b: number) {\n  return a + b;\n}\n```' : `A closing paragraph for turn ${t} that goes on for a little while so that wrapping happens in a narrow column.`,
        t % 7 === 0 ? '\n| model | score |\n|---|---|\n| a | 1 |\n| b | 2 |' : '',
      ].join('\n');
    const rows: unknown[] = [];
    let seq = 0;
    let parent: string | null = null;
    const base = s.updatedAt - s.messages * 1000;
    for (let t = 0; t < turns; t++) {
      const uid = `${s.conversationId}-u${t}`;
      rows.push({
        id: uid, conversationId: s.conversationId, parentId: parent, groupId: group(parent, null), role: 'user', columnId: null, seq: ++seq, createdAt: base + seq * 1000,
        updatedAt: base + seq * 1000, status: 'done', content: t === turns - 1 ? s.lastPrompt : `Question number ${t}: what do you think about topic ${t}?`, continueFromId: null,
      });
      for (let c = 0; c < s.columns; c++) {
        const model = `bench/model-${c + 1}`;
        rows.push({
          id: `${uid}-a${c}`, conversationId: s.conversationId, parentId: uid, groupId: group(uid, columns[c]!.id), role: 'assistant', columnId: columns[c]!.id,
          seq: ++seq, createdAt: base + seq * 1000, updatedAt: base + seq * 1000, content: body(t, c), status: 'done',
          model: { requested: model, used: model, provider: 'BenchProvider', upstream: 'bench' },
          tokens: { prompt: 1200 + t, completion: 180, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
          cost: { costMicros: 420 + c, reportedCostMicros: 420 + c, costSource: 'upstream' },
          generationId: `gen-${uid}-${c}`, timings: { ttftMs: 300, durationMs: 2000, tokensPerSecond: 90 }, finishReason: 'stop', nativeFinishReason: 'stop',
        });
      }
      parent = uid;
    }
    const conv = { id: s.conversationId, title: s.title, createdAt: base, updatedAt: s.updatedAt, columns, selection: {}, pendingContinueFromId: null, lastSeq: seq, headId: parent, ...(s.tools ? { tools: s.tools } : {}) };
    await new Promise<void>((done, fail) => {
      const tx = db.transaction(['conversations', 'messages'], 'readwrite');
      tx.objectStore('conversations').put(conv);
      const store = tx.objectStore('messages');
      for (const r of rows) store.put(r);
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, spec);
}
