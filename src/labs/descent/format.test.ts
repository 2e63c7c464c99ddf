import { describe, expect, test } from 'vitest';
import { formatDuration, formatLoss } from './format';

const number = (v: number, o?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat('en', o).format(v);
const minutes = (m: number, s: number) => `${m} min ${s} s`;
const d = (ms: number) => formatDuration(ms, number, minutes);

describe('formatDuration', () => {
  test('microseconds, milliseconds, seconds and minutes', () => {
    expect(d(0.008)).toBe('8 µs');
    expect(d(0.0001)).toBe('1 µs');
    expect(d(0.31)).toBe('0.31 ms');
    expect(d(2.44)).toBe('2.4 ms');
    expect(d(271.6)).toBe('272 ms');
    expect(d(1370)).toBe('1.37 s');
    expect(d(12_345)).toBe('12.3 s');
    expect(d(125_000)).toBe('2 min 5 s');
  });

  test('nonsense is a dash', () => {
    expect(d(Number.NaN)).toBe('–');
    expect(d(-1)).toBe('–');
  });
});

describe('formatLoss', () => {
  test('three decimals, small ones in scientific notation, a dash for none', () => {
    expect(formatLoss(0.49031)).toBe('0.490');
    expect(formatLoss(2.3)).toBe('2.300');
    expect(formatLoss(0.00004)).toBe('4.0e-5');
    expect(formatLoss(0)).toBe('0.000');
    expect(formatLoss(null)).toBe('–');
    expect(formatLoss(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
