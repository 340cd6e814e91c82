import { Wrench } from 'lucide-react';
import { useRouteValue } from '../../bridge/use-route-value';
import { columnToolNotice, isEmptySelection, resolveOfferedTools } from '../../../shared/tools/tool-selection';
import { findModel, useModels } from '../../common/models/use-models';
import type { ColumnConfig } from '../../common/room/types';
import { columnSelection } from './column-selection';
import { useRoomToolSelection } from './room-tools';
import { toolSupportOf } from './offer-tools';
import './tools-room.css';

/** Under a column's name when it offers tools: that they are on, or that this model can't use them. */
export function ColumnToolNote({ column }: { column: ColumnConfig }) {
  const room = useRoomToolSelection();
  const sel = columnSelection({ tools: room }, column);
  const { value: servers } = useRouteValue('mcp.list', {}, 'mcp.changed');
  const { models } = useModels();
  if (isEmptySelection(sel)) return null;
  const offered = resolveOfferedTools(sel, servers ?? []);
  const notice = columnToolNotice(offered, toolSupportOf(findModel(models, column.model)));
  return notice ? (
    <span className="column-tools-note column-tools-off" role="note">{notice}</span>
  ) : (
    <span className="column-tools-note muted">
      <Wrench aria-hidden="true" size={12} /> Tools on
    </span>
  );
}
