import { beforeAll, describe, expect, test } from 'vitest';
import { setCpuBackend } from '../../test/helpers';
import { lectureModel } from './settings';
import { sweepSeeds, type SweepProgress } from './sweep';

beforeAll(setCpuBackend);

describe('sweepSeeds', () => {
  test('the lecture SLP and MLP on XOR over 5 seeds: the SLP never solves it; counts add up', async () => {
    const progress: SweepProgress[] = [];
    const result = await sweepSeeds([lectureModel([]), lectureModel([4])], 'XOR', 1, 5, (p) =>
      progress.push(structuredClone(p)),
    );
    expect(result.total).toBe(10);
    expect(result.done).toBe(10);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(progress.every((p) => p.total === 10)).toBe(true);

    const [slp, mlp] = result.tallies;
    expect(slp!.solvedSeeds).toEqual([]);
    expect(slp!.failedSeeds).toEqual([1, 2, 3, 4, 5]);
    for (const t of result.tallies) {
      expect([...t.solvedSeeds, ...t.failedSeeds].sort()).toEqual([1, 2, 3, 4, 5]);
      expect(t.finalLosses).toHaveLength(5);
      expect(t.finalLosses.every((l) => Number.isFinite(l) && l >= 0)).toBe(true);
    }
    // The SLP's MSE cannot go below 0.1875 on XOR (best linear fit) and sits near 0.25.
    for (const l of slp!.finalLosses) expect(l).toBeGreaterThan(0.15);
    expect(mlp!.solvedSeeds.length + mlp!.failedSeeds.length).toBe(5);
  });

  test('a sweep starting at seed 8 counts the documented seed 8 as solved by the MLP', async () => {
    const result = await sweepSeeds([lectureModel([4])], 'XOR', 8, 1, () => {});
    expect(result.tallies[0]!.solvedSeeds).toEqual([8]);
  });

  test('shouldStop ends the sweep early with a consistent partial tally', async () => {
    let calls = 0;
    const result = await sweepSeeds(
      [lectureModel([]), lectureModel([4])],
      'AND',
      1,
      5,
      () => calls++,
      () => calls >= 3,
    );
    expect(result.done).toBe(3);
    expect(result.total).toBe(10);
    const counted = result.tallies.reduce(
      (n, t) => n + t.solvedSeeds.length + t.failedSeeds.length,
      0,
    );
    expect(counted).toBe(3);
    expect(result.tallies[0]!.finalLosses).toHaveLength(2);
    expect(result.tallies[1]!.finalLosses).toHaveLength(1);
  });
});
