import { useRouteValue } from '../../bridge/use-route-value';
import { useRoom } from '../../common/room/room-store';
import type { ColumnConfig } from '../../common/room/types';
import { isEmptySelection } from '../../../shared/tools/tool-selection';
import { DEFAULT_TOOL_STEP_LIMIT } from '../../../shared/tools/step-limit';
import { columnSelection } from './column-selection';
import { useDraftTools } from './draft-tools';

/** For the pre-send estimate, by column: the step limit in Settings → Tools when the column picks tools, null when
 * it picks none. */
export function useToolStepLimits(columns: readonly ColumnConfig[]): (number | null)[] {
  const conversation = useRoom((s) => (s.openId ? s.conversation : null));
  const draft = useDraftTools((s) => s.selection);
  const { value: settings } = useRouteValue('settings.get', {}, 'settings.changed');
  const limit = settings?.toolStepLimit ?? DEFAULT_TOOL_STEP_LIMIT;
  return columns.map((c) => (isEmptySelection(columnSelection(conversation, c, draft)) ? null : limit));
}
