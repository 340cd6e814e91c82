import { useEffect, useRef, useState } from 'react';
import { useColorScheme } from '../../common/use-color-scheme';
import type uPlot from 'uplot';
import type { DailySeries } from './aggregate';
import { formatMicros, usdToMicros } from '../../../shared/billing/money';
import { formatDay } from '../../../shared/format/dates';

// Spend (bars, USD) and requests (line) per day, drawn with uPlot on a canvas, with Parley's own legend: what
// each mark is, and the hovered day's figures. At least a week is shown, so a single day is one bar among days,
// not a block at the edge. The caption and the "By day" table carry the same numbers for screen readers. uPlot is loaded on first use (it reads matchMedia when
// imported, and the room never needs it); where there is no canvas (jsdom) nothing is drawn.

const HEIGHT = 220;
const DAY_S = 86_400;
/** The fewest days the x axis spans. */
export const MIN_DAYS_SHOWN = 7;

/** The x range in seconds: whole bars at both ends, and at least a week ending on the last day. */
export function chartXRange(dayStarts: readonly number[]): [number, number] {
  const first = dayStarts[0]! / 1000;
  const last = dayStarts[dayStarts.length - 1]! / 1000;
  return [Math.min(first, last - (MIN_DAYS_SHOWN - 1) * DAY_S) - DAY_S / 2, last + DAY_S / 2];
}

/** The legend's line for one day. */
export function dayReadout(series: DailySeries, i: number): string {
  const date = formatDay(series.dayStarts[i]!);
  const n = series.requests[i]!;
  return `${date}: ${formatMicros(series.costMicros[i]!)} · ${n} request${n === 1 ? '' : 's'}`;
}

function canDraw(): boolean {
  if (typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent)) return false;
  try {
    return !!document.createElement('canvas').getContext('2d');
  } catch {
    return false;
  }
}

const cssVar = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
const usd = (v: number) => formatMicros(usdToMicros(v) ?? Number.NaN);
/** Enough decimals to tell the ticks apart (0.025 → 3), at least cents, at most micro-dollars. */
const tickDecimals = (incr: number) => Math.min(6, Math.max(2, (String(Number(incr.toPrecision(6))).split('.')[1] ?? '').length));

function chartOptions(UPlot: typeof uPlot, width: number, xRange: [number, number], onHover: (i: number | null) => void): uPlot.Options {
  const accent = cssVar('--accent', '#4f46e5');
  const muted = cssVar('--muted', '#5d6470');
  const text = cssVar('--text', '#15171c');
  const grid = { stroke: cssVar('--border', '#dfe2e8'), width: 1 };
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { y: false, points: { show: false } },
    hooks: { setCursor: [(u) => onHover(u.cursor.idx ?? null)] },
    scales: {
      x: { time: true, range: () => xRange },
      usd: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      req: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
    },
    axes: [
      {
        stroke: text,
        grid,
        ticks: grid,
        space: 60,
        incrs: [86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400],
        values: (_u, vals) => vals.map((v) => new Date(v * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })),
      },
      { scale: 'usd', stroke: text, grid, ticks: grid, size: 70, values: (_u, vals, _i, _space, incr) => vals.map((v) => `$${v.toFixed(tickDecimals(incr))}`) },
      { scale: 'req', side: 1, stroke: muted, grid: { show: false }, values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? String(v) : '')) },
    ],
    series: [
      { value: (_u, v) => (v == null ? '' : formatDay(v * 1000)) },
      { label: 'Spend', scale: 'usd', fill: accent, stroke: accent, paths: UPlot.paths.bars!({ size: [0.6, 48] }), value: (_u, v) => (v == null ? '' : usd(v)) },
      { label: 'Requests', scale: 'req', stroke: muted, width: 2, points: { show: true } },
    ],
  };
}

export function DailyChart({ series }: { series: DailySeries }) {
  const box = useRef<HTMLDivElement>(null);
  // the axes and grid take their colours from the scheme when drawn: a switch to dark draws the chart again
  const scheme = useColorScheme();
  const [hovered, setHovered] = useState<number | null>(null);
  const total = series.costMicros.reduce((a, b) => a + b, 0);
  const requests = series.requests.reduce((a, b) => a + b, 0);
  const label = series.days.length
    ? `Spend and requests per day, ${series.days[0]} to ${series.days[series.days.length - 1]}: ${formatMicros(total)} over ${requests} requests`
    : 'No activity to chart';

  useEffect(() => {
    const el = box.current;
    if (!el || series.days.length === 0 || !canDraw()) return;
    let plot: uPlot | null = null;
    let ro: ResizeObserver | null = null;
    let cancelled = false;
    const width = () => Math.max(320, el.clientWidth || 640);
    const data: uPlot.AlignedData = [series.dayStarts.map((t) => t / 1000), series.costMicros.map((m) => m / 1_000_000), series.requests];
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(
      ([{ default: UPlot }]) => {
        if (cancelled) return;
        const p = new UPlot(chartOptions(UPlot, width(), chartXRange(series.dayStarts), setHovered), data, el);
        plot = p;
        ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => p.setSize({ width: width(), height: HEIGHT })) : null;
        ro?.observe(el);
      },
      (err: Error) => console.error('could not load the chart library:', err.message),
    );
    return () => {
      cancelled = true;
      ro?.disconnect();
      plot?.destroy();
    };
  }, [series, scheme]);

  const shown = hovered !== null && hovered < series.days.length ? hovered : null;
  return (
    <figure className="activity-chart">
      {series.days.length ? (
        <div className="chart-legend" aria-hidden="true">
          <span className="chart-key">
            <span className="chart-swatch chart-swatch-bar" /> Spend (bars, left axis)
          </span>
          <span className="chart-key">
            <span className="chart-swatch chart-swatch-line" /> Requests (line, right axis)
          </span>
          <span className="chart-readout">{shown === null ? 'Point at a day for its figures' : dayReadout(series, shown)}</span>
        </div>
      ) : null}
      <div ref={box} aria-hidden="true" onMouseLeave={() => setHovered(null)} />
      <figcaption className="muted">{label}</figcaption>
    </figure>
  );
}
