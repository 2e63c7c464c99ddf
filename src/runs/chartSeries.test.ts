import { describe, expect, test } from 'vitest';
import {
  createLinesCache,
  epochX,
  linearTicks,
  logTicks,
  lossRange,
  niceCeil,
  xExtent,
  runLines,
  updateCount,
  updateXs,
  type ChartRun,
} from './chartSeries';
import type { EpochRow } from './history/record';
import { smoothEma } from './smoothing';

/** N = 4 examples, batch size 2: two updates per epoch, two epochs. */
function run(): ChartRun {
  const row = (epoch: number, loss: number, valLoss: number | null): EpochRow => ({
    epoch,
    updates: 2 * epoch,
    examples: 4 * epoch,
    seconds: 0.5 * epoch,
    loss,
    accuracy: null,
    valLoss,
    valAccuracy: null,
  });
  return {
    id: 'r1',
    name: 'mini-batch',
    color: '#123456',
    trainCount: 4,
    updates: {
      loss: Float32Array.from([1, 0.5, 0.25, 0]),
      examples: Float64Array.from([2, 4, 6, 8]),
      seconds: Float64Array.from([0.2, 0.5, 0.75, 1]),
    },
    epochs: [row(1, 0.75, 0.8), row(2, 0.125, 0.3)],
  };
}

