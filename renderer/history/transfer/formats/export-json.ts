import Dexie from 'dexie';
import { getParleyDb } from '../../db/database';
import { NotFoundError } from '../../db/errors';
import { ensureConversationMaterialized } from '../../db/staging/materialize';
import type { ConversationRow, MessageRow } from '../../db/types';
import { bytesToBase64 } from '../../db/base64';
import { stringifyInSlices } from '../../../common/stringify-in-slices';
import { veilOf } from '../../../common/room/blind-veil';
import { exportedImages } from './export-images';
import { veilExportedConversation } from './veil-export';
import { exportedPlace } from '../../folders/transfer-folders';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedConversation, type ExportedGeneration, type ExportedMessage, type ParleyExport } from './export-format';

// Export as "parley-export" v1 JSON (docs/export-format.md): every branch, column, cost and attachment (base64).
// Keys are never part of the history, so they can't be exported; settings are not exported at all.

export interface ExportOptions {
  /** include usage-ledger rows linked to the conversations (default true) */
  includeUsage?: boolean;
  appVersion?: string;
  now?: number;
  /** leave out who wrote the answers of blind turns not voted on yet (veil-export.ts); backups keep everything */
  veilBlindTurns?: boolean;
}

const PAGE = 1000;

/** A conversation's messages in seq order, read a page at a time: one read of 10,000 rows is one long task. */
async function messagesInPages(conversationId: string): Promise<MessageRow[]> {
  const db = getParleyDb();
  const rows: MessageRow[] = [];
  let after: unknown = Dexie.minKey;
  let includeFirst = true;
  for (;;) {
    const page = await db.messages.where('[conversationId+seq]').between([conversationId, after], [conversationId, Dexie.maxKey], includeFirst, true).limit(PAGE).toArray();
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1]!.seq;
    includeFirst = false;
  }
}

async function exportOne(conv: ConversationRow, opts: ExportOptions): Promise<ExportedConversation> {
  const db = getParleyDb();
  await ensureConversationMaterialized(db, conv.id);
  const rows = await messagesInPages(conv.id);
  const messages: ExportedMessage[] = rows.map((m) => {
    const out = { ...m } as Partial<typeof m>;
    delete out.conversationId;
    delete out.groupId;
    delete out.streaming;
    delete out.dn;
    return out as ExportedMessage;
  });
  const attachments = (await db.attachments.where('conversationId').equals(conv.id).toArray()).map((a) => ({
    id: a.id,
    messageId: a.messageId,
    name: a.name,
    mime: a.mime,
    size: a.size,
    data: bytesToBase64(a.blob),
  }));
  const images = await exportedImages(conv.id);
  const generations: ExportedGeneration[] =
    opts.includeUsage === false
      ? []
      : (await db.generations.where('conversationId').equals(conv.id).toArray()).map((g) => {
          const out = { ...g } as Partial<typeof g>;
          delete out.conversationId;
          return out as ExportedGeneration;
        });
  const { deletedAt: _d, folderId: _f, archived: _a, ...c } = conv;
  const whole: ExportedConversation = { ...c, ...(await exportedPlace(db, conv)), messages, attachments, ...(images.length ? { images } : {}), generations };
  return opts.veilBlindTurns ? veilExportedConversation(whole, veilOf(conv, rows)) : whole;
}

/** One, several (ids) or all conversations (ids omitted) as a Parley export object. */
export async function exportConversations(ids?: string[], opts: ExportOptions = {}): Promise<ParleyExport> {
  const db = getParleyDb();
  let convs: ConversationRow[];
  if (ids) {
    const rows = await db.conversations.bulkGet(ids);
    convs = rows.map((r, i) => {
      if (!r || r.deletedAt !== undefined) throw new NotFoundError(`conversation ${ids[i]} not found`);
      return r;
    });
  } else {
    convs = (await db.conversations.toArray()).filter((c) => c.deletedAt === undefined);
    convs.sort((a, b) => a.createdAt - b.createdAt);
  }
  const conversations: ExportedConversation[] = [];
  for (const conv of convs) conversations.push(await exportOne(conv, opts));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(opts.now ?? Date.now()).toISOString(),
    app: { name: 'Parley', ...(opts.appVersion ? { version: opts.appVersion } : {}) },
    conversations,
  };
}

/** The export as JSON text, written a few hundred messages at a time so a large room does not freeze the page
 * (file → conversations → conversation → its messages, attachments, generations → each one: depth 4). */
export async function exportJson(ids?: string[], opts: ExportOptions = {}): Promise<string> {
  return stringifyInSlices(await exportConversations(ids, opts), 4);
}
