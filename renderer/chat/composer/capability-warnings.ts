import type { ModelSummary } from '../../../shared/contract/models';
import type { ColumnConfig, PendingAttachment } from '../../common/room/types';
import { findModel } from '../../common/models/use-models';

/** Which columns cannot take which attachments, from the catalog's input modalities, and which cannot search the
 * web they were asked to (unknown models pass). */
export function capabilityWarnings(columns: ColumnConfig[], labels: Map<string, string>, attachments: Pick<PendingAttachment, 'kind'>[], models: ModelSummary[]): string[] {
  const needImage = attachments.some((a) => a.kind === 'image');
  const needFile = attachments.some((a) => a.kind === 'pdf');
  const out: string[] = [];
  for (const c of columns) {
    const m = findModel(models, c.model);
    if (!m) continue;
    const label = labels.get(c.id) ?? c.model;
    if (needImage && !m.inputModalities.includes('image')) out.push(`${label} does not accept images`);
    if (c.settings.webSearch?.enabled && m.searchesWeb === false) out.push(`${label}: web search is not available for this model`);
    if (needFile && !m.inputModalities.includes('file')) out.push(`${label} does not read PDFs natively (OpenRouter may parse them to text; other providers will refuse)`);
  }
  return out;
}