describe('chart series of a run', () => {
  test('the x of every update on each axis', () => {
    const r = run();
    expect(Array.from(updateXs(r, 'epochs'))).toEqual([0.5, 1, 1.5, 2]);
    expect(Array.from(updateXs(r, 'updates'))).toEqual([1, 2, 3, 4]);
    expect(Array.from(updateXs(r, 'examples'))).toEqual([2, 4, 6, 8]);
    expect(Array.from(updateXs(r, 'seconds'))).toEqual([0.2, 0.5, 0.75, 1]);
  });

  test('on the seconds axis, updates that share a clock reading are spread evenly before it', () => {
    const r = run();
    r.updates.seconds = Float64Array.from([0.3, 0.3, 0.3, 0.5]);
    const xs = Array.from(updateXs(r, 'seconds'));
    [0.1, 0.2, 0.3, 0.5].forEach((v, i) => expect(xs[i]).toBeCloseTo(v, 12));
    r.updates.seconds = Float64Array.from([0.2, 0.6, 0.6, 0.6]);
    const ys = Array.from(updateXs(r, 'seconds'));
    [0.2, 0.2 + 0.4 / 3, 0.2 + (0.4 * 2) / 3, 0.6].forEach((v, i) =>
      expect(ys[i]).toBeCloseTo(v, 12),
    );
  });

  test('the x of an epoch end on each axis', () => {
    const row = run().epochs[1]!;
    expect(epochX(row, 'epochs', 4)).toBe(2);
    expect(epochX(row, 'updates', 4)).toBe(4);
    expect(epochX(row, 'examples', 4)).toBe(8);
    expect(epochX(row, 'seconds', 4)).toBe(1);
  });

  test('without smoothing: one line of the raw losses, no faint copy', () => {
    const lines = runLines(run(), { axis: 'updates', smoothing: 0, maxPoints: 100, logY: false });
    expect(lines.raw).toEqual([]);
    expect(lines.smoothed).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 0.5 },
      { x: 3, y: 0.25 },
      { x: 4, y: 0 },
    ]);
    expect(lines).toMatchObject({ id: 'r1', name: 'mini-batch', color: '#123456' });
  });

  test('with smoothing: the debiased EMA, and the raw line behind it', () => {
    const lines = runLines(run(), { axis: 'epochs', smoothing: 0.5, maxPoints: 100, logY: false });
    // By hand (w = 0.5), last = 0.5·last + 0.5·v, shown as last / (1 − 0.5ⁿ):
    // 0.5 / 0.5 = 1; 0.5 / 0.75 = 2/3; 0.375 / 0.875 = 3/7; 0.1875 / 0.9375 = 1/5.
    const ys = lines.smoothed.map((p) => p.y!);
    [1, 2 / 3, 3 / 7, 1 / 5].forEach((v, i) => expect(ys[i]).toBeCloseTo(v, 6));
    expect(lines.raw.map((p) => p.y)).toEqual([1, 0.5, 0.25, 0]);
    expect(lines.raw.map((p) => p.x)).toEqual([0.5, 1, 1.5, 2]);
  });

  test('per epoch: the epoch means and the validation loss, at the epoch ends', () => {
    const lines = runLines(run(), { axis: 'seconds', smoothing: 0.6, maxPoints: 100, logY: false });
    expect(lines.epochMean).toEqual([
      { x: 0.5, y: 0.75 },
      { x: 1, y: 0.125 },
    ]);
    expect(lines.validation).toEqual([
      { x: 0.5, y: 0.8 },
      { x: 1, y: 0.3 },
    ]);
  });

  test('no validation line for a run without validation', () => {
    const r = run();
    r.epochs = r.epochs.map((row) => ({ ...row, valLoss: null }));
    expect(
      runLines(r, { axis: 'epochs', smoothing: 0, maxPoints: 9, logY: false }).validation,
    ).toEqual([]);
  });

  test('on a log scale, zero and non-finite losses are left out (null), not drawn at 0', () => {
    const r = run();
    r.updates.loss[1] = Number.NaN;
    const lines = runLines(r, { axis: 'updates', smoothing: 0, maxPoints: 100, logY: true });
    expect(lines.smoothed.map((p) => p.y)).toEqual([1, null, 0.25, null]);
  });

  test('a long series is downsampled for drawing, keeping its extremes; the record is untouched', () => {
    const n = 300_000;
    const loss = new Float32Array(n);
    for (let i = 0; i < n; i++) loss[i] = 1 + Math.sin(i / 50) * 0.1;
    loss[123_456] = 9; // a spike
    loss[200_001] = 0.01; // a dip
    const copy = loss.slice();
    const big: ChartRun = {
      ...run(),
      trainCount: 1000,
      updates: {
        loss,
        examples: Float64Array.from({ length: n }, (_, i) => i + 1),
        seconds: Float64Array.from({ length: n }, (_, i) => (i + 1) / 1000),
      },
      epochs: [],
    };
    const lines = runLines(big, { axis: 'updates', smoothing: 0.9, maxPoints: 1500, logY: false });
    expect(lines.raw.length).toBeLessThanOrEqual(1500);
    expect(lines.smoothed.length).toBeLessThanOrEqual(750);
    const ys = lines.raw.map((p) => p.y!);
    expect(Math.max(...ys)).toBe(9);
    expect(Math.min(...ys)).toBeCloseTo(0.01, 6);
    expect(lines.raw[0]!.x).toBe(1);
    expect(lines.raw[lines.raw.length - 1]!.x).toBe(n);
    // The smoothed line is the bucket means of the smoothing of all points: a trend, not a band.
    const full = smoothEma(loss, 0.9);
    const bucket = n / lines.smoothed.length;
    const k = 100;
    let mean = 0;
    for (let i = Math.floor(k * bucket); i < Math.floor((k + 1) * bucket); i++) mean += full[i]!;
    mean /= Math.floor((k + 1) * bucket) - Math.floor(k * bucket);
    expect(lines.smoothed[k]!.y).toBeCloseTo(mean, 9);
    expect(loss.every((v, i) => v === copy[i])).toBe(true);
  });

  test('arrays of unequal length (a record being written) are read as far as all go', () => {
    const r = run();
    r.updates = { ...r.updates, seconds: r.updates.seconds.subarray(0, 3) };
    expect(updateCount(r)).toBe(3);
    expect(
      runLines(r, { axis: 'epochs', smoothing: 0, maxPoints: 10, logY: false }).smoothed,
    ).toHaveLength(3);
  });
});

