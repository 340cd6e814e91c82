// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../support/history-db';
import { importJson } from '../../../../../renderer/history/transfer/formats/import-json';
import { buildBulkIndex, docsOfExport } from '../../../../../renderer/history/db/search-index/bulk-build';
import { decodeChunk, type PostingChunk } from '../../../../../renderer/history/db/search-index/codec';
import { addDocs, reserveDocNumbers } from '../../../../../renderer/history/db/search-index/writer';
import { searchMessages } from '../../../../../renderer/history/db/search-index/query';

function postingsOf(chunks: PostingChunk[]) {
  const out = new Map<string, number[]>();
  for (const c of chunks) for (const [t, l] of decodeChunk(c)) out.set(t, [...(out.get(t) ?? []), ...l]);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const file = {
  format: 'parley-export',
  version: 1,
  conversations: [
    { id: 'conv_a', title: 'a', createdAt: 1, updatedAt: 1, columns: [{ id: 'c', model: 'm/x', settings: {} }], messages: [
      // out of seq order in the file: the import and the worker must both index by seq
      { id: 'a2', seq: 2, parentId: 'a1', columnId: 'c', role: 'assistant', content: 'Zebras graze; zebras run.', status: 'done', createdAt: 2, updatedAt: 2 },
      { id: 'a1', seq: 1, parentId: null, columnId: null, role: 'user', content: 'Tell me about zebras 東京', status: 'done', createdAt: 1, updatedAt: 1 },
    ] },
    { id: 'conv_b', title: 'b', createdAt: 1, updatedAt: 1, columns: [], messages: [
      { id: 'b1', seq: 1, parentId: null, columnId: null, role: 'user', content: 'Café crème', status: 'done', createdAt: 1, updatedAt: 1 },
    ] },
  ],
};

describe('bulk index built off the main thread', () => {
  it('numbers documents exactly as the import does, so a worker-built index is interchangeable', async () => {
    const { db } = await freshDb();
    // something already indexed, so numbering starts above 1
    await addDocs({ searchPostings: db.searchPostings, meta: db.meta }, [{ dn: await reserveDocNumbers({ searchPostings: db.searchPostings, meta: db.meta }, 1), text: 'earlier message' }]);
    const firstDn = 2;
    const report = await importJson(JSON.stringify(file));
    expect(report.indexedBy).toBe('main'); // no Worker in this environment
    const stored = await db.searchPostings.toArray();
    const docs = docsOfExport(JSON.parse(JSON.stringify(file)), firstDn)!;
    expect(docs.map((d) => d.dn)).toEqual([2, 3, 4]);
    const rows = await db.messages.orderBy('dn').toArray();
    expect(rows.map((m) => [m.id, m.dn])).toEqual([['a1', 2], ['a2', 3], ['b1', 4]]);
    const expected = postingsOf(buildBulkIndex([{ dn: 1, text: 'earlier message' }]).chunks.concat(buildBulkIndex(docs).chunks));
    expect(postingsOf(stored)).toEqual(expected);
    expect((await searchMessages('zebras')).hits.map((h) => h.messageId)).toEqual(['a2', 'a1']);
  });

  it('declines files it cannot read the same way (the import then indexes on the main thread)', () => {
    expect(docsOfExport({ format: 'parley-export', conversations: [{ messages: [{ seq: '1', content: 'x' }] }] }, 1)).toBeNull();
    expect(docsOfExport({ version: 'orpg.3.0' }, 1)).toBeNull();
    expect(docsOfExport(null, 1)).toBeNull();
  });
});
