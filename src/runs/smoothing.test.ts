import { describe, expect, test } from 'vitest';
import { smoothEma } from './smoothing';

describe('smoothEma', () => {
  test('weight 0 is the identity', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(Array.from(smoothEma(values, 0))).toEqual(values);
  });

  test('matches a hand computation with debiasing (w = 0.5)', () => {
    // last: 0.5·0 + 0.5·2 = 1      → 1 / (1 − 0.5)   = 2
    // last: 0.5·1 + 0.5·4 = 2.5    → 2.5 / (1 − 0.25) = 10/3
    // last: 0.5·2.5 + 0.5·0 = 1.25 → 1.25 / (1 − 0.125) = 10/7
    const s = smoothEma([2, 4, 0], 0.5);
    expect(s[0]).toBeCloseTo(2, 12);
    expect(s[1]).toBeCloseTo(10 / 3, 12);
    expect(s[2]).toBeCloseTo(10 / 7, 12);
  });

  test('the first value is never pulled towards 0; a constant stays constant', () => {
    expect(smoothEma([5], 0.9)[0]).toBeCloseTo(5, 12);
    for (const v of smoothEma([0.3, 0.3, 0.3, 0.3, 0.3], 0.99)) expect(v).toBeCloseTo(0.3, 12);
  });

  test('NaN and Infinity are skipped: the previous value carries, the average stays clean', () => {
    const s = smoothEma([NaN, 2, NaN, Infinity, 4, -Infinity, 0], 0.5);
    expect(Number.isNaN(s[0])).toBe(true); // nothing to carry yet
    expect(s[1]).toBeCloseTo(2, 12);
    expect(s[2]).toBeCloseTo(2, 12);
    expect(s[3]).toBeCloseTo(2, 12);
    // The finite values are 2, 4, 0: the same as the hand computation above.
    expect(s[4]).toBeCloseTo(10 / 3, 12);
    expect(s[5]).toBeCloseTo(10 / 3, 12);
    expect(s[6]).toBeCloseTo(10 / 7, 12);
  });

  test('empty in, empty out; weight outside [0, 1) is refused', () => {
    expect(smoothEma([], 0.6).length).toBe(0);
    expect(() => smoothEma([1], 1)).toThrow(RangeError);
    expect(() => smoothEma([1], -0.1)).toThrow(RangeError);
    expect(() => smoothEma([1], NaN)).toThrow(RangeError);
  });
});
