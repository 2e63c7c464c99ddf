import type { ModelConfig } from './config';
import { buildModel } from './model';
import { Trainer, type TrainData } from './trainer';

/**
 * Milliseconds per update step of this model on the active backend: a short warm-up (shader
 * compilation, wasm start-up, JIT), then timed runs of real training steps, doubling the count
 * until they last `minMs` (or `maxSteps` is reached), so fast and slow backends are both timed
 * over a useful stretch.
 */
export async function measureStepMs(
  config: ModelConfig,
  data: TrainData,
  minMs = 60,
  maxSteps = 4096,
): Promise<number> {
  const batchesPerEpoch = Math.ceil(data.count / config.batchSize);
  const run = async (wanted: number) => {
    const short = { ...config, epochs: Math.max(1, Math.ceil(wanted / batchesPerEpoch)) };
    const built = buildModel(short);
    try {
      const outcome = await new Trainer(built, short, data).run();
      if (outcome.status === 'failed') throw new Error(outcome.error);
      return outcome.elapsedMs / Math.max(1, outcome.step);
    } finally {
      built.dispose();
    }
  };
  await run(3);
  let steps = 8;
  for (;;) {
    const started = performance.now();
    const msPerStep = await run(steps);
    if (performance.now() - started >= minMs || steps >= maxSteps) {
      // Once more, keeping the faster: one garbage collection or busy moment in a stretch of a
      // few milliseconds must not decide the backend.
      return Math.min(msPerStep, await run(steps));
    }
    steps *= 2;
  }
}
