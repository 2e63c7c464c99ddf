import type { BackendName } from '../engine/backends';
import { errorMessage } from '../engine/errors';
import { buildModel } from '../engine/model';
import { Trainer } from '../engine/trainer';
import { fashionImages } from '../data/fashionMnist';
import { lectureClassifier } from '../labs/fashion/settings';
import { fashionData, onPath, runnerFor, startBackend, type BenchPath } from './fashionData';
import { round, spread } from './stats';

export interface StepSpec {
  backend: BackendName;
  path: BenchPath;
  batchSize: number;
  runs: number;
  seed: number;
  /** How long one timed run should take, roughly. */
  targetMs: number;
}

export type StepLine = Record<string, unknown> & { name: 'fashion_step'; error?: string };

const TRAIN_IMAGES = 60_000;

/**
 * Milliseconds per update step of the lecture's model (784-128-128-10, Adam 0.001) at one batch
 * size, through the Trainer as the lab's Train button runs it: the Trainer's own elapsed time
 * over `steps` steps, divided by the steps.
 */
async function timeSteps(batchSize: number, seed: number, steps: number): Promise<number> {
  const { train } = await fashionData();
  const count = Math.min(TRAIN_IMAGES, batchSize * steps);
  const perEpoch = Math.ceil(count / batchSize);
  const config = {
    ...lectureClassifier(),
    batchSize,
    seed,
    epochs: Math.max(1, Math.ceil(steps / perEpoch)),
  };
  const built = buildModel(config);
  try {
    const outcome = await new Trainer(built, config, fashionImages(train, 0, count)).run();
    if (outcome.status !== 'done')
      throw new Error(`training ended: ${outcome.status} ${outcome.error ?? ''}`);
    return outcome.elapsedMs / outcome.step;
  } finally {
    built.dispose();
  }
}

/** The per-step time at one batch size: a warm-up, then `runs` timed runs of about `targetMs`. */
export async function benchSteps(spec: StepSpec): Promise<StepLine> {
  const base = {
    name: 'fashion_step' as const,
    backend: spec.backend,
    batch_size: spec.batchSize,
  };
  const problem = await startBackend(spec.backend);
  if (problem) return { ...base, path: spec.path, error: problem, skipped: true };
  try {
    return await onPath(spec.path, async () => {
      const { train } = await fashionData();
      const config = { ...lectureClassifier(), batchSize: spec.batchSize, seed: spec.seed };
      const runner = runnerFor(
        config,
        fashionImages(train, 0, Math.min(TRAIN_IMAGES, spec.batchSize)),
      );
      const full = spec.batchSize >= TRAIN_IMAGES;
      // Warm-up (wasm start, shaders, JIT), then an estimate that sizes the timed runs.
      const estimate = await timeSteps(spec.batchSize, spec.seed, full ? 1 : 5);
      const steps = full ? 1 : Math.max(5, Math.min(4000, Math.round(spec.targetMs / estimate)));
      const ms: number[] = [];
      for (let i = 0; i < spec.runs; i++)
        ms.push(await timeSteps(spec.batchSize, spec.seed, steps));
      const mid = [...ms].sort((a, b) => a - b)[ms.length >> 1]!;
      return {
        ...base,
        ...runner,
        steps,
        runs: spec.runs,
        ...spread('ms_per_step', ms, 3),
        samples_per_second: Math.round((spec.batchSize * 1000) / mid),
        ms_per_step_all: ms.map((m) => round(m, 3)),
      };
    });
  } catch (err) {
    return { ...base, path: spec.path, error: errorMessage(err), skipped: false };
  }
}
