import { describe, expect, test } from 'vitest';
import { downsampleMean } from './downsampleMean';

describe('downsampleMean', () => {
  test('a short series is returned as it is', () => {
    expect(downsampleMean([1, 2, 3], [5, 6, 7], 10)).toEqual({ x: [1, 2, 3], y: [5, 6, 7] });
  });

  test('buckets become their means, by hand', () => {
    // 6 points into 3 buckets of 2.
    const view = downsampleMean([1, 2, 3, 4, 5, 6], [10, 20, 30, 50, 0, 4], 3);
    expect(view).toEqual({ x: [1.5, 3.5, 5.5], y: [15, 40, 2] });
  });

  test('non-finite values are left out of a mean; a bucket of none is NaN', () => {
    const view = downsampleMean([1, 2, 3, 4], [NaN, 4, NaN, Infinity], 2);
    expect(view.x).toEqual([1.5, 3.5]);
    expect(view.y[0]).toBe(4);
    expect(view.y[1]).toBeNaN();
  });

  test('noise around a trend averages out; the trend stays', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => 2 - i / n + (i % 2 === 0 ? 0.5 : -0.5));
    const view = downsampleMean(x, y, 1000);
    expect(view.x).toHaveLength(1000);
    view.y.forEach((v, k) => expect(v).toBeCloseTo(2 - view.x[k]! / n, 3));
  });
});