describe('createLinesCache', () => {
  test('returns the same lines until the run grows or an option changes', () => {
    const lines = createLinesCache();
    const options = { axis: 'epochs', smoothing: 0.5, maxPoints: 100, logY: false } as const;
    const r = run();
    const first = lines(r, options);
    expect(lines({ ...r }, options)).toBe(first);
    expect(lines(r, { ...options, axis: 'updates' })).not.toBe(first);
    const grown = { ...r, epochs: r.epochs.slice(0, 1) };
    expect(lines(grown, options).epochMean).toHaveLength(1);
    expect(lines({ ...r, color: '#000000' }, options).color).toBe('#000000');
  });
});

describe('niceCeil', () => {
  test('rounds up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten', () => {
    expect([0.84, 1, 1.05, 1.6, 2.31, 2.7, 7, 9, 0.0123, 123].map(niceCeil)).toEqual([
      1, 1, 1.2, 2, 2.5, 3, 8, 10, 0.015, 150,
    ]);
  });
});

describe('lossRange', () => {
  const options = { axis: 'updates', smoothing: 0, maxPoints: 1000, logY: false } as const;
  /** 100 updates at loss 1, one spike of 50, epochs at 1.2 and validation 1.5. */
  function spiky(): ChartRun {
    const loss = new Float32Array(100).fill(1);
    loss[40] = 50;
    return {
      ...run(),
      trainCount: 100,
      updates: {
        loss,
        examples: Float64Array.from({ length: 100 }, (_, i) => i + 1),
        seconds: Float64Array.from({ length: 100 }, (_, i) => i / 100),
      },
      epochs: [{ ...run().epochs[0]!, loss: 1.2, valLoss: 1.5 }],
    };
  }

  test('from 0 to a round number above the highest epoch value; a single spike does not stretch it', () => {
    const lines = [runLines(spiky(), options)];
    expect(lossRange(lines, { updates: true, epochs: true }, false)).toEqual([0, 2]);
  });

  test('per update only: the line without its extreme 2 %', () => {
    const lines = [runLines(spiky(), options)];
    expect(lossRange(lines, { updates: true, epochs: false }, false)).toEqual([0, 1.2]);
  });

  test('on a log scale, from below the lowest to above the highest', () => {
    const lines = [runLines(spiky(), { ...options, logY: true })];
    const [lo, hi] = lossRange(lines, { updates: true, epochs: true }, true)!;
    expect(lo).toBeCloseTo(1 / 1.25, 9);
    expect(hi).toBeCloseTo(1.5 * 1.25, 9);
  });

  test('nothing to draw: null', () => {
    expect(lossRange([], { updates: true, epochs: true }, false)).toBeNull();
  });
});

describe('axis ticks and extent', () => {
  test('linear ticks at round numbers from 0 past the end', () => {
    expect(linearTicks(3)).toEqual([0, 1, 2, 3]);
    expect(linearTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(linearTicks(4800)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(linearTicks(1.13)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25]);
    expect(linearTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(linearTicks(0)).toEqual([0]);
  });

  test('whole-number ticks for counts: never 0.5 updates', () => {
    expect(linearTicks(3, 5, true)).toEqual([0, 1, 2, 3]);
    expect(linearTicks(2, 5, true)).toEqual([0, 1, 2]);
  });

  test('log ticks: powers of ten, and 2 and 5 times them over short ranges', () => {
    expect(logTicks(1, 4800)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(1, 75)).toEqual([1, 2, 5, 10, 20, 50]);
    expect(logTicks(0.000625, 3)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logTicks(0, 3)).toEqual([]);
  });

  test('the x extent of what is drawn', () => {
    const lines = [runLines(run(), { axis: 'updates', smoothing: 0, maxPoints: 100, logY: false })];
    expect(xExtent(lines, { updates: true, epochs: true }, false)).toEqual([1, 4]);
    expect(xExtent(lines, { updates: false, epochs: true }, false)).toEqual([2, 4]);
    expect(xExtent([], { updates: true, epochs: true }, false)).toBeNull();
  });
});
