import { memo, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { downsampleMinMax } from '../runs/downsample';
import { useThrottled } from './useThrottled';

export interface ChartSeries {
  name: string;
  color: string;
  /** One value per x, x = 1, 2, 3, … (NaN where there is none). */
  values: readonly number[];
  /** A faint line behind a smoothed one, or a dashed one for validation. */
  opacity?: number;
  dashed?: boolean;
  width?: number;
}

interface LossChartProps {
  series: readonly ChartSeries[];
  xLabel: string;
  yLabel: string;
  logScale: boolean;
  maxPoints?: number;
  /** The y range; by default from 0 (or the data, on a log scale) to the data's top. */
  yDomain?: readonly [number, number];
  height?: number;
  /** At most one redraw per this many ms (a live chart's redraws cost the training time); 0: every change. */
  redrawMs?: number;
}

/** Ticks at round numbers from 0 to at least `max`: 0, 500, 1000, 1500 rather than 1, 401, 801. */
export function roundTicks(max: number, count = 5): number[] {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

/**
 * Overlaid loss curves; long series are downsampled for drawing (extremes kept). The chart
 * renders at low priority (a deferred value), in slices React can interrupt, so a redraw during
 * training never holds the page; a live chart can also be redrawn less often (`redrawMs`).
 */
export const LossChart = memo(function LossChart({
  series,
  redrawMs = 0,
  ...drawing
}: LossChartProps) {
  const shown = useDeferredValue(useThrottled(series, redrawMs));
  return <DrawnChart series={shown} {...drawing} />;
});

/** The chart itself: recharts redraws all of it on any render, so it renders only when its props change. */
const DrawnChart = memo(function DrawnChart({
  series,
  xLabel,
  yLabel,
  logScale,
  maxPoints = 300,
  yDomain,
  height = 260,
}: Omit<LossChartProps, 'redrawMs'>) {
  const { t } = useTranslation();
  const rows = useMemo(() => {
    const length = Math.max(0, ...series.map((s) => s.values.length));
    const x = Array.from({ length }, (_, i) => i + 1);
    const view = downsampleMinMax(
      x,
      series.map((s) => s.values),
      maxPoints,
    );
    return view.x.map((xv, i) => {
      const row: Record<string, number | null> = { x: xv };
      series.forEach((s, k) => {
        const v = view.series[k]![i]!;
        row[s.name] = Number.isFinite(v) && (!logScale || v > 0) ? v : null;
      });
      return row;
    });
  }, [series, logScale, maxPoints]);

  const length = Math.max(1, ...series.map((s) => s.values.length));
  const ticks = useMemo(() => roundTicks(length), [length]);

  return (
    <div className="chart" role="img" aria-label={t('ui.chart.label', { x: xLabel, y: yLabel })}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={[0, ticks[ticks.length - 1]!]}
            ticks={ticks}
            allowDecimals={false}
            label={{ value: xLabel, position: 'insideBottom', offset: -12 }}
          />
          <YAxis
            scale={logScale ? 'log' : 'linear'}
            domain={yDomain ? [...yDomain] : logScale ? ['auto', 'auto'] : [0, 'auto']}
            allowDataOverflow
            width={64}
            tickFormatter={(v: number) =>
              v >= 0.01 || v === 0 ? v.toFixed(2) : v.toExponential(0)
            }
            label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4 }}
          />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))}
            labelFormatter={(l) => t('ui.chart.tooltip', { x: xLabel, value: String(l) })}
          />
          {/* In the series' order: sorted by name, the order would change with the language. */}
          <Legend
            verticalAlign="top"
            height={28}
            itemSorter={(item) => series.findIndex((s) => s.name === item.value)}
          />
          {series.map((s) => (
            <Line
              key={s.name}
              dataKey={s.name}
              stroke={s.color}
              dot={s.values.length <= 30 ? { r: 3 } : false}
              strokeWidth={s.width ?? 2}
              strokeOpacity={s.opacity ?? 1}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
