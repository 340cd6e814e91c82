import type { CostLine } from '../../../shared/billing/cost';
import { exactMicrosToUsd, usdText, usdToMicros } from '../../../shared/billing/money';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import { EXTRA_UNITS, type CostLineRecord, type CostReason, type GenerationRecord, type TokenCounts } from '../../../shared/openrouter/generation';
import type { RawUsage, UpstreamConfig } from '../types';
import { isLocalServer } from '../routing/providers';
import { isRouter } from '../providers/registry';

// Token counts and cost for the generation record and the final usage chunk. Money from the wire is read
// through its decimal text (never `usd * 1e6`), and the exact text is kept beside the rounded µ$.

/** What the catalog says a request cost: the computation line by line, or why there is none. */
export interface PricedUsage {
  micros?: number;
  exactMicros?: string; // the unrounded total, e.g. "124.5"
  reason?: CostReason;
  detail?: string; // why there is no price, in words
  lines?: CostLine[];
  cacheSavingsMicros?: number;
}

export type PriceUsageHook = (
  modelSlug: string,
  upstream: UpstreamConfig,
  tokens: TokenCounts,
  variants?: readonly string[], // e.g. ["free"]: the catalog's :free entry prices a :free call
  at?: number, // when the request was made (ms epoch): time-of-day prices
) => PricedUsage;

export function tokensFromRaw(raw: RawUsage): TokenCounts {
  const t: TokenCounts = {
    prompt: raw.promptTokens,
    completion: raw.completionTokens,
    cacheRead: raw.cacheReadTokens,
    cacheWrite: raw.cacheWriteTokens,
    reasoning: raw.reasoningTokens,
  };
  for (const unit of EXTRA_UNITS) if (raw[unit]) t[unit] = raw[unit];
  return t;
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

export type CostFields = Pick<
  GenerationRecord,
  | 'reportedCostMicros' | 'reportedCostUsd' | 'upstreamCostMicros' | 'upstreamCostUsd' | 'computedCostMicros'
  | 'computedCostUsd' | 'costLines' | 'cacheSavingsMicros' | 'costMicros' | 'costSource' | 'costReason' | 'costDetail'
>;

const lineRecord = (l: CostLine): CostLineRecord => ({ component: l.component, units: l.units, unit: l.unit, rateMicrosPerUnit: l.rateMicrosPerUnit, micros: l.micros });

export function costFields(opts: {
  raw?: RawUsage;
  tokens: TokenCounts | null;
  partial: boolean; // the stream broke or was cancelled before it finished
  modelSlug: string;
  upstream: UpstreamConfig;
  variants?: readonly string[];
  priceUsage?: PriceUsageHook;
  at?: number; // when the request was made
  failed?: boolean; // the request failed, yet the provider reported usage
}): CostFields {
  const { raw, tokens } = opts;
  const out: CostFields = { costSource: 'none' };
  const reportedText = usdText(raw?.reportedCostUsd);
  if (reportedText !== undefined) {
    out.reportedCostUsd = reportedText;
    out.reportedCostMicros = usdToMicros(reportedText);
  }
  const upstreamText = usdText(raw?.upstreamCostUsd);
  if (upstreamText !== undefined) {
    out.upstreamCostUsd = upstreamText;
    out.upstreamCostMicros = usdToMicros(upstreamText);
  }
  let reason: CostReason | undefined;
  if (tokens) {
    let priced: PricedUsage | undefined;
    try {
      priced = opts.priceUsage?.(opts.modelSlug, opts.upstream, tokens, opts.variants, opts.at);
    } catch {
      priced = { reason: 'no-pricing', detail: 'the price list could not be read' }; // a broken price table must not break the request
    }
    if (priced?.micros !== undefined && Number.isFinite(priced.micros)) {
      out.computedCostMicros = Math.round(priced.micros);
      const exact = priced.exactMicros !== undefined ? exactMicrosToUsd(priced.exactMicros) : undefined;
      if (exact !== undefined) out.computedCostUsd = exact;
      if (priced.lines?.length) out.costLines = priced.lines.slice(0, 32).map(lineRecord);
      if (priced.cacheSavingsMicros !== undefined) out.cacheSavingsMicros = priced.cacheSavingsMicros;
    } else if (isLocalServer(opts.upstream)) out.computedCostMicros = 0; // local inference costs nothing
    reason = priced?.reason ?? (out.computedCostMicros === 0 ? 'free' : undefined);
    if (priced?.detail && out.computedCostMicros === undefined) out.costDetail = priced.detail.slice(0, 300);
  }
  const byokViaRouter = isRouter(opts.upstream) && raw?.isByok === true;
  if (out.reportedCostMicros !== undefined && byokViaRouter) {
    // OpenRouter's `cost` is only its fee; the provider billed the rest (docs/openrouter-api.md §3, §9.1).
    if (out.upstreamCostMicros !== undefined) {
      out.costMicros = out.reportedCostMicros + out.upstreamCostMicros;
      out.costSource = 'upstream';
    } else if (out.computedCostMicros !== undefined) {
      out.costMicros = out.reportedCostMicros + out.computedCostMicros;
      out.costSource = 'computed';
      out.costDetail = "OpenRouter reported only its BYOK fee; the provider's charge is Parley's price";
    } else {
      out.costMicros = out.reportedCostMicros;
      out.costSource = 'upstream';
      out.costDetail = "OpenRouter reported only its BYOK fee; the provider's charge is unknown";
    }
  } else if (out.reportedCostMicros !== undefined) {
    out.costMicros = out.reportedCostMicros;
    out.costSource = 'upstream';
  } else if (out.computedCostMicros !== undefined) {
    out.costMicros = out.computedCostMicros;
    out.costSource = 'computed';
  }
  if (!tokens) out.costReason = 'no-usage';
  else if (opts.failed) out.costReason = 'charged-on-error';
  else if (reason === 'free') out.costReason = 'free';
  else if (tokens.estimated) out.costReason = opts.partial ? 'partial' : 'no-usage'; // a figure from chars/4
  else if (out.costSource === 'none') out.costReason = reason ?? 'no-pricing';
  else if (reason) out.costReason = reason;
  return out;
}

/** The cost of a request that failed without any usage: $0 when nothing reached a provider, or when a
 * provider answered with an error before any output; unknown when the connection was lost after sending
 * (the provider may have started work it bills). */
export function failedCostFields(record: Pick<GenerationRecord, 'attempts' | 'cancelled'>): CostFields {
  const attempts = record.attempts;
  if (attempts.length === 0 || attempts.every((a) => a.sent === false)) {
    return { costMicros: 0, costSource: 'none', costReason: 'not-sent', costDetail: attempts.length ? 'no provider could be reached' : 'no provider was asked' };
  }
  if (!record.cancelled && attempts.every((a) => a.sent === false || a.status !== null)) {
    return { costMicros: 0, costSource: 'none', costReason: 'failed', costDetail: 'every provider answered with an error before any output and reported no usage' };
  }
  const why = record.cancelled ? 'cancelled before the provider reported usage' : 'the connection ended before the provider reported usage; it may bill the work it started';
  return { costSource: 'none', costReason: 'no-usage', costDetail: why };
}
