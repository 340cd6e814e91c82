import './context-meter.css';
import type { ColumnConfig, MessageRow } from '../../common/room/types';
import { useRoom } from '../../common/room/room-store';
import { useModels } from '../../common/models/use-models';
import { modelForPricing } from '../../common/money/model-pricing';
import { setContextOverflow } from '../../history/db/context-marks';
import { setConversationInMemory } from '../../common/room/room-store';
import { useContextCount } from './use-context-count';
import { DEFAULT_OVERFLOW, WARN_RATIO, promptLimit, type OverflowChoice } from './overflow-rule';
import { meterText } from './meter-text';

/** A column's next request against its model's window: a bar, the figure on hover and focus, and (once it nears
 * the window) the room's choice for when it is full. */
export function ContextMeter({ column, label, history }: { column: ColumnConfig; label: string; history: MessageRow[] }) {
  const { models } = useModels();
  const conversation = useRoom((s) => s.conversation);
  const choice: OverflowChoice = conversation?.contextOverflow ?? DEFAULT_OVERFLOW;
  const { systemPrompt, maxTokens } = column.settings;
  const tokens = useContextCount(column.model, systemPrompt, history)?.total ?? null;
  const window = modelForPricing(models, column.model).model?.contextLength ?? null;
  const limit = promptLimit(window, maxTokens);
  const ratio = limit && tokens !== null ? tokens / limit : 0;
  const level = ratio > 1 ? 'full' : ratio >= WARN_RATIO ? 'warn' : 'ok';
  const text = tokens === null ? 'Next prompt: counting its tokens…' : meterText(column.id, history, tokens, limit, choice);
  return (
    <div className={`context-meter context-${level}`}>
      <div
        className="context-bar"
        role="meter"
        tabIndex={0}
        aria-label={`Context of ${label}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={tokens === null ? undefined : Math.min(100, Math.round(ratio * 100))}
        aria-valuetext={text}
        title={text}
      >
        <span className="context-fill" style={{ width: `${Math.min(100, ratio * 100)}%` }} />
        <span className="context-tip" role="tooltip">{text}</span>
      </div>
      {level !== 'ok' && conversation ? (
        <label className="context-choice">
          <span>When full</span>
          <select
            aria-label={`When the context of ${label} is full`}
            value={choice}
            onChange={(e) => void setContextOverflow(conversation.id, e.target.value as OverflowChoice).then(setConversationInMemory)}
          >
            <option value="stop">Stop and explain</option>
            <option value="drop-oldest">Drop oldest turns</option>
          </select>
        </label>
      ) : null}
    </div>
  );
}
