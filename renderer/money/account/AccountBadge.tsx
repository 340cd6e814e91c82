import { useEffect, useMemo, useState } from 'react';
import type { AccountSummary } from '../../../shared/contract/account';
import { bridge } from '../../bridge';
import { useLedgerRows } from '../../common/ledger/use-ledger';
import { useRouteValue } from '../../bridge/use-route-value';
import type { LedgerRow } from '../../history/db/ledger-types';
import { BLIND_NOTICE, rerunPrompts, veiledStreaming } from '../../common/room/blind-veil';
import { useAllStreamingIds, useVeil } from '../../common/room/use-veil';
import { useHeldWhile } from './use-held-while';
import { useForecast } from '../forecast/use-forecast';
import { useForecastNoticeDays } from '../forecast/notice-setting';
import { daysText, runOutText } from '../forecast/forecast-text';
import { balanceNote, balanceText, errorHeadline, freeLimitsOf, freeLimitsText, usageLines } from './account-text';

// The OpenRouter balance in the header: what can still be spent (the lower of the balance and the key's limit).
// It asks OpenRouter when the window opens (unless main checked within the last minute), every few minutes while
// the window is visible, and on Refresh; it follows account.changed (main re-checks after every OpenRouter answer
// and whenever keys change). Usage by period is in the hover card; free-model limits appear once a ":free" model
// was used. While an answer of a blind turn not voted on yet streams, the badge keeps the figures it had when that
// turn began (each drop would be one hidden answer's cost, seen as that answer finishes) and asks again once every
// answer of it is done; after one answer of such a turn is regenerated alone, it keeps them until the vote.

const WEEK_MS = 7 * 86_400_000;
/** A figure younger than this is not asked again when a window opens. */
export const BALANCE_FRESH_MS = 60_000;
/** How often a visible window re-checks. */
export const BALANCE_RECHECK_MS = 5 * 60_000;
const isFreeRow = (r: LedgerRow) => r.upstreamKind === 'openrouter' && [r.requestedModel, r.model ?? ''].some((m) => m.split(':').slice(1).includes('free'));

function useFreeUsage(): { used: boolean; today: number } {
  const [since] = useState(() => Date.now() - WEEK_MS);
  const { rows } = useLedgerRows({ from: since });
  return useMemo(() => {
    const now = new Date();
    const utcDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const free = rows.filter(isFreeRow);
    return { used: free.length > 0, today: free.filter((r) => r.createdAt >= utcDay).length };
  }, [rows]);
}

/** A check that ended before the one shown (events may arrive out of order) says nothing new. */
const newer = (shown: AccountSummary | null, next: AccountSummary): AccountSummary =>
  shown?.checkedAt && next.checkedAt !== null && next.checkedAt < shown.checkedAt ? shown : next;

/** Whether the balance must hold still: an answer of a blind turn not voted on yet is streaming (in any room), or
 * one answer of such a turn was re-run alone here (its cost would be the whole drop) and the turn awaits its vote. */
function useBlindHold(): { held: boolean; untilVote: boolean } {
  const veil = useVeil();
  const streaming = useAllStreamingIds();
  const [rerun, setRerun] = useState<readonly string[]>([]);
  const added = rerunPrompts(veil, streaming).filter((p) => !rerun.includes(p));
  if (added.length) setRerun([...rerun, ...added]);
  const untilVote = [...rerun, ...added].some((p) => veil.prompts.has(p));
  return { held: untilVote || veiledStreaming(veil, streaming), untilVote };
}

