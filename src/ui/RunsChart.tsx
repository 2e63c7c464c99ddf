import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import {
  createLinesCache,
  linearTicks,
  logTicks,
  lossRange,
  xExtent,
  X_AXES,
  type ChartPoint,
  type RunLines,
  type XAxisKind,
} from '../runs/chartSeries';
import type { RunRecord } from '../runs/history/record';
import { Select, Slider } from './Slider';

type Show = 'both' | 'updates' | 'epochs';
const SHOWS: readonly Show[] = ['both', 'updates', 'epochs'];

interface RunsChartProps {
  runs: readonly RunRecord[];
  height?: number;
}

/** About this many points per drawn line, however long the run. */
const MAX_POINTS = 1000;
/** Epochs drawn as dots up to this many; more as a line. */
const MAX_DOTS = 40;

const positiveX = (points: readonly ChartPoint[]) => points.filter((p) => p.x > 0);

/** Numbers on the x-axis: fractions of epochs and seconds, thousands of updates and examples. */
function tickFormat(axis: XAxisKind, language: string): (v: number) => string {
  const plain = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(language, {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  if (axis === 'epochs' || axis === 'seconds') return (v) => plain.format(v);
  return (v) => (v >= 10_000 ? compact.format(v) : plain.format(v));
}

const lossTick = (v: number) => (v >= 0.01 || v === 0 ? v.toFixed(2) : v.toExponential(0));

/** The line styles of the key: a faint thin line, a solid one, a dot, a dashed one. */
function KeySample({ kind }: { kind: 'raw' | 'smoothed' | 'epoch' | 'validation' }) {
  return (
    <svg width="26" height="10" aria-hidden="true" className="key-sample">
      {kind === 'epoch' ? (
        <>
          <line
            x1="1"
            y1="5"
            x2="25"
            y2="5"
            stroke="currentColor"
            strokeWidth="2"
            strokeDasharray="1 3"
          />
          <circle cx="13" cy="5" r="4" fill="currentColor" stroke="#fff" strokeWidth="1.5" />
        </>
      ) : (
        <line
          x1="1"
          y1="5"
          x2="25"
          y2="5"
          stroke="currentColor"
          strokeWidth={kind === 'raw' ? 1 : 2.5}
          strokeOpacity={kind === 'raw' ? 0.35 : 1}
          strokeDasharray={kind === 'validation' ? '5 3' : undefined}
        />
      )}
    </svg>
  );
}

/**
 * The loss of several runs on one chart: every update (raw, faint, behind its smoothed line),
 * the epoch means as dots and the validation loss as a dashed line, against epochs, weight updates,
 * examples seen or seconds. Each run is smoothed and downsampled (extremes kept) only when it has
 * grown, and drawn at low priority, so the page stays responsive while a run trains.
 */
export const RunsChart = memo(function RunsChart({ runs: latest, height = 340 }: RunsChartProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [axis, setAxis] = useState<XAxisKind>('epochs');
  const [smoothing, setSmoothing] = useState(0.9);
  const [show, setShow] = useState<Show>('both');
  const [logY, setLogY] = useState(false);
  const [logX, setLogX] = useState(false);
  const runs = useDeferredValue(latest);
  const [linesOf] = useState(createLinesCache);

  const lines: RunLines[] = useMemo(
    () => runs.map((run) => linesOf(run, { axis, smoothing, maxPoints: MAX_POINTS, logY })),
    [runs, linesOf, axis, smoothing, logY],
  );
  const perUpdate = show !== 'epochs';
  const perEpoch = show !== 'updates';
  const yDomain = useMemo(
    () => lossRange(lines, { updates: perUpdate, epochs: perEpoch }, logY),
    [lines, perUpdate, perEpoch, logY],
  );
  const xAxis = useMemo(() => {
    const extent = xExtent(lines, { updates: perUpdate, epochs: perEpoch }, logX);
    if (!extent) return null;
    if (logX) return { domain: extent, ticks: logTicks(extent[0], extent[1]) };
    const counts = axis === 'updates' || axis === 'examples';
    const ticks = linearTicks(extent[1], 5, counts);
    return { domain: [0, ticks.at(-1)!] as [number, number], ticks };
  }, [lines, perUpdate, perEpoch, logX, axis]);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const xTick = useMemo(() => tickFormat(axis, language), [axis, language]);
  const xLabel = t(`descent.chart.axes.${axis}`);
  const shown = (points: ChartPoint[]) => (logX ? positiveX(points) : points);

  return (
    <figure className="runs-chart" aria-label={t('descent.chart.aria')} data-testid="runs-chart">
      <div className="runs-chart-controls">
        <Select
          label={t('descent.chart.xAxis')}
          value={axis}
          options={X_AXES.map((a) => ({ value: a, label: t(`descent.chart.axes.${a}`) }))}
          onChange={setAxis}
        />
        <Select
          label={t('descent.chart.show')}
          value={show}
          options={SHOWS.map((s) => ({ value: s, label: t(`descent.chart.shows.${s}`) }))}
          onChange={setShow}
        />
        <Slider
          label={t('descent.chart.smoothing')}
          value={smoothing}
          min={0}
          max={0.99}
          step={0.01}
          disabled={!perUpdate}
          format={(v) => v.toFixed(2)}
          onChange={setSmoothing}
        />
        <div className="runs-chart-toggles">
          <label className="toggle">
            <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} />
            {t('descent.chart.logY')}
          </label>
          <label className="toggle">
            <input type="checkbox" checked={logX} onChange={(e) => setLogX(e.target.checked)} />
            {t('descent.chart.logX')}
          </label>
        </div>
      </div>

      <ul className="runs-legend" aria-label={t('descent.chart.aria')}>
        {lines.map((run) => (
          <li key={run.id} data-testid="legend-run">
            <span className="legend-line" style={{ background: run.color }} />
            {run.name}
          </li>
        ))}
      </ul>
      <ul className="runs-key">
        {perUpdate && smoothing > 0 && (
          <li>
            <KeySample kind="raw" /> {t('descent.chart.key.raw')}
          </li>
        )}
        {perUpdate && (
          <li>
            <KeySample kind="smoothed" /> {t('descent.chart.key.smoothed')}
          </li>
        )}
        {perEpoch && (
          <li>
            <KeySample kind="epoch" /> {t('descent.chart.key.epoch')}
          </li>
        )}
        {perEpoch && lines.some((l) => l.validation.length > 0) && (
          <li>
            <KeySample kind="validation" /> {t('descent.chart.key.validation')}
          </li>
        )}
      </ul>

      {!xAxis ? (
        <p className="muted">{t('descent.chart.empty')}</p>
      ) : (
        <div className="chart" role="img" aria-label={`${t('descent.chart.yLabel')} / ${xLabel}`}>
          <ResponsiveContainer width="100%" height={height}>
            {/* Remounted when a scale changes: recharts keeps some state of the old scale. */}
            <LineChart
              key={`${axis}-${logX}-${logY}`}
              margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e3e3" />
              <XAxis
                dataKey="x"
                type="number"
                scale={logX ? 'log' : 'linear'}
                domain={xAxis.domain}
                ticks={xAxis.ticks}
                allowDataOverflow
                tickFormatter={xTick}
                label={{ value: xLabel, position: 'insideBottom', offset: -14 }}
              />
              <YAxis
                type="number"
                scale={logY ? 'log' : 'linear'}
                domain={yDomain ?? (logY ? ['auto', 'auto'] : [0, 'auto'])}
                allowDataOverflow
                width={56}
                tickFormatter={lossTick}
                label={{
                  value: t('descent.chart.yLabel'),
                  angle: -90,
                  position: 'insideLeft',
                  offset: 4,
                }}
              />
              {perUpdate &&
                smoothing > 0 &&
                lines.map((run) => (
                  <Line
                    key={`${run.id}-raw`}
                    id={`${id}-${run.id}-raw`}
                    className="raw-line"
                    data={shown(run.raw)}
                    dataKey="y"
                    stroke={run.color}
                    strokeWidth={1}
                    strokeOpacity={0.2}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                  />
                ))}
              {perUpdate &&
                lines.map((run) => (
                  <Line
                    key={`${run.id}-smoothed`}
                    id={`${id}-${run.id}-smoothed`}
                    className="run-line"
                    data={shown(run.smoothed)}
                    dataKey="y"
                    stroke={run.color}
                    strokeWidth={2.25}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                  />
                ))}
              {perEpoch &&
                lines.map((run) => {
                  // Dots for a few epochs; for hundreds, a dotted line (dots would merge into a bar).
                  const dots = run.epochMean.length <= MAX_DOTS;
                  return (
                    <Line
                      key={`${run.id}-epochs`}
                      id={`${id}-${run.id}-epochs`}
                      className="run-line"
                      data={shown(run.epochMean)}
                      dataKey="y"
                      stroke={perUpdate && dots ? 'none' : run.color}
                      strokeWidth={perUpdate ? 2 : 2.25}
                      strokeDasharray={perUpdate ? '1 3' : undefined}
                      dot={
                        dots ? { r: 4, fill: run.color, stroke: '#fff', strokeWidth: 1.5 } : false
                      }
                      activeDot={false}
                      isAnimationActive={false}
                    />
                  );
                })}
              {perEpoch &&
                lines.map((run) =>
                  run.validation.length === 0 ? null : (
                    <Line
                      key={`${run.id}-validation`}
                      id={`${id}-${run.id}-validation`}
                      data={shown(run.validation)}
                      dataKey="y"
                      stroke={run.color}
                      strokeWidth={1.75}
                      strokeDasharray="6 4"
                      dot={
                        run.validation.length <= MAX_DOTS
                          ? { r: 3, fill: '#fff', stroke: run.color, strokeWidth: 1.5 }
                          : false
                      }
                      activeDot={false}
                      isAnimationActive={false}
                    />
                  ),
                )}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {perUpdate && lines.length > 0 && (
        <figcaption className="muted small">{t('descent.chart.clipped')}</figcaption>
      )}
    </figure>
  );
});
