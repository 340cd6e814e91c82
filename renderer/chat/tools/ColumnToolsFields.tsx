import type { ColumnTools } from '../../../shared/tools/tool-selection';
import { EMPTY_SELECTION } from '../../../shared/tools/tool-selection';
import { ToolSelectionPicker } from './ToolSelectionPicker';
import './tools-room.css';

/** Column settings → Tools: follow the room's pick, or this column's own. */
export function ColumnToolsFields({ value, onChange }: { value: ColumnTools | undefined; onChange: (next: ColumnTools | undefined) => void }) {
  const own = !!value && !('followRoom' in value);
  return (
    <fieldset className="column-tools">
      <legend>Tools</legend>
      <label>
        <input type="radio" name="column-tools" checked={!own} onChange={() => onChange(undefined)} /> Same as the room
      </label>
      <label>
        <input type="radio" name="column-tools" checked={own} onChange={() => onChange({ ...EMPTY_SELECTION })} /> Its own
      </label>
      {own ? <ToolSelectionPicker value={value} onChange={onChange} /> : null}
    </fieldset>
  );
}