export function AccountBadge() {
  const [latestSummary, setSummary] = useState<AccountSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { held: blindStreaming, untilVote } = useBlindHold();
  // once the blind turn's last answer is done, the figures stay held until the check made for all of them returns
  const [releasing, setReleasing] = useState(false);
  const [wasStreaming, setWasStreaming] = useState(false);
  if (wasStreaming !== blindStreaming) {
    setWasStreaming(blindStreaming);
    if (!blindStreaming) setReleasing(true);
  }
  // (this very render too: the state set above is only seen by the next one)
  const held = blindStreaming || releasing || wasStreaming;
  const summary = useHeldWhile(latestSummary, held);
  const free = useHeldWhile(useFreeUsage(), held);
  const { value: keys } = useRouteValue('keys.list', {}, 'keys.changed');
  const forecast = useHeldWhile(useForecast(7, summary), held);
  const [noticeDays] = useForecastNoticeDays();
  const hasKey = summary?.configured === true || (keys ?? []).some((k) => k.kind === 'openrouter');

  useEffect(() => {
    let live = true;
    let latest: AccountSummary | null = null;
    const stale = (s: AccountSummary | null, ms: number) => !!s?.configured && (s.checkedAt === null || Date.now() - s.checkedAt > ms);
    const quietRefresh = () =>
      bridge()
        .invoke('account.refresh', {})
        .then((s) => live && setSummary((latest = s)))
        .catch(() => {}); // the header keeps what it had; Refresh says why
    bridge()
      .invoke('account.summary', {})
      .then(
        (s) => {
          if (!live) return;
          setSummary((latest = s));
          if (stale(s, BALANCE_FRESH_MS)) void quietRefresh();
        },
        (err: Error) => live && setProblem(`Could not read the OpenRouter balance: ${err.message}`),
      );
    const off = bridge().on('account.changed', (s) => {
      latest = s;
      setSummary((prev) => newer(prev, s));
      setProblem(null);
    });
    const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
    const timer = setInterval(() => {
      if (visible() && latest?.configured) void quietRefresh();
    }, BALANCE_RECHECK_MS);
    const onVisible = () => {
      if (visible() && stale(latest, BALANCE_RECHECK_MS)) void quietRefresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      off();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  useEffect(() => {
    if (!releasing) return;
    let live = true;
    bridge()
      .invoke('account.refresh', {})
      .then((s) => live && setSummary((prev) => newer(prev, s)))
      .catch(() => {}) // the header shows what it last learned; Refresh says why
      .finally(() => live && setReleasing(false));
    return () => {
      live = false;
    };
  }, [releasing]);

  async function refresh() {
    setBusy(true);
    setProblem(null);
    try {
      setSummary(await bridge().invoke('account.refresh', {}));
    } catch (err) {
      setProblem(`Could not refresh the OpenRouter balance: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  if (!problem && (!summary || !hasKey)) return null;

  const error = summary?.error ?? null;
  const lines = summary ? usageLines(summary) : [];
  if (forecast?.balance?.at != null) lines.push(runOutText('At the last 7 days’ rate, the balance', forecast.balance));
  const daysLeft = forecast?.balance?.daysLeft ?? null;
  const warnDays = noticeDays !== null && daysLeft !== null && daysLeft < noticeDays ? daysLeft : null;
  const freeLimits = summary ? freeLimitsOf(summary) : null;
  const note = summary ? balanceNote(summary) : null;
  return (
    <div className={`account-badge${error || problem ? ' has-error' : ''}`} role="group" aria-label="OpenRouter account">
      <span className="account-balance" tabIndex={0} aria-describedby="account-usage" title={lines.join('\n') || undefined}>
        <span className="muted">OpenRouter </span>
        <strong aria-label="OpenRouter balance">{summary ? balanceText(summary) : 'Balance unknown'}</strong>
        {note ? <span className="muted account-note"> {note}</span> : null}
        {untilVote ? <span className="muted account-note"> (held: {BLIND_NOTICE})</span> : null}
        {error && summary?.balance ? <span className="muted"> (last known)</span> : null}
      </span>
      {warnDays !== null ? (
        <span className="account-forecast-warning" role="status">
          runs out in {daysText(warnDays)}
        </span>
      ) : null}
      <div id="account-usage" className="account-tip" role="tooltip">
        {lines.length ? lines.map((l) => <div key={l}>{l}</div>) : <div>No usage figures yet. Press Refresh to ask OpenRouter.</div>}
      </div>
      {freeLimits && free.used ? <span className="account-free muted">{freeLimitsText(freeLimits, free.today)}</span> : null}
      {error ? (
        <span className="account-error" role="alert">
          <strong>{errorHeadline(error.kind)}:</strong> {error.message}
        </span>
      ) : null}
      {problem ? (
        <span className="account-error" role="alert">
          {problem}
        </span>
      ) : null}
      <button type="button" className="small" onClick={() => void refresh()} disabled={busy} aria-label="Refresh OpenRouter balance">
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}
