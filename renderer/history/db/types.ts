import type { UrlCitation } from '../../../shared/openrouter/annotations';
import type { FinishReason } from '../../../shared/openrouter/chat-response';
import type { GenerationRecord, RecordCost, TokenCounts } from '../../../shared/openrouter/generation';
import type { ColumnTools, OfferedTool, ToolSelection } from '../../../shared/tools/tool-selection';
import type { LoopStep } from '../../../shared/tools/tool-steps';

// Row shapes of Parley's local history (IndexedDB database 'parley'). Costs are integer micro-dollars
// (1 USD = 1_000_000); an unknown cost has no number and a reason.

export type MessageRole = 'user' | 'assistant';
export type MessageStatus = 'streaming' | 'done' | 'error' | 'interrupted' | 'stopped';
export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

export interface ProviderPreferences {
  order?: string[];
  only?: string[];
  ignore?: string[];
  sort?: 'price' | 'throughput' | 'latency';
  allowFallbacks?: boolean;
}

export interface ColumnSettings {
  systemPrompt?: string;
  temperature?: number;
  maxTokens?: number;
  reasoningEffort?: ReasoningEffort;
  provider?: ProviderPreferences;
  webSearch?: WebSearchSettings;
  /** MCP tools: follow the room's pick (the default) or this column's own */
  tools?: ColumnTools;
}

/** A column's web search (the `web` plugin): off unless enabled; engine and max results as OpenRouter takes them. */
export interface WebSearchSettings {
  enabled: boolean;
  engine?: 'native' | 'exa';
  maxResults?: number;
}

export interface ColumnConfig {
  id: string;
  model: string; // OpenRouter-style slug including any variant suffix, e.g. "openai/gpt-5:nitro"
  label?: string;
  settings: ColumnSettings;
}

export interface ConversationRow {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  columns: ColumnConfig[];
  /** highest seq handed out in this conversation; the next message gets lastSeq + 1 */
  lastSeq: number;
  /** the newest user message on the shown branch (null before the first prompt) */
  headId: string | null;
  /** sibling groupId → the sibling shown; groups without an entry show their newest sibling */
  selection: Record<string, string>;
  /** "Continue with this answer": the next prompt shares this answer's thread in every column */
  pendingContinueFromId?: string | null;
  pinned?: boolean;
  /** blind mode: prompts sent while on hide who answered until the turn is voted on (see chat/state/blind.ts) */
  blind?: boolean;
  /** what a column sends when its history outgrows the model's window, and what the last send left out (chat/context/) */
  contextOverflow?: 'drop-oldest' | 'stop';
  contextDropped?: Record<string, ContextDropMark>;
  /** soft-delete marker: hidden, purged after the undo window (see deletion.ts) */
  deletedAt?: number;
  /** keep each column on the provider that served its first answer (OpenRouter: the prompt cache stays warm) */
  pinProviders?: boolean;
  /** a replay room: past prompts run again on these columns' models, one blind turn each (chat/replay/) */
  replay?: ReplayPlan;
  /** the assistant this room was started from (its name as it was then: the assistant may be renamed or deleted) */
  assistant?: { id: string; name: string };
  /** MCP tools the room offers its models (none by default; chat/tools/) */
  tools?: ToolSelection;
  /** the folder it sits in (history/folders/); absent: no folder */
  folderId?: string;
  /** hidden from the main list, shown under Archived; absent: not archived */
  archived?: 1;
  /** how the answers are laid out (chat/room/layout/); side by side when absent */
  layout?: RoomLayout;
}

/** Side by side (one column per model), a grid of two per row, or stacked one under another. */
export type RoomLayout = 'side' | 'grid' | 'stacked';

/** A prompt a replay runs again: where it was first asked. */
export interface ReplaySource {
  conversationId: string;
  promptId: string;
  excerpt: string;
}

export interface ReplayPlan {
  sources: ReplaySource[];
  /** how many sources have a turn in the replay room (the next one to send) */
  next: number;
  /** 'running' is read as interrupted when no runner of this window drives it (Parley was closed) */
  state: 'running' | 'paused' | 'done';
}

/** A column's last request left out every message before keptFromId: its context window was full. */
export interface ContextDropMark {
  model: string;
  keptFromId: string;
  droppedTurns: number;
}

