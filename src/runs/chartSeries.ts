/**
 * What a chart of several runs draws for each run, for one choice of x-axis: the loss of every
 * update (raw and smoothed), the epoch means and the validation loss per epoch. The stored series
 * are read, never changed; long ones are downsampled for drawing only.
 */
import { downsampleMinMax } from './downsample';
import { downsampleMean } from './downsampleMean';
import type { EpochRow, RunRecord } from './history/record';
import { smoothEma } from './smoothing';

export const X_AXES = ['epochs', 'updates', 'examples', 'seconds'] as const;
export type XAxisKind = (typeof X_AXES)[number];

export type ChartRun = Pick<
  RunRecord,
  'id' | 'name' | 'color' | 'updates' | 'epochs' | 'trainCount'
>;

export interface ChartPoint {
  x: number;
  /** null where there is nothing to draw (not finite, or not positive on a log scale). */
  y: number | null;
}

export interface RunLines {
  id: string;
  name: string;
  color: string;
  /** Each update's loss; empty without smoothing, where `smoothed` is the raw series itself. */
  raw: ChartPoint[];
  smoothed: ChartPoint[];
  /** The mean training loss of each epoch, at the epoch's end. */
  epochMean: ChartPoint[];
  validation: ChartPoint[];
}

export interface LineOptions {
  axis: XAxisKind;
  /** TensorBoard's smoothing weight, in [0, 1). */
  smoothing: number;
  /** Points per drawn line at most (about). */
  maxPoints: number;
  logY: boolean;
}

/** How many updates a run has recorded (its parallel arrays, read as far as all of them go). */
export function updateCount(run: Pick<RunRecord, 'updates'>): number {
  const { loss, examples, seconds } = run.updates;
  return Math.min(loss.length, examples.length, seconds.length);
}

/**
 * The x of every update: epochs (examples / N, so 0.5 is half an epoch), 1, 2, 3…, examples, or
 * seconds. The trainer reads the clock once per stretch of updates, so several updates share a
 * time: on the seconds axis they are spread evenly between that reading and the one before.
 */
