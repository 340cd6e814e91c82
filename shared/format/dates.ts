// The one way Parley writes a moment and a day for people, in the user's locale and time zone: "Dec 6, 2026,
// 2:19 PM" and "Dec 6, 2026" in en-US. Tests pass a locale and a zone; the app passes neither.

export interface DateFormatOptions {
  locale?: string;
  timeZone?: string;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'moment' | 'day', opts: DateFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}|${opts.locale ?? ''}|${opts.timeZone ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(opts.locale, {
      dateStyle: 'medium',
      ...(kind === 'moment' ? { timeStyle: 'short' } : {}),
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/** A date and time: "Dec 6, 2026, 2:19 PM". Invalid input reads "—". */
export function formatMoment(at: number | Date, opts: DateFormatOptions = {}): string {
  const t = typeof at === 'number' ? at : at.getTime();
  return Number.isFinite(t) ? formatter('moment', opts).format(t) : '—';
}

/** A day: "Dec 6, 2026". Invalid input reads "—". */
export function formatDay(at: number | Date, opts: DateFormatOptions = {}): string {
  const t = typeof at === 'number' ? at : at.getTime();
  return Number.isFinite(t) ? formatter('day', opts).format(t) : '—';
}