export interface AttachmentRef {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/** A generated image of an answer; its bytes are a Blob in the images table (history/db/images.ts). */
export interface ImageRef {
  id: string;
  mime: string;
  size: number;
}

export interface ModelSnapshot {
  requested: string; // the slug the column asked for
  used: string | null; // what actually answered
  provider: string | null;
  upstream: string | null; // Parley upstream id (openrouter, openai, ollama-local…)
  /** the provider the column was pinned to for this answer (the room keeps each column on one provider, so its
   * prompt cache stays warm); another `provider` means a fallback moved it and the cache was lost */
  pinned?: string;
  /** why this model answered when the column let Parley choose ("My best"): the rule and the record behind it */
  chosenBy?: string;
}

export interface PricingSnapshot {
  capturedAt: number;
  source?: string; // e.g. "openrouter-live", "bundled", "user"
  /** USD per token as decimal strings, keyed by component: prompt, completion, cacheRead, cacheWrite, request… */
  rates: Record<string, string>;
  listDate?: string; // YYYY-MM-DD of the price list
}

/** What the composer estimated before sending (µ$ and tokens), kept to compare with the actual cost. */
export interface CostEstimate {
  inputTokens: number;
  inputMicros?: number;
  outputLowTokens?: number;
  outputHighTokens?: number;
  outputLowMicros?: number;
  outputHighMicros?: number;
  basis?: 'history' | 'max_tokens';
}

/** An answer's cost: the generation record's cost facts (shared/openrouter/generation.ts), whether a BYOK key
 * paid, and what the composer estimated. Answers stored by older versions may have a price snapshot without its
 * source. */
export type MessageCost = Omit<RecordCost, 'pricingSnapshot'> & {
  pricingSnapshot?: PricingSnapshot;
  isByok?: boolean;
  estimate?: CostEstimate;
};

export interface MessageTimings {
  ttftMs: number | null;
  durationMs: number | null;
  tokensPerSecond: number | null;
}

export interface MessageError {
  code?: number;
  message: string;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  /** per-conversation order of creation; windows and ordering use [conversationId+seq] */
  seq: number;
  /** user message → previous user message on its branch (null for the first); answer → its user message */
  parentId: string | null;
  /** siblings (regenerated answers, edited prompts) share a groupId; see groupIdFor() */
  groupId: string;
  columnId: string | null; // null for user messages, shared by every column
  role: MessageRole;
  content: string;
  reasoning?: string;
  attachments?: AttachmentRef[];
  /** answers: the images the model generated, in order */
  images?: ImageRef[];
  status: MessageStatus;
  /** present (1) only while status is 'streaming': a sparse index for crash recovery */
  streaming?: 1;
  /** user messages: the answer every column continues from ("Continue with this answer") */
  continueFromId?: string | null;
  model?: ModelSnapshot;
  tokens?: TokenCounts | null;
  cost?: MessageCost;
  generationId?: string;
  timings?: MessageTimings;
  finishReason?: FinishReason | null;
  nativeFinishReason?: string | null;
  error?: MessageError;
  /** prompts: sent while the room was in blind mode (its answers stay anonymous until the turn is voted on) */
  blind?: boolean;
  /** prompts: the user's verdict on this turn's answers (indexed by vote.at) */
  vote?: TurnVote;
  /** answers: imported from an export made while their blind turn awaited its vote: the letter they were shown
   * under; which model wrote them was left out of the file (columnId is "blind-<letter>", no column of the room) */
  blindLetter?: string;
  /** answers: written by fusing other answers of the same prompt (columnId is FUSED_COLUMN_ID) */
  fused?: FusedFrom;
  /** prompts of a replay room: the turn this prompt was first asked in */
  replayOf?: { conversationId: string; promptId: string };
  /** answers: the web pages a web search found and the answer cites (url_citation, indices into content) */
  sources?: UrlCitation[];
  /** answers: the tools the column was offered, and its tool loop step by step (calls, approvals, results, records) */
  offeredTools?: OfferedTool[];
  toolSteps?: LoopStep[];
  createdAt: number;
  updatedAt: number;
  /** search document number (internal; absent while not indexed) */
  dn?: number;
}

export type VoteVerdict = 'best' | 'tie' | 'all-bad';

/** One answer a vote compared, as it was when the vote was cast. */
export interface VotedAnswer {
  messageId: string;
  columnId: string;
  /** the model that answered (what answered, else what was asked for) */
  model: string;
  /** links the answer to its usage-ledger row (cost, time to first token, speed) */
  generationId?: string;
  /** the position it was shown at when the vote was cast: A, B, C… */
  label: string;
}

/** A verdict on a turn: one answer is best, or they tie, or all are bad. */
export interface TurnVote {
  verdict: VoteVerdict;
  /** verdict 'best': the winning answer's messageId (one of answers) */
  winnerId?: string;
  /** the answers compared (two or more), in the order shown */
  answers: VotedAnswer[];
  /** cast while model names, providers and costs were hidden */
  blind: boolean;
  at: number;
}

export interface FusedFrom {
  /** the answers (same prompt) the fused answer combines, in the order they were given to the model */
  sources: string[];
}

export interface AttachmentRow {
  id: string;
  messageId: string;
  conversationId: string;
  name: string;
  mime: string;
  size: number;
  /** the bytes; stored as an ArrayBuffer (clones everywhere, including in tests), read back as a Blob */
  blob: ArrayBuffer;
}

/** The usage ledger: one row per generation, linked to the answer it produced while that answer exists. */
export interface GenerationRow extends GenerationRecord {
  conversationId?: string;
  messageId?: string;
  billedCostMicros?: number; // what the provider's invoice / generation endpoint says, once reconciled
  reconciledAt?: number;
  mismatch?: boolean; // billed differs from Parley's price beyond tolerance
  billedFeeMicros?: number; // BYOK through OpenRouter: OpenRouter's fee, a part of billedCostMicros
  billedProviderMicros?: number; // BYOK through OpenRouter: the provider's charge, the other part
  billedComparedMicros?: number; // the billed figure set against Parley's price
}

export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}