export function updateXs(
  run: Pick<RunRecord, 'updates' | 'trainCount'>,
  axis: XAxisKind,
): Float64Array {
  const n = updateCount(run);
  const out = new Float64Array(n);
  const { examples, seconds } = run.updates;
  if (axis === 'seconds') {
    let from = 0;
    let before = 0;
    while (from < n) {
      const at = seconds[from]!;
      let to = from;
      while (to + 1 < n && seconds[to + 1] === at) to++;
      const count = to - from + 1;
      for (let k = 0; k < count; k++) out[from + k] = before + ((at - before) * (k + 1)) / count;
      before = at;
      from = to + 1;
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    out[i] =
      axis === 'updates'
        ? i + 1
        : axis === 'examples'
          ? examples[i]!
          : examples[i]! / Math.max(1, run.trainCount);
  }
  return out;
}

/** The x of an epoch's end on each axis. */
export function epochX(row: EpochRow, axis: XAxisKind, trainCount: number): number {
  switch (axis) {
    case 'updates':
      return row.updates;
    case 'examples':
      return row.examples;
    case 'seconds':
      return row.seconds;
    case 'epochs':
      return row.examples / Math.max(1, trainCount);
  }
}

const drawable = (y: number | null | undefined, logY: boolean): number | null =>
  y !== null && y !== undefined && Number.isFinite(y) && (!logY || y > 0) ? y : null;

/**
 * A run's lines for a chart. The raw losses keep each bucket's extremes (the spikes of SGD stay
 * visible); the smoothed line keeps each bucket's mean, so it stays a trend when thousands of
 * updates share a pixel.
 */
export function runLines(
  run: ChartRun,
  { axis, smoothing, maxPoints, logY }: LineOptions,
): RunLines {
  const n = updateCount(run);
  const loss = run.updates.loss.subarray(0, n);
  const xs = updateXs(run, axis);
  const points = (x: readonly number[], y: readonly number[]) =>
    x.map((xv, i) => ({ x: xv, y: drawable(y[i], logY) }));
  let raw: ChartPoint[] = [];
  let smoothed: ChartPoint[];
  if (smoothing > 0) {
    const rawView = downsampleMinMax(xs, [loss], maxPoints);
    raw = points(rawView.x, rawView.series[0]!);
    const trend = downsampleMean(xs, smoothEma(loss, smoothing), maxPoints / 2);
    smoothed = points(trend.x, trend.y);
  } else {
    const view = downsampleMinMax(xs, [loss], maxPoints);
    smoothed = points(view.x, view.series[0]!);
  }
  const perEpoch = (value: (row: EpochRow) => number | null) =>
    run.epochs.map((row) => ({
      x: epochX(row, axis, run.trainCount),
      y: drawable(value(row), logY),
    }));
  const validation = run.epochs.some((row) => row.valLoss !== null)
    ? perEpoch((row) => row.valLoss)
    : [];
  return {
    id: run.id,
    name: run.name,
    color: run.color,
    raw,
    smoothed,
    epochMean: perEpoch((row) => row.loss),
    validation,
  };
}

/**
 * `runLines` that recomputes a run only when it has grown or a drawing option changed: while one
 * run trains, the finished ones are not smoothed and downsampled again. Records only grow, so
 * their lengths tell a change.
 */
export function createLinesCache(): (run: ChartRun, options: LineOptions) => RunLines {
  const cache = new Map<string, { key: string; lines: RunLines }>();
  return (run, options) => {
    const key = [
      updateCount(run),
      run.epochs.length,
      run.name,
      run.color,
      run.trainCount,
      options.axis,
      options.smoothing,
      options.maxPoints,
      options.logY,
    ].join('|');
    const hit = cache.get(run.id);
    if (hit?.key === key) return hit.lines;
    const lines = runLines(run, options);
    cache.set(run.id, { key, lines });
    return lines;
  };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

const ys = (points: readonly ChartPoint[]) => points.flatMap((p) => (p.y === null ? [] : [p.y]));

/**
 * The loss range to draw: all epoch means and validation losses, and each run's per-update line
 * without its top and bottom 2 % (single noisy updates of SGD would otherwise squash every other
 * curve to the bottom). From 0 to a round number on a linear scale. Null when there is nothing.
 */
export function lossRange(
  lines: readonly RunLines[],
  show: { updates: boolean; epochs: boolean },
  logY: boolean,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const run of lines) {
    const perUpdate = show.updates ? ys(run.smoothed).sort((a, b) => a - b) : [];
    const perEpoch = show.epochs ? [...ys(run.epochMean), ...ys(run.validation)] : [];
    if (perUpdate.length > 0) {
      lo = Math.min(lo, quantile(perUpdate, 0.02));
      hi = Math.max(hi, quantile(perUpdate, 0.98));
    }
    for (const v of perEpoch) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  if (logY) return [lo / 1.25, hi * 1.25];
  return [0, hi > 0 ? niceCeil(hi * 1.02) : 1];
}

/** The next round number at or above v (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten). */
export function niceCeil(v: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(v));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find(
    (m) => m * magnitude >= v * (1 - 1e-12),
  )!;
  return Number((step * magnitude).toPrecision(12));
}

/** The x range the drawn lines cover (positive x only, for a log scale). Null when nothing is drawn. */
export function xExtent(
  lines: readonly RunLines[],
  show: { updates: boolean; epochs: boolean },
  positiveOnly: boolean,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const run of lines) {
    const drawn = [
      ...(show.updates ? run.smoothed : []),
      ...(show.epochs ? [...run.epochMean, ...run.validation] : []),
    ];
    for (const p of drawn) {
      if (positiveOnly && p.x <= 0) continue;
      lo = Math.min(lo, p.x);
      hi = Math.max(hi, p.x);
    }
  }
  return Number.isFinite(lo) ? [lo, hi] : null;
}

/**
 * About `count` ticks at round numbers from 0 to at least `max` (steps of 1, 2, 2.5 or 5 times a
 * power of ten, whole numbers when `whole`): 0, 1, 2, 3 epochs; 0, 1k, 2k, 3k updates.
 */
export function linearTicks(max: number, count = 5, whole = false): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9))!;
  if (whole) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let i = 0; ticks.at(-1) === undefined || ticks.at(-1)! < max * (1 - 1e-9); i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Ticks on a log axis over [lo, hi]: powers of ten, with 2 and 5 times them over short ranges. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const multiples = last - first <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = first; e <= last; e++)
    for (const m of multiples) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  return ticks;
}
