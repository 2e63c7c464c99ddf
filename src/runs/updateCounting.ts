/**
 * How many weight updates an epoch makes, as Keras's `fit` counts them: the N training examples
 * are cut into batches of b, the last one smaller when b does not divide N.
 */
import type { EpochRow } from './history/record';

export interface EpochBatches {
  /** The batch size actually used: b, or N when b is larger (one batch holds every example). */
  batchSize: number;
  /** ceil(N / b): weight updates per epoch. */
  updates: number;
  /** Examples in the last batch: b, or the rest N − (updates − 1)·b. */
  lastBatch: number;
}

/** The batches of one epoch of `n` examples at batch size `b` (both whole, b ≥ 1). */
export function epochBatches(n: number, b: number): EpochBatches {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`epochBatches: ${n} examples`);
  if (!Number.isInteger(b) || b < 1) throw new RangeError(`epochBatches: batch size ${b}`);
  if (n === 0) return { batchSize: b, updates: 0, lastBatch: 0 };
  const batchSize = Math.min(b, n);
  const updates = Math.ceil(n / batchSize);
  return { batchSize, updates, lastBatch: n - (updates - 1) * batchSize };
}

/** ceil(N / b): 1 for batch gradient descent (b ≥ N), N for stochastic (b = 1). */
export function updatesPerEpoch(n: number, b: number): number {
  return epochBatches(n, b).updates;
}

/** The updates of a run of `epochs` full epochs. */
export function totalUpdates(n: number, b: number, epochs: number): number {
  return updatesPerEpoch(n, b) * epochs;
}

/** The updates each recorded epoch made (from the running count in its row). */
export function updatesInEachEpoch(rows: readonly Pick<EpochRow, 'updates'>[]): number[] {
  return rows.map((row, i) => row.updates - (i === 0 ? 0 : rows[i - 1]!.updates));
}
