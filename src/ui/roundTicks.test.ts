import { describe, expect, test } from 'vitest';
import { roundTicks } from './LossChart';

describe('roundTicks', () => {
  test('round steps that cover the data', () => {
    expect(roundTicks(1500)).toEqual([0, 500, 1000, 1500]);
    expect(roundTicks(1499)).toEqual([0, 500, 1000, 1500]);
    expect(roundTicks(5000)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(roundTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(roundTicks(1)).toEqual([0, 1]);
  });
});
