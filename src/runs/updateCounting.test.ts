import { describe, expect, test } from 'vitest';
import { epochBatches, totalUpdates, updatesInEachEpoch, updatesPerEpoch } from './updateCounting';

describe('update counting', () => {
  test('stochastic gradient descent (b = 1): N updates, each of one example', () => {
    expect(epochBatches(1600, 1)).toEqual({ batchSize: 1, updates: 1600, lastBatch: 1 });
  });

  test('batch gradient descent (b = N or more): one update of all N', () => {
    expect(epochBatches(1600, 1600)).toEqual({ batchSize: 1600, updates: 1, lastBatch: 1600 });
    expect(epochBatches(1600, 60_000)).toEqual({ batchSize: 1600, updates: 1, lastBatch: 1600 });
  });

  test('mini-batch: ceil(N / b) updates, the last batch holds the rest', () => {
    // 1600 = 25 × 64: no partial batch.
    expect(epochBatches(1600, 64)).toEqual({ batchSize: 64, updates: 25, lastBatch: 64 });
    // 1000 = 15 × 64 + 40: 16 updates, the last of 40 examples.
    expect(epochBatches(1000, 64)).toEqual({ batchSize: 64, updates: 16, lastBatch: 40 });
    // One example left over.
    expect(epochBatches(65, 64)).toEqual({ batchSize: 64, updates: 2, lastBatch: 1 });
    expect(epochBatches(4, 3)).toEqual({ batchSize: 3, updates: 2, lastBatch: 1 });
  });

  test('every batch size from 1 to N: the batches cover N examples exactly', () => {
    for (const n of [1, 2, 7, 100, 257]) {
      for (let b = 1; b <= n + 2; b++) {
        const { batchSize, updates, lastBatch } = epochBatches(n, b);
        expect((updates - 1) * batchSize + lastBatch, `N=${n} b=${b}`).toBe(n);
        expect(lastBatch).toBeGreaterThanOrEqual(1);
        expect(lastBatch).toBeLessThanOrEqual(batchSize);
        expect(updates).toBe(Math.ceil(n / b));
      }
    }
  });

  test('updatesPerEpoch and totalUpdates', () => {
    expect(updatesPerEpoch(4, 1)).toBe(4);
    expect(updatesPerEpoch(4, 64)).toBe(1);
    expect(updatesPerEpoch(60_000, 32)).toBe(1875);
    expect(totalUpdates(1000, 64, 5)).toBe(80);
    expect(totalUpdates(1600, 1, 3)).toBe(4800);
  });

  test('no examples: no updates; nonsense is refused', () => {
    expect(epochBatches(0, 8)).toEqual({ batchSize: 8, updates: 0, lastBatch: 0 });
    expect(() => epochBatches(10, 0)).toThrow(RangeError);
    expect(() => epochBatches(10, 1.5)).toThrow(RangeError);
    expect(() => epochBatches(-1, 1)).toThrow(RangeError);
  });

  test('updatesInEachEpoch reads the running count of recorded epochs', () => {
    expect(updatesInEachEpoch([{ updates: 16 }, { updates: 32 }, { updates: 48 }])).toEqual([
      16, 16, 16,
    ]);
    expect(updatesInEachEpoch([{ updates: 1 }, { updates: 2 }])).toEqual([1, 1]);
    expect(updatesInEachEpoch([])).toEqual([]);
  });
});
