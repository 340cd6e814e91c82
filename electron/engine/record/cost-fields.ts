import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { CostReason, CostSource, TokenCounts } from '../../../shared/openrouter/generation';
import type { RawUsage, UpstreamConfig } from '../types';
import { isLocalServer } from '../routing/providers';

// Token counts and cost for the generation record and the final usage chunk.

export type PriceUsageHook = (
  modelSlug: string,
  upstream: UpstreamConfig,
  tokens: TokenCounts,
  variants?: readonly string[], // e.g. ["free"]: a :free call through OpenRouter costs 0
) => { micros?: number; reason?: CostReason };

export function tokensFromRaw(raw: RawUsage): TokenCounts {
  return {
    prompt: raw.promptTokens,
    completion: raw.completionTokens,
    cacheRead: raw.cacheReadTokens,
    cacheWrite: raw.cacheWriteTokens,
    reasoning: raw.reasoningTokens,
  };
}

function promptChars(req: ChatRequest): number {
  let n = 0;
  for (const m of req.messages) {
    const c = m.content;
    if (typeof c === 'string') n += c.length;
    else if (Array.isArray(c)) for (const part of c) if (part.type === 'text') n += part.text.length;
  }
  return n;
}

/** chars/4 when the upstream never reported usage (the stream died, or the server does not report it). */
export function estimateTokens(req: ChatRequest, outputChars: number): TokenCounts {
  return {
    prompt: Math.ceil(promptChars(req) / 4),
    completion: Math.ceil(outputChars / 4),
    cacheRead: 0,
    cacheWrite: 0,
    reasoning: 0,
    estimated: true,
  };
}

export interface CostFields {
  reportedCostMicros?: number;
  computedCostMicros?: number;
  costMicros?: number;
  costSource: CostSource;
  costReason?: CostReason;
}

export function costFields(opts: {
  raw?: RawUsage;
  tokens: TokenCounts | null;
  partial: boolean; // the stream broke or was cancelled before it finished
  modelSlug: string;
  upstream: UpstreamConfig;
  variants?: readonly string[];
  priceUsage?: PriceUsageHook;
}): CostFields {
  const { raw, tokens } = opts;
  const out: CostFields = { costSource: 'none' };
  if (raw?.reportedCostUsd !== undefined && Number.isFinite(raw.reportedCostUsd)) {
    out.reportedCostMicros = Math.round(raw.reportedCostUsd * 1_000_000);
  }
  let reason: CostReason | undefined;
  if (tokens) {
    let priced: ReturnType<PriceUsageHook> | undefined;
    try {
      priced = opts.priceUsage?.(opts.modelSlug, opts.upstream, tokens, opts.variants);
    } catch {
      priced = { reason: 'no-pricing' }; // a broken price table must not break the request
    }
    if (priced?.micros !== undefined && Number.isFinite(priced.micros)) out.computedCostMicros = Math.round(priced.micros);
    else if (isLocalServer(opts.upstream)) out.computedCostMicros = 0; // local inference costs nothing
    reason = priced?.reason ?? (out.computedCostMicros === 0 ? 'free' : undefined);
  }
  if (out.reportedCostMicros !== undefined) {
    out.costMicros = out.reportedCostMicros;
    out.costSource = 'upstream';
  } else if (out.computedCostMicros !== undefined) {
    out.costMicros = out.computedCostMicros;
    out.costSource = 'computed';
  }
  if (!tokens) out.costReason = 'no-usage';
  else if (reason === 'free') out.costReason = 'free';
  else if (tokens.estimated) out.costReason = opts.partial ? 'partial' : 'no-usage'; // a figure from chars/4
  else if (out.costSource === 'none') out.costReason = reason ?? 'no-pricing';
  else if (reason) out.costReason = reason;
  return out;
}
