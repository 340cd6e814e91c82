import { Money } from '../Money';
import type { ActivityTotals } from './aggregate';
import { fmtInt } from './activity-text';

export function TotalsSummary({ totals }: { totals: ActivityTotals }) {
  return (
    <dl className="activity-totals" aria-label="Totals">
      <div><dt>Requests</dt><dd>{fmtInt(totals.requests)}</dd></div>
      <div><dt>Tokens in</dt><dd>{fmtInt(totals.tokensIn)}</dd></div>
      <div><dt>Tokens out</dt><dd>{fmtInt(totals.tokensOut)}</dd></div>
      <div>
        <dt>Spend</dt>
        <dd title="What OpenRouter billed where it was checked, otherwise Parley's own figure">
          <Money micros={totals.costMicros} />
          {totals.unpriced ? <span className="muted"> + {fmtInt(totals.unpriced)} without a price</span> : null}
        </dd>
      </div>
      {totals.mismatches ? (
        <div className="activity-mismatch"><dt>Billing mismatches</dt><dd>{fmtInt(totals.mismatches)}</dd></div>
      ) : null}
    </dl>
  );
}
