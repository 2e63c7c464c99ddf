import { describe, expect, test } from 'vitest';
import { downsampleMinMax } from './downsample';

const range = (n: number, f: (i: number) => number = (i) => i) =>
  Array.from({ length: n }, (_, i) => f(i));

describe('downsampleMinMax', () => {
  test('returns short input unchanged (as plain arrays)', () => {
    const x = Float64Array.from([1, 2, 3]);
    const s1 = Float32Array.from([0.5, 0.25, 0.125]);
    const out = downsampleMinMax(x, [s1, [3, 2, 1]], 3);
    expect(out).toEqual({
      x: [1, 2, 3],
      series: [
        [0.5, 0.25, 0.125],
        [3, 2, 1],
      ],
    });
    expect(downsampleMinMax([], [[]], 10)).toEqual({ x: [], series: [[]] });
  });

  test('does not modify its input', () => {
    const x = range(1000);
    const s = range(1000, (i) => Math.sin(i));
    const copy = [...s];
    downsampleMinMax(x, [s], 50);
    expect(s).toEqual(copy);
    expect(x).toEqual(range(1000));
  });

  for (const [n, maxPoints] of [
    [1000, 100],
    [10_001, 200],
    [333, 101],
    [5, 4],
    [101, 3],
  ] as const) {
    test(`${n} points to at most ${maxPoints}: keeps each series' global min and max, x monotone`, () => {
      const x = range(n, (i) => i * 0.5 + 10);
      // A noisy curve with one spike up and one spike down at arbitrary places.
      const loss = range(n, (i) => 1 / (1 + i) + 0.01 * Math.sin(i * 7.3));
      loss[Math.floor(n * 0.37)] = 50;
      loss[Math.floor(n * 0.81)] = -3;
      const acc = range(n, (i) => Math.cos(i / 13));
      const out = downsampleMinMax(x, [loss, acc], maxPoints);
      expect(out.x.length).toBeLessThanOrEqual(maxPoints);
      expect(out.x.length).toBeGreaterThan(maxPoints / 2 - 2);
      for (const s of out.series) expect(s).toHaveLength(out.x.length);
      for (let i = 1; i < out.x.length; i++)
        expect(out.x[i]!).toBeGreaterThanOrEqual(out.x[i - 1]!);
      expect(out.x[0]).toBe(x[0]);
      expect(out.x.at(-1)).toBe(x.at(-1));
      expect(Math.max(...out.series[0]!)).toBe(50);
      expect(Math.min(...out.series[0]!)).toBe(-3);
      expect(Math.max(...out.series[1]!)).toBe(Math.max(...acc));
      expect(Math.min(...out.series[1]!)).toBe(Math.min(...acc));
      // Every kept value is one of the series' values.
      const values = new Set(loss);
      for (const v of out.series[0]!) expect(values.has(v)).toBe(true);
    });
  }

  test('keeps a bucket’s min and max in the order they occurred', () => {
    // 8 points into 2 buckets of 4: [5, 9, 1, 2] and [0, 3, 8, 4].
    const out = downsampleMinMax(range(8), [[5, 9, 1, 2, 0, 3, 8, 4]], 4);
    expect(out.series[0]).toEqual([9, 1, 0, 8]);
    expect(out.x).toEqual([0, 3, 4, 7]);
  });
});

describe('downsampleMinMax with series of unequal length', () => {
  test('a short series is padded with NaN on the short path too', () => {
    const view = downsampleMinMax([1, 2, 3], [[7]], 10);
    expect(view.series[0]).toEqual([7, Number.NaN, Number.NaN]);
  });
});
