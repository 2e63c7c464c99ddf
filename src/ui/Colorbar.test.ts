import { describe, expect, test } from 'vitest';
import { formatTick, niceTicks } from './Colorbar';

describe('colorbar ticks', () => {
  test("round ticks like matplotlib's", () => {
    expect(niceTicks(0, 255, 6)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-0.3, 0.3, 6)).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });

  test('labels with the decimals the step needs', () => {
    const t = niceTicks(0, 1, 5);
    expect(t.map((v) => formatTick(v, t))).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    const q = niceTicks(0, 1, 4);
    expect(q.map((v) => formatTick(v, q))).toEqual(['0.00', '0.25', '0.50', '0.75', '1.00']);
    const b = niceTicks(0, 255, 6);
    expect(formatTick(150, b)).toBe('150');
    const w = niceTicks(-0.3, 0.3, 6);
    expect(formatTick(-0.1, w)).toBe('\u22120.1');
    expect(formatTick(0, w)).toBe('0.0');
  });
});
