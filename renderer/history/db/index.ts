// Parley's local history: the public API of history/db. Everything here works on the current database
// (getParleyDb(); startHistory() opens it), so callers pass ids, not database handles.

export { startHistory, type HistoryStart } from './startup';
export { openParleyDb, serializeUpgradeSnapshot, type OpenOptions, type UpgradeSnapshot } from './open';
export { ParleyDb, getParleyDb, setParleyDb, closeParleyDb, DEFAULT_DB_NAME } from './database';
export { CURRENT_SCHEMA_VERSION } from './migrations';
export * from './types';
export { NotFoundError, InvalidWriteError, isQuotaError } from './errors';
export { onStorageProblem, QUOTA_ADVICE, type StorageProblem } from './events';
export { createConversation, getConversation, listConversations, updateConversation, renameConversation, type NewConversation, type ConversationPatch } from './conversations';
export {
  appendUserMessage,
  createAssistantMessage,
  finalizeAssistantMessage,
  checkpointAnswer,
  updateAnswerMeta,
  getMessage,
  listMessages,
  listAllMessages,
  countMessages,
  type NewUserMessage,
  type NewAssistantMessage,
  type AnswerOutcome,
  type MessageWindow,
} from './messages';
export { appendTurn, type WrittenTurn } from './append-turn';
export { getAttachment, getAttachmentBlob, listMessageAttachments, toArrayBuffer, type NewAttachment } from './attachments';
export { getActivePath, switchSibling, listSiblings, branchOnEdit, type ActivePath, type ActiveTurn, type ColumnAnswer, type SiblingInfo } from './branches';
export { groupIdFor, FUSED_COLUMN_ID } from './group-id';
export { setTurnVote, listVotes, type StoredVote } from './votes';
export { createFusedAnswer, type NewFusedAnswer } from './fused';
export { deleteConversation, restoreConversation, purgeConversation, purgeDeletedConversations, DEFAULT_UNDO_MS, type DeletionHandle, type PurgeReport } from './deletion';
export { recordGeneration, getGeneration, queryGenerations, type LedgerQuery } from './generations';
export { createStreamCheckpointer, unsavedCheckpointers, flushAllCheckpointers, type StreamCheckpointer, type CheckpointerOptions, type SaveResult, type AnswerMeta } from './checkpointer';
export { recoverInterrupted } from './recovery';
export { requestPersistentStorage, storageEstimate, type StorageEstimateInfo } from './browser-storage';
export { getSetting, setSetting, deleteSetting, listSettings, SecretRefusedError } from './settings';
export { searchMessages, type SearchHit, type SearchOptions, type SearchResult } from './search-index/query';
export { snippetParts, type Snippet } from './search-index/snippet';
