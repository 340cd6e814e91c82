import Dexie, { type Table } from 'dexie';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './migrations';
import { NewerDatabaseError } from './newer-database-error';
import type { ImageRow } from './migrations/v7';
import type { AssistantRow } from './migrations/v9';
import type { FolderRow } from './migrations/v10';
import { createChangeFeed, type ChangeFeed } from './change-feed';
import type { PostingChunk } from './search-index/codec';
import type { ImportPack, ImportPackIndexRow } from './staging/types';
import { voteFactsUpkeep } from './vote-facts/upkeep';
import { abortCause } from './abort-cause';
import { voteFactsReadReset } from './vote-facts/read-epoch';
import type { VoteFactKeys, VoteFactPack } from './vote-facts/types';
import type { AttachmentRow, ConversationRow, GenerationRow, MessageRow, MetaRow, SettingRow } from './types';

export const DEFAULT_DB_NAME = 'parley';

export class ParleyDb extends Dexie {
  conversations!: Table<ConversationRow, string>;
  messages!: Table<MessageRow, string>;
  attachments!: Table<AttachmentRow, string>;
  generations!: Table<GenerationRow, string>;
  settings!: Table<SettingRow, string>;
  meta!: Table<MetaRow, string>;
  searchPostings!: Table<PostingChunk, [string, number]>;
  importPacks!: Table<ImportPack, string>;
  importPackIndex!: Table<ImportPackIndexRow, string>;
  /** the leaderboard's vote facts, derived from messages.vote and generations (vote-facts/) */
  voteFacts!: Table<VoteFactPack, string>;
  voteFactKeys!: Table<VoteFactKeys, string>;
  images!: Table<ImageRow, string>;
  assistants!: Table<AssistantRow, string>;
  folders!: Table<FolderRow, string>;
  /** Other windows' committed writes to conversations and messages (live sync between tabs). */
  readonly changes: ChangeFeed;

  constructor(name: string = DEFAULT_DB_NAME) {
    // 'strict': a committed transaction is flushed to disk, so a power cut cannot take back a saved answer.
    super(name, { chromeTransactionDurability: 'strict' });
    this.changes = createChangeFeed(name);
    this.use(this.changes.middleware);
    this.use(voteFactsUpkeep());
    this.use(abortCause());
    this.use(voteFactsReadReset());
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // Dexie opens a database a newer Parley upgraded; this code would write rows that version may not read
    // (verno is the declared version; IndexedDB's own version is Dexie's ×10)
    this.on('ready', (db) => refuseNewer(Math.round((db as Dexie).backendDB().version / 10)));
  }
}

function refuseNewer(verno: number): void {
  if (verno > CURRENT_SCHEMA_VERSION) throw new NewerDatabaseError(verno);
}

let current: ParleyDb | null = null;

/** The database the history API uses (opened lazily as 'parley'). */
export function getParleyDb(): ParleyDb {
  return (current ??= new ParleyDb());
}

/** Points the history API at another database (tests, benchmarks, a profile switch). */
export function setParleyDb(db: ParleyDb): ParleyDb {
  current = db;
  return db;
}

export function closeParleyDb(): void {
  current?.close();
  current = null;
}
