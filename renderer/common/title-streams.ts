// Streams that write a conversation's title rather than an answer (auto-title.ts). Kept apart so stream-sync can
// leave them alone without importing the title code.

export const TITLE_COLUMN = 'title';
const streams = new Set<string>();

export const titleStreams = {
  add: (streamId: string) => void streams.add(streamId),
  delete: (streamId: string) => void streams.delete(streamId),
  has: (streamId: string) => streams.has(streamId),
};

const TITLE_PREFIX = 'title:';
/** The ledger link of a title's generation: no message holds it, so it names the conversation instead. */
export const titleLinkId = (conversationId: string) => `${TITLE_PREFIX}${conversationId}`;
export const isTitleLink = (messageId: string | undefined) => !!messageId?.startsWith(TITLE_PREFIX);
