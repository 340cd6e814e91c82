import type { CostLineRecord, TokenCounts } from '../../../shared/openrouter/generation';

// "Explain this cost" lists web searches as a priced line when the price list has a per-search price. When it
// has none, the searches still ran and were billed by the provider: say so rather than let them vanish.

export function unpricedSearchNote(tokens: Pick<TokenCounts, 'webSearchRequests'> | null | undefined, lines: CostLineRecord[] | undefined, billedByOpenRouter: boolean): string | null {
  const n = tokens?.webSearchRequests ?? 0;
  if (n <= 0 || lines?.some((l) => l.component === 'web_search')) return null;
  const searches = n === 1 ? '1 web search' : `${n} web searches`;
  return billedByOpenRouter
    ? `${searches} ran; OpenRouter's reported cost includes ${n === 1 ? 'it' : 'them'}, but the price list has no per-search price to show.`
    : `${searches} ran; the price list has no per-search price for this model, so Parley's price leaves ${n === 1 ? 'it' : 'them'} out.`;
}
