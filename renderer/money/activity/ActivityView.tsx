import { useMemo, useState } from 'react';
import { useLedgerRows } from '../../common/ledger/use-ledger';
import { useRouteValue } from '../../bridge/use-route-value';
import { ByokFeePanel } from '../fees/ByokFeePanel';
import { ForecastPanel } from '../forecast/ForecastPanel';
import { RepriceButton } from '../reprice/RepriceButton';
import { dailySeries, dayRange, filterOptions, filterRows, groupRows, NO_FILTERS, totalsOf, type ActivityFilters, type GroupBy } from './aggregate';
import { downloadCsv, ledgerToCsv } from './csv';
import { ActivityFiltersBar } from './ActivityFiltersBar';
import { TotalsSummary } from './TotalsSummary';
import { DailyChart } from './DailyChart';
import { GroupTable } from './GroupTable';
import { RequestsTable } from './RequestsTable';
import { CatalogAge } from '../../common/models/CatalogAge';
import { useModels } from '../../common/models/use-models';

/** How old today's price list is (new answers are priced with it; old ones keep theirs). */
function PriceListAge() {
  const { source, fetchedAt, reload } = useModels();
  return source ? <CatalogAge source={source} fetchedAt={fetchedAt} onRefreshed={reload} /> : null;
}
import { useRoom } from '../../common/room/room-store';
import { BLIND_NOTICE, splitVeiledRecords, veiledStreaming } from '../../common/room/blind-veil';
import { useAllStreamingIds, useVeil } from '../../common/room/use-veil';

// The local usage ledger, like OpenRouter's Activity page: filters, totals, spend per day, groupings, each
// request (linked to its answer), CSV export, and the BYOK fee calculator.

export function ActivityView({ onOpenMessage, now }: { onOpenMessage: (conversationId: string, messageId: string) => void; now?: number }) {
  const [filters, setFilters] = useState<ActivityFilters>(NO_FILTERS);
  const [by, setBy] = useState<GroupBy>('day');
  const { from, to } = dayRange(filters);
  const { rows: allRows, loaded, error } = useLedgerRows({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  const { value: keys } = useRouteValue('keys.list', {}, 'keys.changed');
  const keyLabels = useMemo(() => new Map((keys ?? []).map((k) => [k.id, k.label])), [keys]);
  const keyLabel = (id: string) => (id === 'none' ? 'no key' : (keyLabels.get(id) ?? id));
  const { value: account } = useRouteValue('account.summary', {}, 'account.changed');
  const { value: appKeys } = useRouteValue('apiKeys.list', {}, 'apiKeys.changed');
  const appKeyLabels = useMemo(() => new Map((appKeys ?? []).map((k) => [k.id, k.label])), [appKeys]);
  const appKeyLabel = (id: string) => appKeyLabels.get(id) ?? `${id} (deleted)`;
  const conversations = useRoom((s) => s.conversations);
  const titles = useMemo(() => new Map(conversations.map((c) => [c.id, c.title || 'New chat'])), [conversations]);
  const conversationLabel = (id: string) =>
    id === 'local-api' ? 'Other apps (local API)' : id === 'none' ? 'Not linked to a conversation' : (titles.get(id) ?? 'Deleted conversation');

  // answers of blind turns not voted on yet stay out of every figure here (a model's total would name its answer)
  const veil = useVeil();
  const blindStreaming = veiledStreaming(veil, useAllStreamingIds());
  const { shown: rows, veiled } = useMemo(() => splitVeiledRecords(veil, allRows, blindStreaming), [veil, allRows, blindStreaming]);
  const options = useMemo(() => filterOptions(rows), [rows]);
  const shown = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const totals = useMemo(() => totalsOf(shown), [shown]);
  const groups = useMemo(() => groupRows(shown, by), [shown, by]);
  const series = useMemo(() => dailySeries(shown, from !== undefined && to !== undefined ? { from, to } : {}), [shown, from, to]);

  return (
    <section className="activity" aria-labelledby="activity-heading">
      <div className="activity-bar">
        <h1 id="activity-heading">Activity</h1>
        <button
          type="button"
          onClick={() => downloadCsv(ledgerToCsv(shown), `parley-activity-${new Date().toISOString().slice(0, 10)}.csv`)}
          disabled={shown.length === 0}
        >
          Export CSV
        </button>
        {shown.length ? <RepriceButton rows={shown} what="these requests" label="What would these have cost?" /> : null}
      </div>
      <p className="muted">
        Every request Parley made or relayed for other apps through the local API, as recorded on this device. Spend is what was billed where it is
        known (OpenRouter&rsquo;s figures), otherwise Parley&rsquo;s price from the price list each request was priced with; the same figure every answer shows.
      </p>
      <PriceListAge />
      <ActivityFiltersBar filters={filters} options={options} keyLabel={keyLabel} appKeyLabel={appKeyLabel} onChange={setFilters} />
      {error ? <p className="error" role="alert">Could not read the usage ledger: {error}</p> : null}
      {loaded && allRows.length === 0 && !error ? <p className="empty-state">No requests recorded yet.</p> : null}
      {veiled ? (
        <p className="muted activity-veiled" role="note">
          {veiled === 1 ? '1 request is' : `${veiled} requests are`} not shown here nor in the CSV: {BLIND_NOTICE}.
        </p>
      ) : null}
      <TotalsSummary totals={totals} />
      <ForecastPanel account={account} held={blindStreaming} {...(now !== undefined ? { now } : {})} />
      <DailyChart series={series} />
      <div className="activity-grouping">
        <label>
          Group by{' '}
          <select aria-label="Group by" value={by} onChange={(e) => setBy(e.target.value as GroupBy)}>
            <option value="day">Day</option>
            <option value="model">Model</option>
            <option value="provider">Provider</option>
            <option value="key">Key</option>
            <option value="conversation">Conversation</option>
          </select>
        </label>
      </div>
      <GroupTable groups={groups} by={by} label={by === 'key' ? keyLabel : by === 'conversation' ? conversationLabel : (k) => k} />
      <h2>Requests</h2>
      <RequestsTable rows={shown} keyLabel={keyLabel} onOpenMessage={onOpenMessage} />
      <ByokFeePanel {...(now !== undefined ? { now } : {})} />
    </section>
  );
}
