import { describe, expect, test } from 'vitest';
import { createRng, identityOrder, shuffleInPlace } from './rng';

/** mulberry32 as published by its author (bryc, "PRNGs in JavaScript"), for reference. */
function mulberry32Reference(seed: number): () => number {
  let a = seed;
  return () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const take = (rand: () => number, n: number) => Array.from({ length: n }, rand);

describe('createRng', () => {
  test('is mulberry32: the same stream as the reference implementation', () => {
    for (const seed of [0, 1, 8, 12345, 2 ** 31 - 1]) {
      expect(take(createRng(seed), 1000)).toEqual(take(mulberry32Reference(seed), 1000));
    }
  });

  test('same seed → same stream; different seeds → different streams', () => {
    expect(take(createRng(42), 100)).toEqual(take(createRng(42), 100));
    expect(take(createRng(42), 100)).not.toEqual(take(createRng(43), 100));
  });

  test('values lie in [0, 1) and look uniform', () => {
    const values = take(createRng(7), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    // Ten equal bins each hold 10% ± 1.5%.
    const bins = new Array(10).fill(0);
    for (const v of values) bins[Math.floor(v * 10)]++;
    for (const b of bins) expect(Math.abs(b - 2000)).toBeLessThan(300);
  });
});

describe('identityOrder and shuffleInPlace', () => {
  test('identityOrder(n) is 0..n-1', () => {
    expect(Array.from(identityOrder(5))).toEqual([0, 1, 2, 3, 4]);
    expect(identityOrder(0)).toHaveLength(0);
  });

  test('a shuffle is a permutation of 0..n-1 for every size', () => {
    const rand = createRng(3);
    for (const n of [0, 1, 2, 3, 10, 1000]) {
      const order = identityOrder(n);
      shuffleInPlace(order, rand);
      expect(Array.from(order).sort((a, b) => a - b)).toEqual(
        Array.from({ length: n }, (_, i) => i),
      );
    }
  });

  test('the same seed gives the same permutation', () => {
    const a = identityOrder(50);
    const b = identityOrder(50);
    shuffleInPlace(a, createRng(9));
    shuffleInPlace(b, createRng(9));
    expect(a).toEqual(b);
    const c = identityOrder(50);
    shuffleInPlace(c, createRng(10));
    expect(c).not.toEqual(a);
  });

  test('Fisher–Yates is unbiased: all 6 orders of 3 items come up about equally often', () => {
    // A classic off-by-one (j < i instead of j ≤ i) gives only the 2 cyclic orders.
    const rand = createRng(2024);
    const counts = new Map<string, number>();
    for (let k = 0; k < 6000; k++) {
      const order = identityOrder(3);
      shuffleInPlace(order, rand);
      const key = order.join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  test('uses the random numbers it is given: rand() always 0 moves each item to the front in turn', () => {
    // j = floor(0 · (i + 1)) = 0: swaps i with 0 for i = n-1 … 1.
    const order = identityOrder(4);
    shuffleInPlace(order, () => 0);
    // [0,1,2,3] → swap(3,0) [3,1,2,0] → swap(2,0) [2,1,3,0] → swap(1,0) [1,2,3,0]
    expect(Array.from(order)).toEqual([1, 2, 3, 0]);
    const same = identityOrder(4);
    shuffleInPlace(same, () => 0.999999);
    expect(Array.from(same)).toEqual([0, 1, 2, 3]);
  });
});
