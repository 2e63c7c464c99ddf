/**
 * What a run's updates cost, read from its record: the numbers that show the lecture's trade-off
 * (1 expensive update per epoch against N cheap ones).
 */
import { updateCount } from './chartSeries';
import type { RunRecord } from './history/record';
import { updatesPerEpoch } from './updateCounting';

export interface RunStats {
  batchSize: number;
  /** ceil(N / b). */
  updatesPerEpoch: number;
  /** Updates recorded so far. */
  totalUpdates: number;
  epochsDone: number;
  /** Training time per update (null before the first one). */
  msPerUpdate: number | null;
  /** Mean training time of a finished epoch (null before the first one ends). */
  secondsPerEpoch: number | null;
  /** The last finished epoch's mean training loss, and its validation loss. */
  trainLoss: number | null;
  valLoss: number | null;
}

export function runStats(
  run: Pick<RunRecord, 'trainCount' | 'batchSize' | 'updates' | 'epochs' | 'durationMs'>,
): RunStats {
  const totalUpdates = updateCount(run);
  const last = run.epochs.at(-1);
  return {
    batchSize: Math.min(run.batchSize, Math.max(1, run.trainCount)),
    updatesPerEpoch: updatesPerEpoch(run.trainCount, run.batchSize),
    totalUpdates,
    epochsDone: run.epochs.length,
    msPerUpdate: totalUpdates > 0 ? run.durationMs / totalUpdates : null,
    secondsPerEpoch: last ? last.seconds / last.epoch : null,
    trainLoss: last?.loss ?? null,
    valLoss: last?.valLoss ?? null,
  };
}
