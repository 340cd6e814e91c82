import type { Transaction } from 'dexie';
import type { MessageRow } from '../types';
import { packContent } from '../staging/types';
import type { ImportPack } from '../staging/types';
import { bulkIndexDocs, clearIndex, type SearchDoc, type SearchTables } from '../search-index/writer';
import { searchableText } from '../search-index/searchable-text';
import { V3_STORES } from './v3';

// Version 4: the search index also holds each answer's reasoning. Same stores as version 3; the index is rebuilt
// from every indexed message (stored rows and staged import packs), keeping their document numbers.

export const V4_STORES = V3_STORES;

export async function upgradeToV4(tx: Transaction): Promise<void> {
  const tables: SearchTables = { searchPostings: tx.table('searchPostings'), meta: tx.table('meta') };
  const docs: SearchDoc[] = [];
  await tx.table<MessageRow, string>('messages').each((m) => {
    if (m.dn !== undefined) docs.push({ dn: m.dn, text: searchableText(m) });
  });
  await tx.table<ImportPack, string>('importPacks').each((pack) => {
    for (const m of packContent(pack).messages) if (m.dn !== undefined) docs.push({ dn: m.dn, text: searchableText(m) });
  });
  await clearIndex(tables);
  await bulkIndexDocs(tables, docs);
}
