import { useState } from 'react';
import { useForecastNoticeDays } from './notice-setting';
import type { AccountSummary } from '../../../shared/contract/account';
import { burnText, forecastDate, runOutText } from './forecast-text';
import { useForecast } from './use-forecast';
import { useHeldWhile } from '../account/use-held-while';

/** When the money runs out at the recent rate: the OpenRouter balance (chat and other apps through the local API)
 * and the monthly budget, over the last 7 or 30 days. */
export function ForecastPanel({ account, held, now }: { account: AccountSummary | null | undefined; held: boolean; now?: number }) {
  const [windowDays, setWindowDays] = useState<7 | 30>(7);
  // held while a blind turn not voted on yet streams: each change would be one hidden answer's cost
  const f = useHeldWhile(useForecast(windowDays, account, now), held);
  const [noticeDays, saveNoticeDays] = useForecastNoticeDays();
  const [noticeText, setNoticeText] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const noticeField = noticeText ?? (noticeDays === null ? '' : String(noticeDays));
  return (
    <section className="forecast" aria-labelledby="forecast-heading">
      <div className="forecast-bar">
        <h2 id="forecast-heading">Forecast</h2>
        <label>
          Rate over
          <select aria-label="Forecast window" value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value) as 7 | 30)}>
            <option value={7}>the last 7 days</option>
            <option value={30}>the last 30 days</option>
          </select>
        </label>
      </div>
      {!f ? (
        <p className="muted">Reading the ledger…</p>
      ) : (
        <ul className="forecast-lines">
          {f.balance ? (
            <li>
              <strong>OpenRouter credits:</strong> {burnText(f.openRouter)} <span data-testid="balance-runout">{runOutText('The balance', f.balance)}</span>
            </li>
          ) : (
            <li className="muted">OpenRouter credits: balance unknown (no OpenRouter key, or it has not been read yet).</li>
          )}
          {f.monthlyBudget ? (
            <li>
              <strong>Monthly budget:</strong> {burnText(f.all)}{' '}
              {f.monthlyBudget.at !== null && f.monthlyBudget.at >= f.monthlyBudget.monthEnd
                ? `At this rate it lasts the month (it resets on ${forecastDate(f.monthlyBudget.monthEnd)}).`
                : runOutText('This month’s budget', f.monthlyBudget)}
            </li>
          ) : null}
          {(f.openRouter.irregular || f.all.irregular) ? (
            <li className="muted">Spending is uneven (a few days carry most of it): the dates in brackets are the likely range.</li>
          ) : null}
        </ul>
      )}
      <form
        className="forecast-notice"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Math.floor(Number(noticeField));
          const days = noticeField.trim() === '' || !(n > 0) ? null : n;
          void saveNoticeDays(days).then(
            () => {
              setNoticeText(null);
              setSaved(days === null ? 'No notice.' : `The header warns when the balance would run out within ${days} days.`);
            },
            (err: Error) => setSaved(`Could not save: ${err.message}`),
          );
        }}
      >
        <label>
          Warn in the header when the balance would run out within
          <input type="number" min={1} max={365} inputMode="numeric" aria-label="Warn when the balance runs out within (days)" value={noticeField} placeholder="off" onChange={(e) => setNoticeText(e.target.value)} />
          days
        </label>
        <button type="submit" className="small">Save</button>
        {saved ? <span className="muted" role="status">{saved}</span> : null}
      </form>
    </section>
  );
}
