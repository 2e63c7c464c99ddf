import { expect, test } from 'vitest';
import { wasmThreadCount } from './wasmThreads';

test('XNNPACK gets every core up to four, then half the logical cores', () => {
  const counts = [0, 1, 2, 3, 4, 6, 8, 12, 16, 32, Number.NaN].map(wasmThreadCount);
  expect(counts).toEqual([1, 1, 2, 3, 4, 4, 4, 6, 8, 16, 1]);
});
