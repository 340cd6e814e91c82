import { useModels } from '../../../common/models/use-models';
import { CatalogAge } from '../../../common/models/CatalogAge';

/** Settings → Models: the price list the picker, the estimates and Parley's prices come from, and its refresh. */
export function ModelsSection() {
  const { models, source, fetchedAt, reload, error } = useModels();
  return (
    <section aria-labelledby="models-heading">
      <h2 id="models-heading">Models</h2>
      <p className="muted">Model names, context sizes and prices come from OpenRouter’s catalog, with a bundled copy for when it cannot be reached.</p>
      {error ? <p role="alert" className="error">{error}</p> : null}
      {source ? <p>{models.length.toLocaleString('en-US')} models in the catalog.</p> : null}
      {source ? <CatalogAge source={source} fetchedAt={fetchedAt} onRefreshed={reload} /> : null}
    </section>
  );
}
