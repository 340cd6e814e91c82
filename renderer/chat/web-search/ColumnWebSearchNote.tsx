import { Globe } from 'lucide-react';
import type { ColumnConfig } from '../../history/db/types';
import { findModel, useModels } from '../../common/models/use-models';
import './web-search.css';

/** Under a column's name while its web search is on: that it is on, or that this model cannot search with the
 * keys configured (then a send would be refused with the same words). Mounted only when web search is on. */
export function ColumnWebSearchNote({ column }: { column: ColumnConfig }) {
  const { models } = useModels();
  const cannot = findModel(models, column.model)?.searchesWeb === false;
  return cannot ? (
    <span className="column-web-search column-web-search-off" role="note">
      Web search: not available for this model
    </span>
  ) : (
    <span className="column-web-search muted">
      <Globe aria-hidden="true" size={12} /> Web search on
    </span>
  );
}
