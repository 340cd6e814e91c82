import { useEffect, useMemo, useState } from 'react';
import { formatMicros } from '../../../shared/billing/money';
import { useModels } from '../../common/models/use-models';
import type { EstimateRequest, ModelEstimate } from '../../common/money/estimate';
import { useAnswerLengths } from './use-answer-lengths';
import { noteColumnEstimate, toSentEstimate } from '../../common/money/sent-estimates';
import { toolLoopNote } from './tool-loop-note';

const int = new Intl.NumberFormat('en-US');

/** Images and files count by kind, not bytes: drop their data before the request is serialised as a memo key. */
function slim(r: EstimateRequest): EstimateRequest {
  return {
    ...r,
    messages: r.messages.map((m) =>
      Array.isArray(m.content)
        ? ({
            ...m,
            content: m.content.map((p) =>
              p.type === 'image_url' ? { ...p, image_url: { ...p.image_url, url: '' } } : p.type === 'file' ? { ...p, file: { ...p.file, file_data: '' } } : p,
            ),
          } as typeof m)
        : m,
    ),
  };
}

type Estimator = typeof import('../../common/money/estimate');
let loadedEstimator: Estimator | null = null;

/** The tokenizer's tables are ~2 MB: loaded the first time an estimate is shown, not with the app. */
function useEstimator(): Estimator | null {
  const [est, setEst] = useState<Estimator | null>(loadedEstimator);
  useEffect(() => {
    if (est) return;
    let live = true;
    import('../../common/money/estimate').then(
      (m) => {
        loadedEstimator = m;
        if (live) setEst(m);
      },
      (err: Error) => console.error('could not load the token estimator:', err.message),
    );
    return () => {
      live = false;
    };
  }, [est]);
  return est;
}

function withToolNote(request: EstimateRequest | undefined, stepLimit: number | null | undefined): string {
  const note = request ? toolLoopNote(request, stepLimit) : null;
  return note ? ` · ${note}` : '';
}

function costText(e: ModelEstimate): string {
  if (e.free) return 'free';
  if (e.inputCostMicros === undefined) return 'price unknown';
  const input = `≈ ${formatMicros(e.inputCostMicros)} input`;
  const o = e.output;
  if (!o || o.lowMicros === undefined || o.highMicros === undefined) return input;
  const range = o.lowMicros === o.highMicros ? formatMicros(o.highMicros) : `${formatMicros(o.lowMicros)}–${formatMicros(o.highMicros)}`;
  const tokens = o.lowTokens === o.highTokens ? int.format(o.highTokens) : `${int.format(o.lowTokens)}–${int.format(o.highTokens)}`;
  const basis = o.basis === 'history' ? `${tokens} tokens, as in ${o.samples} earlier answers` : `up to max_tokens ${int.format(o.highTokens)}`;
  return `${input} + ${range} output (${basis})`;
}

/**
 * Per selected model: ≈ input tokens and ≈ input cost of the request about to be sent, a range for the answer's
 * cost (max_tokens, or the model's typical answer length in the user's history), and a warning when it does not
 * fit the model's context window. `request` is one request for all models, or a function giving each model (by
 * slug and position) its own — columns keep separate histories. `columnIds` (same order as `models`) lets the
 * answers keep the estimate shown before sending.
 */
export function SendEstimate({ request, models, columnIds, names, toolStepLimits }: {
  request: EstimateRequest | ((model: string, index: number) => EstimateRequest);
  models: string[];
  columnIds?: string[];
  /** shown instead of the models' names (blind mode), by position */
  names?: string[];
  /** by position: the step limit of a column that offers tools, null when it offers none (absent: read from the
   * request's `tools`) */
  toolStepLimits?: (number | null)[];
}) {
  const { models: catalog } = useModels();
  const lengths = useAnswerLengths();
  const estimator = useEstimator();
  // Worked out again only when the caller passes new models or requests (the composer does once typing pauses):
  // in a long room the requests hold thousands of messages, too many to compare by content on every render.
  const pairs = useMemo(() => models.map((m, i): [string, EstimateRequest] => [m, slim(typeof request === 'function' ? request(m, i) : request)]), [models, request]);
  const items = useMemo(() => {
    if (!estimator) return [];
    return pairs.map(([model, req]) => estimator.estimateFor(model, req, catalog, lengths.get(model)));
  }, [pairs, catalog, estimator, lengths]);
  useEffect(() => {
    items.forEach((e, i) => {
      const id = columnIds?.[i];
      if (id) noteColumnEstimate(id, toSentEstimate(e));
    });
  }, [items, columnIds]);
  if (items.length === 0) return null;
  const tooLong = items.filter((e) => e.exceedsContext);
  return (
    <div className="send-estimate" aria-label="Send estimate">
      <ul className="send-estimate-list">
        {items.map((e, i) => (
          <li key={`${e.model}-${i}`} title={`≈ estimate: tokens counted with OpenAI's o200k tokenizer; other model families count somewhat differently.${e.output ? '' : ' The answer is not included: set max_tokens, or send a few prompts to this model to learn its typical answer length.'}${e.priceDetail ? ` No price: ${e.priceDetail}.` : ''}`}>
            <span className="muted">{names?.[i] ?? e.name}:</span> ≈ {int.format(e.tokens)} tokens in
            {e.uncountedParts ? ` + ${e.uncountedParts} file${e.uncountedParts === 1 ? '' : 's'} not counted` : ''} · {costText(e)}
            {withToolNote(pairs[i]?.[1], toolStepLimits?.[i])}
          </li>
        ))}
      </ul>
      {tooLong.length ? (
        <ul className="send-estimate-warnings" role="alert" aria-label="Context window warnings">
          {tooLong.map((e, i) => (
            <li key={`${e.model}-${i}`}>
              ≈ {int.format(e.tokens)} tokens{e.reservedOutput ? ` + ${int.format(e.reservedOutput)} reserved for the answer` : ''} exceed {names?.[items.indexOf(e)] ?? e.name}’s context window of{' '}
              {int.format(e.contextLength ?? 0)} tokens: shorten the conversation or pick a model with a longer context.
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
