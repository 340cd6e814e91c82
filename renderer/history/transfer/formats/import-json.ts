import { getParleyDb, type ParleyDb } from '../../db/database';
import { isQuotaError } from '../../db/errors';
import { hasRoomFor, roomNeeded } from '../../db/room-check';
import { newId } from '../../db/ids';
import { searchTables } from '../../db/messages';
import { buildBulkIndex, readSearchMeta, writeBulkIndex, type BulkIndex, type SearchDoc } from '../../db/search-index/writer';
import { startBulkIndexJob } from '../../db/search-index/bulk-index-job';
import { markPacksPending, startBackgroundMaterializer } from '../../db/staging/materialize';
import type { ImportPack, ImportPackIndexRow } from '../../db/staging/types';
import type { GenerationRow, MessageRow } from '../../db/types';
import { DEFAULT_IMPORT_LIMITS, EXPORT_FORMAT, EXPORT_VERSION, exportSchema, type ImportLimits } from './export-format';
import { describeIssues, ImportError, parseJson, readImportText, scanStructure } from './guard';
import { convertOpenRouter, isOpenRouterExport } from './openrouter-chatroom';
import { placeImported } from '../../folders/transfer-folders';
import { planImport, type ExistingIds, type ImportMode, type ImportPlan } from './plan';
import { searchableText } from '../../db/search-index/searchable-text';

// Import of a Parley export (or an OpenRouter Chatroom export). Everything is checked before the first write,
// and everything is written in one transaction: a rejected or failed import writes nothing.
// Conversations already present are skipped (re-importing a file is harmless); mode 'copy' imports them again
// under new ids. Ledger rows already present are never imported twice.

export interface ImportOptions {
  limits?: Partial<ImportLimits>;
  mode?: ImportMode;
  /** expand large imports into rows in the background right away (default true) */
  background?: boolean;
}

export interface ImportReport {
  source: 'parley' | 'openrouter';
  conversationIds: string[]; // imported (new ids when copied)
  skippedConversationIds: string[];
  messages: number;
  attachments: number;
  generations: number;
  skippedGenerations: number;
  remappedIds: number;
  warnings: string[];
  /** where the time went (ms): reading + JSON + schema, id checks + planning, the write transaction */
  timings: { validateMs: number; planMs: number; writeMs: number };
  /** where the search index of this import was built */
  indexedBy: 'worker' | 'main';
}

/** Imports above this many messages are staged in packs (fast), then expanded in the background. */
export const PACK_THRESHOLD = 2000;
const PACK_MAX_MESSAGES = 1000;
const PACK_MAX_CHARS = 1_000_000;
const SMALL_LOOKUP = 5000;

async function existingIn<T>(table: { bulkGet(keys: string[]): Promise<(T | undefined)[]>; toCollection(): { primaryKeys(): Promise<string[]> } }, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  if (ids.length <= SMALL_LOOKUP) {
    const rows = await table.bulkGet(ids);
    return new Set(ids.filter((_, i) => rows[i] !== undefined));
  }
  // one getAllKeys beats tens of thousands of point reads
  const all = new Set(await table.toCollection().primaryKeys());
  return new Set(ids.filter((id) => all.has(id)));
}

async function collectExisting(db: ParleyDb, data: { conversations: { id: string; messages: { id: string }[]; attachments?: { id: string }[]; images?: { id: string }[]; generations?: { id: string }[] }[] }) {
  const convIds = data.conversations.map((c) => c.id);
  const msgIds = data.conversations.flatMap((c) => c.messages.map((m) => m.id));
  const attIds = data.conversations.flatMap((c) => (c.attachments ?? []).map((a) => a.id));
  const genIds = data.conversations.flatMap((c) => (c.generations ?? []).map((g) => g.id));
  const convRows = await db.conversations.bulkGet(convIds);
  const existing: ExistingIds = {
    conversations: new Set(convIds.filter((_, i) => convRows[i] !== undefined)),
    messages: await existingIn(db.messages, msgIds),
    attachments: await existingIn(db.attachments, attIds),
    generations: await existingIn(db.generations, genIds),
    images: await existingIn(db.images, data.conversations.flatMap((c) => (c.images ?? []).map((i) => i.id))),
  };
  const deleted = new Set(convIds.filter((_, i) => convRows[i]?.deletedAt !== undefined));
  // rows still staged in packs count as present too
  for (const p of await db.importPackIndex.toArray()) {
    for (const id of p.messageIds) existing.messages.add(id);
    for (const id of p.generationIds) existing.generations.add(id);
  }
  return { existing, deleted };
}

