import type { ModelConfig } from './config';
import { buildModel } from './model';
import { Trainer, type TrainData } from './trainer';

/**
 * Milliseconds per update step of this model on the active backend: a short warm-up (shader
 * compilation, wasm start-up), then a timed run of about `steps` real training steps.
 */
export async function measureStepMs(config: ModelConfig, data: TrainData, steps = 40): Promise<number> {
  const batchesPerEpoch = Math.ceil(data.count / config.batchSize);
  const run = async (wanted: number) => {
    const built = buildModel({ ...config, epochs: Math.max(1, Math.ceil(wanted / batchesPerEpoch)) });
    try {
      const outcome = await new Trainer(built, { ...config, epochs: Math.max(1, Math.ceil(wanted / batchesPerEpoch)) }, data).run();
      if (outcome.status === 'failed') throw new Error(outcome.error);
      return outcome.elapsedMs / Math.max(1, outcome.step);
    } finally {
      built.dispose();
    }
  };
  await run(3);
  return run(steps);
}
