import { classifyPrompt, CATEGORY_LABEL } from '../../../shared/prompts/classify';
import { formatMicros } from '../../../shared/billing/money';
import { readVoteFactsShared } from '../../history/db/vote-facts/shared-read';
import { bestFor, categoryRecords, DEFAULT_SUGGEST_MIN_VOTES, type CategoryRecords } from './suggest';

// "My best": a pseudo-model a column can hold. At send time it becomes, for that prompt, the model this user
// preferred for prompts of its kind (suggest.ts) among those whose answers cost at most the cap on average; the
// answer is stored as that model's, with the reason beside it (ModelSnapshot.chosenBy).

export const MY_BEST = 'parley/my-best';
export const MY_BEST_NAME = 'My best';
/** what one answer may cost on average for a model to be chosen: $0.05 */
export const MY_BEST_COST_CAP_MICROS = 50_000;

export const isMyBest = (slug: string): boolean => slug === MY_BEST;

export type MyBestChoice = { model: string; chosenBy: string } | { error: string };

export function chooseMyBest(records: CategoryRecords, prompt: string, capMicros = MY_BEST_COST_CAP_MICROS): MyBestChoice {
  const category = classifyPrompt(prompt);
  const kind = CATEGORY_LABEL[category].toLowerCase();
  const s = bestFor(records, category, { maxCostPerAnswerMicros: capMicros });
  if (!s) {
    return {
      error: `My best: no model has won ${kind} prompts in ${DEFAULT_SUGGEST_MIN_VOTES} or more of your votes for at most ${formatMicros(capMicros)} an answer yet. Vote on a few ${kind} turns, or pick a model for this column.`,
    };
  }
  const perWin = s.costPerWinMicros !== null ? `, ${formatMicros(s.costPerWinMicros)} per win` : '';
  return { model: s.model, chosenBy: `My best for ${kind} prompts: won ${s.wins} of ${s.votes} of your votes${perWin}` };
}

/** Reads the votes once for a send that has a "My best" column. */
export async function loadMyBestRecords(): Promise<CategoryRecords> {
  return categoryRecords((await readVoteFactsShared()).votes);
}