/** Validates and converts any supported file into a schema-valid Parley export. */
export function validateImport(text: string, limits: ImportLimits, now = Date.now()) {
  const raw = parseJson(text);
  scanStructure(raw, limits);
  let value: unknown = raw;
  let source: ImportReport['source'] = 'parley';
  let warnings: string[] = [];
  if (isOpenRouterExport(raw)) {
    ({ value, warnings } = convertOpenRouter(raw, limits, now));
    source = 'openrouter';
  } else {
    const obj = raw as { format?: unknown; version?: unknown } | null;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj) || obj.format !== EXPORT_FORMAT) {
      throw new ImportError('unsupported-format', 'This file is neither a Parley export nor an OpenRouter Chatroom export. Nothing was imported.');
    }
    if (typeof obj.version === 'number' && obj.version > EXPORT_VERSION) {
      throw new ImportError('newer-version', `This file was made by a newer Parley (export format ${obj.version}); update Parley to import it. Nothing was imported.`);
    }
  }
  const parsed = exportSchema(limits).safeParse(value);
  if (!parsed.success) {
    const details = describeIssues(parsed.error.issues);
    throw new ImportError('invalid', `This file is not a valid Parley export: ${details[0]}. Nothing was imported.`, details);
  }
  return { data: parsed.data, source, warnings };
}

let background: (() => void) | null = null;

const noRoom = (needBytes?: number) =>
  `Import failed because there is not enough disk space${needBytes ? `: it needs about ${Math.ceil(needBytes / 1e6)} MB free` : ''}. ` +
  'Nothing was imported. Free some disk space (or delete conversations you no longer need) and import the file again.';

export async function importJson(input: string | Blob | ArrayBuffer | Uint8Array, opts: ImportOptions = {}): Promise<ImportReport> {
  const db = getParleyDb();
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...opts.limits };
  const t0 = performance.now();
  const text = await readImportText(input, limits);
  // large files: the search index is built by a worker while this thread validates (a speed-up only)
  const firstDn = (await readSearchMeta(searchTables(db))).nextDn;
  const job = text.length > 1_000_000 ? startBulkIndexJob(text, firstDn) : null;
  let validated: ReturnType<typeof validateImport>;
  try {
    validated = validateImport(text, limits);
  } catch (err) {
    job?.cancel();
    throw err;
  }
  const { data, source, warnings } = validated;
  const t1 = performance.now();
  const total = data.conversations.reduce((n, c) => n + c.messages.length, 0);
  if (total > limits.maxMessages) {
    throw new ImportError('too-large', `This file holds ${total} messages; the import limit is ${limits.maxMessages}. Nothing was imported.`);
  }
  const { existing, deleted } = await collectExisting(db, data);
  // a conversation deleted (pending undo) is imported as a copy rather than skipped, so the import isn't lost
  const plan = planImport(data, existing, opts.mode ?? 'skip-existing', limits, deleted);

  const messageCount = plan.conversations.reduce((n, c) => n + c.messages.length, 0);
  const usePacks = messageCount > PACK_THRESHOLD;
  // the worker's index matches only if every message of the file is imported, in file order
  const prebuilt = job && source === 'parley' && plan.skippedConversationIds.length === 0 && messageCount === total ? job.result : null;
  if (!prebuilt) job?.cancel();
  const t2 = performance.now();
  // a disk that fills up under the write would cost the whole history in Chromium (room-check.ts): ask first
  const room = roomNeeded(text);
  if (plan.conversations.length && !(await hasRoomFor(db.name, room))) {
    job?.cancel();
    throw new ImportError('write-failed', noRoom(room));
  }
  let indexedBy: 'worker' | 'main';
  try {
    indexedBy = await writePlan(db, plan, usePacks, firstDn, prebuilt);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    if (isQuotaError(err)) throw new ImportError('write-failed', noRoom());
    throw new ImportError('write-failed', `Import failed because the database refused the write (${(err as Error)?.name ?? 'error'}). Nothing was imported.`);
  }
  const t3 = performance.now();
  if (usePacks) {
    markPacksPending(db);
    if (opts.background !== false && !background) {
      background = startBackgroundMaterializer(db, { onIdle: () => (background = null) });
    }
  }
  return {
    source,
    conversationIds: plan.conversations.map((c) => c.conversation.id),
    skippedConversationIds: plan.skippedConversationIds,
    messages: messageCount,
    attachments: plan.conversations.reduce((n, c) => n + c.attachments.length, 0),
    generations: plan.conversations.reduce((n, c) => n + c.generations.length, 0),
    skippedGenerations: plan.skippedGenerations,
    remappedIds: plan.remappedIds,
    warnings: [...warnings, ...plan.warnings],
    timings: { validateMs: t1 - t0, planMs: t2 - t1, writeMs: t3 - t2 },
    indexedBy,
  };
}

