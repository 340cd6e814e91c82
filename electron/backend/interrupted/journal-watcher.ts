import { estimateRequestTokens } from '../../../shared/billing/estimate-tokens';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { isLocalServer, type PricingHooks, type RequestWatcher } from '../../engine';
import type { GenerationJournal } from '../generation-journal';
import type { ServedFacts } from './interrupted-record';
import { createRelayedTokens } from './relayed-tokens';

/** Journals a request as it starts and while it runs — its prompt's tokens, the endpoint serving it with that
 * endpoint's price, and the tokens relayed so far (throttled) — so that a kill leaves a priced ledger record. */
export function journalWatcher(
  journal: GenerationJournal,
  record: GenerationRecord,
  req: ChatRequest,
  prices: Pick<PricingHooks, 'pricingOf' | 'priceSnapshot'>,
): RequestWatcher {
  const { id, createdAt, requestedModel, source, streamed, appKeyId } = record;
  journal.started({ id, createdAt, requestedModel, source, streamed, ...(appKeyId !== undefined ? { appKeyId } : {}) });
  const counter = createRelayedTokens((tokens) => journal.progress(id, tokens));
  return {
    serving({ model, provider, endpoint }) {
      // Off the first chunk's path: counting the prompt's tokens, pricing the endpoint and writing the journal take
      // longer than relaying that chunk, and only a kill within this tick would miss them.
      setImmediate(() => {
        const u = endpoint.upstream;
        const served: ServedFacts = { model, provider, upstreamId: u.id, upstreamKind: u.kind, isByok: u.isByok, promptTokens: estimateRequestTokens(req).tokens };
        if (isLocalServer(u)) served.free = true;
        else {
          const pricing = prices.pricingOf(endpoint.modelSlug, u, endpoint.variants);
          if (pricing) served.pricing = pricing;
          const snapshot = prices.priceSnapshot(model, u, endpoint.variants);
          if (snapshot) served.pricingSnapshot = snapshot;
        }
        journal.serving(id, served);
      });
    },
    relayed: (text) => counter.relayed(text),
  };
}
