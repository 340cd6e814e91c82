import { useMemo } from 'react';
import { Lightbulb } from 'lucide-react';
import { newColumn, roomColumns, setColumns } from '../../common/room/column-actions';
import { suggestFor } from '../../common/suggest/suggest';
import { suggestionText } from './suggest-text';
import { useCategoryRecords } from './use-category-records';

/** A quiet hint under the prompt, once typing pauses: the model this user preferred for prompts of this kind, by
 * their own votes, with one click to add it when the room lacks it. Nothing when the votes say nothing yet. */
export function PromptSuggestion({ text, models }: { text: string; models: readonly string[] }) {
  const records = useCategoryRecords();
  const suggestion = useMemo(() => suggestFor(records, text), [records, text]);
  if (!suggestion) return null;
  const inRoom = models.includes(suggestion.model);
  return (
    <p className="prompt-suggestion muted" role="status" aria-label="Suggested model">
      <Lightbulb size={14} aria-hidden="true" /> {suggestionText(suggestion)}
      {inRoom ? null : (
        <>
          {' '}
          <button type="button" className="link" onClick={() => void setColumns([...roomColumns(), newColumn(suggestion.model)])}>
            Add {suggestion.model}
          </button>
        </>
      )}
    </p>
  );
}
