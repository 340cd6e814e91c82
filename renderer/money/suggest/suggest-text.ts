import { formatMicros } from '../../../shared/billing/money';
import { CATEGORY_LABEL } from '../../../shared/prompts/classify';
import type { Suggestion } from '../../common/suggest/suggest';

export function suggestionText(s: Suggestion): string {
  const cost = s.costPerWinMicros !== null ? `, ${formatMicros(s.costPerWinMicros)} per win` : '';
  return `For ${CATEGORY_LABEL[s.category].toLowerCase()} prompts like this you preferred ${s.model} (won ${s.wins} of ${s.votes}${cost})`;
}
