import { EMPTY_SELECTION, selectionFor, type ToolSelection } from '../../../shared/tools/tool-selection';
import type { ColumnConfig, Conversation } from '../../common/room/types';

/** What a column offers: its own pick, or the room's (the draft's before the first prompt). */
export function columnSelection(conv: Pick<Conversation, 'tools'> | null, column: ColumnConfig, draft = EMPTY_SELECTION): ToolSelection {
  return selectionFor(conv ? (conv.tools ?? EMPTY_SELECTION) : draft, column.settings.tools);
}

/** How many tools or whole servers a pick names (the room bar's badge). */
export function selectionCount(sel: ToolSelection): number {
  return sel.servers.length + sel.tools.length;
}