function numberDocs(plan: ImportPlan, firstDn: number): SearchDoc[] {
  // document numbers in seq order, so each pack covers one contiguous range
  let dn = firstDn;
  const docs: SearchDoc[] = [];
  for (const pc of plan.conversations) {
    for (const m of pc.messages) {
      m.dn = dn++;
      docs.push({ dn: m.dn, text: searchableText(m) });
    }
  }
  return docs;
}

async function writePlan(
  db: ParleyDb,
  plan: ImportPlan,
  usePacks: boolean,
  firstDn: number,
  prebuilt: Promise<BulkIndex | null> | null,
): Promise<'worker' | 'main'> {
  const tables = [db.conversations, db.messages, db.attachments, db.images, db.generations, db.searchPostings, db.meta, db.importPacks, db.importPackIndex, db.folders];
  // the CPU work happens before the transaction opens (a transaction cannot wait for a worker)
  let docs = numberDocs(plan, firstDn);
  let packed = usePacks ? makePacks(plan) : null;
  let built = prebuilt ? await prebuilt : null;
  if (built && built.docCount !== docs.length) built = null;
  await db.transaction('rw', tables, async () => {
    const ids = plan.conversations.map((c) => c.conversation.id);
    if ((await db.conversations.bulkGet(ids)).some((r) => r !== undefined)) {
      throw new ImportError('write-failed', 'Another import added these conversations at the same time. Nothing was imported.');
    }
    const meta = await readSearchMeta(searchTables(db));
    if (meta.nextDn !== firstDn) {
      // something was indexed since the numbers were handed out: number again (rare)
      docs = numberDocs(plan, meta.nextDn);
      packed = usePacks ? makePacks(plan) : null;
      built = null;
    }
    await placeImported(db, plan.conversations);
    const writes: Promise<unknown>[] = [db.conversations.bulkAdd(plan.conversations.map((c) => c.conversation))];
    const attachments = plan.conversations.flatMap((c) => c.attachments);
    if (attachments.length) writes.push(db.attachments.bulkAdd(attachments));
    const images = plan.conversations.flatMap((c) => c.images);
    if (images.length) writes.push(db.images.bulkAdd(images));
    if (!packed) {
      const messages = plan.conversations.flatMap((c) => c.messages);
      if (messages.length) writes.push(db.messages.bulkAdd(messages));
      const generations = plan.conversations.flatMap((c) => c.generations);
      if (generations.length) writes.push(db.generations.bulkAdd(generations));
    } else {
      writes.push(db.importPacks.bulkAdd(packed.packs), db.importPackIndex.bulkAdd(packed.index));
      if (packed.loose.length) writes.push(db.generations.bulkAdd(packed.loose));
    }
    // without a worker the index is built here, while the database stores the rows issued above
    writes.push(writeBulkIndex(searchTables(db), built ?? buildBulkIndex(docs)));
    await Promise.all(writes);
  });
  return built ? 'worker' : 'main';
}

function makePacks(plan: ImportPlan): { packs: ImportPack[]; index: ImportPackIndexRow[]; loose: GenerationRow[] } {
  const packs: ImportPack[] = [];
  const index: ImportPackIndexRow[] = [];
  const loose: GenerationRow[] = [];
  const now = Date.now();
  for (const pc of plan.conversations) {
    const gensByMessage = new Map<string, GenerationRow[]>();
    for (const g of pc.generations) {
      if (!g.messageId) {
        loose.push(g);
        continue;
      }
      const list = gensByMessage.get(g.messageId);
      if (list) list.push(g);
      else gensByMessage.set(g.messageId, [g]);
    }
    let batch: MessageRow[] = [];
    let chars = 0;
    const flush = () => {
      if (!batch.length) return;
      const generations = batch.flatMap((m) => gensByMessage.get(m.id) ?? []);
      const id = newId('pack');
      packs.push({ id, data: JSON.stringify({ messages: batch, generations }) });
      index.push({
        id,
        conversationId: pc.conversation.id,
        dnMin: batch[0]!.dn!,
        dnMax: batch[batch.length - 1]!.dn!,
        messageIds: batch.map((m) => m.id),
        generationIds: generations.map((g) => g.id),
        createdAt: now,
      });
      batch = [];
      chars = 0;
    };
    for (const m of pc.messages) {
      batch.push(m);
      chars += m.content.length + (m.reasoning?.length ?? 0);
      if (batch.length >= PACK_MAX_MESSAGES || chars >= PACK_MAX_CHARS) flush();
    }
    flush();
    const packed = new Set(pc.messages.map((m) => m.id));
    for (const [messageId, gens] of gensByMessage) if (!packed.has(messageId)) loose.push(...gens);
  }
  return { packs, index, loose };
}
