import { useMemo, useState } from 'react';
import { calculateByokFees, type ByokComparison, type ByokFeeReport, type ByokFeeSettings, type Figure } from '../../../shared/billing/byok-fees';
import { formatMicros } from '../../../shared/billing/money';
import { useLedgerRows, useLedgerSetting } from '../../common/ledger/use-ledger';
import { splitVeiledRecords, veiledStreaming } from '../../common/room/blind-veil';
import { useAllStreamingIds, useVeil } from '../../common/room/use-veil';
import { useModels } from '../../common/models/use-models';
import { modelForPricing } from '../../common/money/model-pricing';
import { byokTrafficOf, type TrafficKind } from './byok-traffic';
import { FEE_SETTINGS_KEY, resolveFeeSettings } from './fee-settings';

// What this month's real traffic — direct with the user's keys, with the keys through OpenRouter, and on credits —
// would cost each of the three ways (shared/billing calculateByokFees), month to date and projected to the end of
// the (UTC) month, with how much of the fee-free BYOK allowance is used. Every figure's formula is its tooltip and
// is listed below the table.

const KIND_TEXT: Record<TrafficKind, string> = {
  direct: 'straight to providers with your keys',
  byokOpenRouter: 'with your keys through OpenRouter',
  credits: 'on OpenRouter credits',
};

const LINES: { key: keyof Omit<ByokComparison, 'traffic'>; label: string }[] = [
  { key: 'direct', label: '(a) Directly with your provider keys' },
  { key: 'openRouterByok', label: '(b) Through OpenRouter with your keys (BYOK)' },
  { key: 'openRouterByokFee', label: '— of which OpenRouter’s BYOK fee' },
  { key: 'creditsCard', label: '(c) On OpenRouter credits bought by card' },
  { key: 'creditsCrypto', label: '(c) On OpenRouter credits bought with crypto' },
];

function FigureCell({ figure, id }: { figure: Figure; id: string }) {
  return (
    <td>
      <span className="fee-figure" title={figure.formula} tabIndex={0} aria-describedby={id} data-testid={id}>
        {formatMicros(figure.micros)}
      </span>
    </td>
  );
}

function allowanceText(r: ByokFeeReport): string {
  const a = r.allowance;
  if (a.kind === 'none') return 'No free allowance: the fee applies to all BYOK usage.';
  if (a.kind === 'list-price') return `Free allowance: the first ${formatMicros(a.micros)} of list-price BYOK usage each month.`;
  return `Free allowance: the first ${a.count.toLocaleString('en-US')} BYOK requests each month.`;
}

function allowanceUsedText(r: ByokFeeReport, usedMicros: number, byokRequests: number): string {
  const a = r.allowance;
  if (a.kind === 'list-price') return `Fee-free allowance used: ${formatMicros(usedMicros)} of ${formatMicros(a.micros)} list-price BYOK usage.`;
  if (a.kind === 'requests') return `Fee-free allowance used: ${byokRequests.toLocaleString('en-US')} of ${a.count.toLocaleString('en-US')} BYOK requests.`;
  return 'No fee-free allowance.';
}

export function ByokFeePanel({ now: fixedNow }: { now?: number }) {
  const [openedAt] = useState(() => Date.now());
  const now = fixedNow ?? openedAt;
  const d = new Date(now);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const { rows: allRows, loaded } = useLedgerRows({ from: monthStart });
  const veil = useVeil();
  const blindStreaming = veiledStreaming(veil, useAllStreamingIds());
  const rows = useMemo(() => splitVeiledRecords(veil, allRows, blindStreaming).shown, [veil, allRows, blindStreaming]);
  const { models } = useModels();
  const { value: stored } = useLedgerSetting<Partial<ByokFeeSettings>>(FEE_SETTINGS_KEY);
  const settings = resolveFeeSettings(stored);

  const summary = useMemo(
    () => byokTrafficOf(rows.filter((r) => r.createdAt <= now), (slug) => modelForPricing(models, slug).pricing),
    [rows, models, now],
  );
  const { traffic, skipped } = summary;
  const report = calculateByokFees(traffic, now, settings);
  const skippedText = [
    skipped.free ? `${skipped.free} free (local servers, free models)` : '',
    skipped.noProviderCost ? `${skipped.noProviderCost} without a provider cost` : '',
    skipped.noListPrice ? `${skipped.noListPrice} without an OpenRouter list price` : '',
  ].filter(Boolean);

  return (
    <section className="byok-fees" aria-labelledby="byok-fees-heading">
      <h2 id="byok-fees-heading">BYOK fee calculator</h2>
      <p className="muted" aria-label="This month's traffic">
        {loaded ? `${traffic.requests} priced request${traffic.requests === 1 ? '' : 's'} this month (UTC)` : 'Reading the ledger…'}
        {loaded && traffic.requests
          ? `: ${(Object.keys(KIND_TEXT) as TrafficKind[])
              .filter((k) => summary.byKind[k].requests > 0)
              .map((k) => `${summary.byKind[k].requests} ${KIND_TEXT[k]} (${formatMicros(summary.byKind[k].paidMicros)} paid)`)
              .join(', ')}`
          : ''}
        {loaded ? `; ${formatMicros(traffic.providerCostMicros)} at the providers’ prices, ${formatMicros(traffic.listPriceMicros)} at OpenRouter’s list price.` : ''}
        {skippedText.length ? ` Not compared: ${skippedText.join(', ')}.` : ''}
      </p>
      <p className="muted" aria-label="BYOK allowance">
        {allowanceUsedText(report, summary.allowanceUsedMicros, summary.byKind.byokOpenRouter.requests)} OpenRouter BYOK fees charged this month:{' '}
        {formatMicros(summary.feesPaidMicros)}.
      </p>
      <table className="activity-table" aria-label="BYOK cost comparison">
        <thead>
          <tr>
            <th scope="col">Way to pay</th>
            <th scope="col">Month to date</th>
            <th scope="col">Projected to month end</th>
          </tr>
        </thead>
        <tbody>
          {LINES.map((l) => (
            <tr key={l.key}>
              <th scope="row">{l.label}</th>
              <FigureCell figure={report.monthToDate[l.key]} id={`fee-mtd-${l.key}`} />
              <FigureCell figure={report.projected[l.key]} id={`fee-proj-${l.key}`} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {allowanceText(report)} Projection: {report.projectionFormula}
      </p>
      <details>
        <summary>How these figures are computed</summary>
        <ul className="fee-formulas">
          {LINES.flatMap((l) => [
            <li key={`m-${l.key}`} id={`fee-mtd-${l.key}`}>{l.label}, month to date: {report.monthToDate[l.key].formula}</li>,
            <li key={`p-${l.key}`} id={`fee-proj-${l.key}`}>{l.label}, projected: {report.projected[l.key].formula}</li>,
          ])}
        </ul>
        <p className="muted">
          List prices come from the model catalog, each request at its own tokens: cached tokens at the cache prices, reasoning and
          web searches where they are billed apart. Requests paid with credits are valued at the list price the providers charge
          directly too, since OpenRouter passes providers’ list prices through without markup.
        </p>
      </details>
    </section>
  );
}
