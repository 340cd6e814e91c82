import { useEffect, useState } from 'react';
import { ledger } from '../../common/ledger';

/** Days under which the header warns that the OpenRouter balance runs out; absent = no notice (the default). */
export const FORECAST_NOTICE_KEY = 'forecastNoticeDays';

export function useForecastNoticeDays(): [number | null, (days: number | null) => Promise<void>] {
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void ledger()
        .getSetting<number>(FORECAST_NOTICE_KEY)
        .then((d) => live && setDays(typeof d === 'number' && d > 0 ? d : null))
        .catch(() => {});
    load();
    const off = ledger().onChange(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  const save = async (d: number | null) => {
    await ledger().putSetting(FORECAST_NOTICE_KEY, d !== null && d > 0 ? d : null);
    setDays(d !== null && d > 0 ? d : null);
  };
  return [days, save];
}
