import type { UpstreamKind } from '../providers/upstream-kinds';
import type { FinishReason } from './chat-response';

// What Parley records about every finished request: the local usage ledger row. Cost is integer micro-dollars
// (1 USD = 1_000_000 µ$); when it is unknown the number is absent and `costReason` says why.

export type { UpstreamKind };

export interface AttemptRecord {
  upstreamId: string;
  provider: string;
  model: string; // upstream-native model id that was requested
  status: number | null; // HTTP status, null for network errors / timeouts
  error?: string; // human message, never a key
  errorType?: 'http' | 'network' | 'timeout' | 'aborted' | 'stream';
  durationMs: number;
}

export interface TokenCounts {
  prompt: number; // includes cache read + cache write
  completion: number; // includes reasoning
  cacheRead: number;
  cacheWrite: number;
  reasoning: number;
  estimated?: boolean; // true when the stream died before the upstream reported usage
}

export type CostSource = 'upstream' | 'computed' | 'none';
export type CostReason = 'free' | 'no-pricing' | 'no-usage' | 'partial';

export interface PricingSnapshot {
  capturedAt: number; // ms epoch
  source: string; // catalog source: "live", "cache" or "bundled"
  rates: Record<string, string>; // USD per token (or unit) as decimal strings, OpenRouter's pricing keys
}

export interface GenerationRecord {
  id: string; // gen-…
  createdAt: number; // ms epoch
  requestedModel: string;
  model: string | null; // OpenRouter-style slug actually used
  upstreamId: string | null;
  upstreamKind: UpstreamKind | null;
  provider: string | null;
  upstreamGenerationId?: string; // e.g. OpenRouter's X-Generation-Id, for reconciliation
  attempts: AttemptRecord[];
  tokens: TokenCounts | null;
  reportedCostMicros?: number; // what the upstream said it charged (OpenRouter usage.cost)
  computedCostMicros?: number; // usage × pricing snapshot
  costMicros?: number; // the figure shown
  costSource: CostSource;
  costReason?: CostReason;
  ttftMs: number | null;
  durationMs: number;
  tokensPerSecond: number | null;
  finishReason: FinishReason | null;
  nativeFinishReason: string | null;
  isByok: boolean;
  streamed: boolean;
  cancelled: boolean;
  fallbackUsed: boolean;
  source: 'app' | 'local-api';
  /** The price list this request was priced with, kept so an old answer's cost never changes when prices do. */
  pricingSnapshot?: PricingSnapshot;
  error?: { code: number; message: string };
}
