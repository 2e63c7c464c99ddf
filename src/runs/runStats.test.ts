import { describe, expect, test } from 'vitest';
import type { EpochRow, RunRecord } from './history/record';
import { runStats } from './runStats';

type StatsInput = Parameters<typeof runStats>[0];

function run(
  trainCount: number,
  batchSize: number,
  epochs: number,
  msPerUpdate: number,
): StatsInput {
  const perEpoch = Math.ceil(trainCount / batchSize);
  const n = perEpoch * epochs;
  const rows: EpochRow[] = Array.from({ length: epochs }, (_, e) => ({
    epoch: e + 1,
    updates: perEpoch * (e + 1),
    examples: trainCount * (e + 1),
    seconds: (perEpoch * (e + 1) * msPerUpdate) / 1000,
    loss: 1 / (e + 2),
    accuracy: null,
    valLoss: 1.1 / (e + 2),
    valAccuracy: null,
  }));
  const updates: RunRecord['updates'] = {
    loss: new Float32Array(n).fill(0.5),
    examples: Float64Array.from({ length: n }, (_, i) =>
      Math.min(
        trainCount * Math.floor(i / perEpoch) + ((i % perEpoch) + 1) * batchSize,
        trainCount * (Math.floor(i / perEpoch) + 1),
      ),
    ),
    seconds: Float64Array.from({ length: n }, (_, i) => ((i + 1) * msPerUpdate) / 1000),
  };
  return { trainCount, batchSize, updates, epochs: rows, durationMs: n * msPerUpdate };
}

describe('runStats', () => {
  test('batch gradient descent: 1 update per epoch, and each costs an epoch', () => {
    const s = runStats(run(1600, 60_000, 5, 270));
    expect(s).toEqual({
      batchSize: 1600,
      updatesPerEpoch: 1,
      totalUpdates: 5,
      epochsDone: 5,
      msPerUpdate: 270,
      secondsPerEpoch: 0.27,
      trainLoss: 1 / 6,
      valLoss: 1.1 / 6,
    });
  });

  test('stochastic gradient descent: N cheap updates per epoch', () => {
    const s = runStats(run(1600, 1, 2, 0.3));
    expect(s.updatesPerEpoch).toBe(1600);
    expect(s.totalUpdates).toBe(3200);
    expect(s.msPerUpdate).toBeCloseTo(0.3, 9);
    expect(s.secondsPerEpoch).toBeCloseTo(0.48, 9);
  });

  test('mini-batch with a last partial batch: ceil(N / b)', () => {
    const s = runStats(run(1000, 64, 3, 2));
    expect(s.updatesPerEpoch).toBe(16);
    expect(s.totalUpdates).toBe(48);
    expect(s.secondsPerEpoch).toBeCloseTo(0.032, 9);
  });

  test('before the first update and the first epoch: nothing to divide by', () => {
    const empty = run(100, 10, 0, 1);
    expect(runStats(empty)).toMatchObject({
      totalUpdates: 0,
      epochsDone: 0,
      msPerUpdate: null,
      secondsPerEpoch: null,
      trainLoss: null,
      valLoss: null,
    });
  });
});
