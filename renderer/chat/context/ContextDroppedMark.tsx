import { useRoom } from '../../common/room/room-store';
import './context-meter.css';
import type { MessageRow } from '../../common/room/types';

/** On a prompt a column's last request left out: "Not sent to <model>: context full". */
export function ContextDroppedMark({ row }: { row: Pick<MessageRow, 'id' | 'seq'> }) {
  const marks = useRoom((s) => s.conversation?.contextDropped);
  const blind = useRoom((s) => s.conversation?.blind);
  const messages = useRoom((s) => s.messages);
  if (!marks) return null;
  const models = Object.values(marks)
    .filter((m) => {
      const kept = messages.get(m.keptFromId);
      return kept !== undefined && row.seq < kept.seq;
    })
    .map((m) => m.model);
  if (models.length === 0) return null;
  const who = blind ? `${models.length} ${models.length === 1 ? 'column' : 'columns'}` : [...new Set(models)].join(', ');
  return <p className="context-dropped">Not sent to {who}: context full</p>;
}
