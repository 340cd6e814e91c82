import type { ReactNode } from 'react';
import { formatMicros, formatRate, formatUsdText } from '../../../shared/billing/money';
import { costReasonText, type ShownCost } from '../../../shared/billing/shown-cost';
import { parseDecimal } from '../../../shared/billing/decimal';
import type { CostLineRecord, GenerationRecord } from '../../../shared/openrouter/generation';
import type { MessageRow } from '../../history/db/types';
import { mismatchText, partsText, sourceSentence, type Billing } from '../../common/money/cost-text';
import { repriceSlot } from '../../common/slots/room-slots';

const RepriceButton = repriceSlot.Slot;
import { unpricedSearchNote } from '../web-search/search-cost-note';
import { LoopStepsCost } from './LoopStepsCost';

// "Explain this cost": every billed unit × its price = its amount, what caching saved, where the figure comes
// from (billed / computed from the price list of a date / estimated), the bill when OpenRouter has reconciled it,
// and the estimate shown before sending against what it cost.

const COMPONENT: Record<string, string> = {
  input: 'Input tokens',
  cache_read: 'Cache reads',
  cache_write_5m: 'Cache writes (5 minutes)',
  cache_write_1h: 'Cache writes (1 hour)',
  audio_input: 'Audio input tokens',
  image_input: 'Image input tokens',
  output: 'Output tokens',
  reasoning: 'Reasoning tokens',
  audio_output: 'Audio output tokens',
  image_output: 'Image output tokens',
  request: 'Request fee',
  image: 'Input images',
  web_search: 'Web searches',
};

const int = new Intl.NumberFormat('en-US');

function lineAmount(l: CostLineRecord): string {
  const rate = parseDecimal(l.rateMicrosPerUnit);
  const nonzero = l.units > 0 && rate !== undefined && rate.n > 0n;
  return formatMicros(l.micros, { belowMicro: nonzero });
}

function Lines({ lines, total }: { lines: CostLineRecord[]; total: string }) {
  return (
    <table className="cost-lines" aria-label="Billed units">
      <tbody>
        {lines.map((l) => (
          <tr key={l.component}>
            <th scope="row">{COMPONENT[l.component] ?? l.component}</th>
            <td>
              {int.format(l.units)} × {formatRate(l.rateMicrosPerUnit, l.unit)}
            </td>
            <td className="num">= {lineAmount(l)}</td>
          </tr>
        ))}
        <tr className="total">
          <th scope="row">Parley&rsquo;s price</th>
          <td />
          <td className="num">{total}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** More tokens went in than were counted before sending: the provider may add a system prompt of its own. */
function hiddenPromptNote(estimated: number, actual: number): string | null {
  return actual > estimated * 1.5 + 50
    ? `The provider counted ${int.format(actual)} input tokens against about ${int.format(estimated)} estimated: a system prompt the provider adds, or a tokenizer that counts differently, would explain it.`
    : null;
}

export function ExplainCost({ id, row, record, billing, shown }: {
  id: string;
  row: MessageRow;
  record: GenerationRecord | null;
  billing: Billing | null;
  shown: ShownCost;
}) {
  const cost = row.cost;
  const t = row.tokens;
  const lines = cost?.costLines ?? record?.costLines;
  const listDate = cost?.pricingSnapshot?.listDate ?? record?.pricingSnapshot?.listDate;
  const computed = cost?.computedCostMicros;
  const computedText = computed !== undefined ? (cost?.computedCostUsd ? formatUsdText(cost.computedCostUsd) : formatMicros(computed)) : null;
  const items: ReactNode[] = [];
  const add = (key: string, node: ReactNode) => items.push(<p key={key}>{node}</p>);

  add('source', sourceSentence(shown, { reconciled: billing !== null, listDate }));
  if (shown.reason && shown.micros !== undefined && shown.reason !== 'not-sent' && shown.reason !== 'failed') add('reason', `Note: ${costReasonText(shown.reason)}.`);
  const detail = cost?.costDetail ?? record?.costDetail;
  if (detail) add('detail', `${detail[0]!.toUpperCase()}${detail.slice(1)}.`);
  if (cost?.reportedCostUsd !== undefined) {
    add('reported', cost.isByok && cost.upstreamCostMicros !== undefined
      ? `OpenRouter reported its BYOK fee, ${formatUsdText(cost.reportedCostUsd)}, and the provider's charge, ${formatMicros(cost.upstreamCostMicros)}.`
      : `OpenRouter reported ${formatUsdText(cost.reportedCostUsd)} with the answer.`);
  }
  const searchNote = unpricedSearchNote(t, lines, cost?.reportedCostUsd !== undefined);
  if (searchNote) add('searches', searchNote);
  const parts = partsText(shown);
  if (parts && shown.micros !== undefined) add('parts', `You pay ${parts} = ${formatMicros(shown.micros)}: the provider bills your key, OpenRouter takes its fee from your credits.`);
  if (billing) {
    const byok = billing.feeMicros !== undefined;
    const mismatch = billing.mismatch ? mismatchText(computed, billing.comparedMicros ?? billing.billedMicros, byok) : null;
    add('billed', mismatch ?? `OpenRouter's record agrees: ${formatMicros(billing.billedMicros)}.`);
    if (billing.causes?.length) {
      items.push(
        <div key="causes">
          <p>Likely causes:</p>
          <ul className="cost-causes">
            {billing.causes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>,
      );
    }
  }
  if (lines?.length && computedText) items.splice(1, 0, <Lines key="lines" lines={lines} total={computedText} />);
  const savings = cost?.cacheSavingsMicros;
  if (savings !== undefined && savings !== 0) {
    add('cache', savings > 0 ? `Prompt caching saved ${formatMicros(savings)} against plain input.` : `Cache writes cost ${formatMicros(-savings)} more than plain input; later reads of the cache save it back.`);
  }
  const e = cost?.estimate;
  if (e) {
    const input = e.inputMicros !== undefined ? ` ≈ ${formatMicros(e.inputMicros)} input` : '';
    const output = e.outputLowMicros !== undefined && e.outputHighMicros !== undefined ? ` + ${formatMicros(e.outputLowMicros)}–${formatMicros(e.outputHighMicros)} output` : '';
    const actual = shown.micros !== undefined ? `; it cost ${formatMicros(shown.micros, { belowMicro: shown.belowMicro === true })}` : '';
    const tokens = t ? ` (${int.format(t.prompt)} in, ${int.format(t.completion)} out)` : '';
    add('estimate', `Estimated before sending: ≈ ${int.format(e.inputTokens)} tokens in,${input}${output}${actual}${tokens}.`);
    const hidden = t && !t.estimated ? hiddenPromptNote(e.inputTokens, t.prompt) : null;
    if (hidden) add('hidden', hidden);
  }
  const attempts = record?.attempts ?? [];
  if (attempts.length > 1) add('attempts', `Attempts: ${attempts.map((a) => `${a.provider} ${a.status ?? a.errorType ?? '?'}`).join(' → ')}.`);
  if (record?.isByok && !parts) add('byok', 'Sent with your own provider key (BYOK): the provider bills you directly.');

  return (
    <div id={id} className="explain-cost" role="region" aria-label="How this cost was worked out">
      {items}
      <LoopStepsCost row={row} />
      {row.generationId ? <RepriceButton generationIds={[row.generationId]} what="this answer" label="On other models…" /> : null}
    </div>
  );
}
