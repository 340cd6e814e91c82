import type { ModelList } from '../../../shared/contract/models';
import type { AccountService } from '../account-service';
import type { CatalogService } from '../catalog-service';
import type { GenerationJournal } from '../generation-journal';
import type { RouteGroup } from './route-group';

export interface MoneyRouteDeps {
  listModels: () => ModelList;
  catalog: CatalogService;
  account: AccountService;
  journal: GenerationJournal;
}

/** The model list with its prices, the OpenRouter account, and the ledger of generations. */
export function moneyRouteHandlers(d: MoneyRouteDeps): RouteGroup<'models' | 'account' | 'generations'> {
  return {
    'models.list': () => d.listModels(),
    'models.refresh': () => d.catalog.refresh(),
    'account.summary': () => d.account.summary(),
    'account.refresh': () => d.account.refresh(),
    'generations.since': ({ afterSeq, limit }) => d.journal.since(afterSeq, limit),
  };
}
