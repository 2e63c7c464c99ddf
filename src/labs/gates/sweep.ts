import type { Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { trainGate } from './evaluate';

export interface SweepTally {
  solvedSeeds: number[];
  failedSeeds: number[];
  finalLosses: number[];
}

export interface SweepProgress {
  done: number;
  total: number;
  tallies: SweepTally[];
}

/**
 * The lecture's comparison repeated over `count` seeds (seed, seed+1, …): every model is trained
 * from each seed's initial weights and counted as solved when all four outputs are right.
 */
export async function sweepSeeds(
  models: readonly ModelConfig[],
  gate: Gate,
  firstSeed: number,
  count: number,
  onProgress: (progress: SweepProgress) => void,
  shouldStop: () => boolean = () => false,
): Promise<SweepProgress> {
  const tallies: SweepTally[] = models.map(() => ({
    solvedSeeds: [],
    failedSeeds: [],
    finalLosses: [],
  }));
  const total = count * models.length;
  let done = 0;
  for (let k = 0; k < count && !shouldStop(); k++) {
    const seed = firstSeed + k;
    for (let m = 0; m < models.length && !shouldStop(); m++) {
      const result = await trainGate({ ...models[m]!, seed }, gate);
      const tally = tallies[m]!;
      (result.solved ? tally.solvedSeeds : tally.failedSeeds).push(seed);
      tally.finalLosses.push(result.outcome.loss ?? Number.NaN);
      done++;
      onProgress({ done, total, tallies });
    }
  }
  return { done, total, tallies };
}
