import { create } from 'zustand';
import { EMPTY_SELECTION, isEmptySelection, type ToolSelection } from '../../../shared/tools/tool-selection';

// The tool pick of a new chat not sent yet: its first prompt stores the conversation with it.

export const useDraftTools = create<{ selection: ToolSelection }>(() => ({ selection: EMPTY_SELECTION }));

/** The draft's pick, for the conversation its first prompt creates (undefined when it picks nothing). */
export function draftToolPick(): ToolSelection | undefined {
  const { selection } = useDraftTools.getState();
  return isEmptySelection(selection) ? undefined : selection;
}

/** The draft was stored: the next new chat starts with no tools. */
export function clearDraftTools(): void {
  useDraftTools.setState({ selection: EMPTY_SELECTION });
}
