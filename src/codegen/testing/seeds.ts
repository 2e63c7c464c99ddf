import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { ModelConfig } from '../../engine/config';
import { buildModel } from '../../engine/model';

/**
 * Asserts that the `glorotUniform({ seed })` calls in a generated program draw exactly the initial
 * kernels the lab's `buildModel` gives `config`, layer by layer.
 */
export function expectLabInitialWeights(code: string, config: ModelConfig): void {
  const seeds = [...code.matchAll(/glorotUniform\(\{ seed: (\d+) \}\)/g)].map((m) => Number(m[1]));
  const built = buildModel(config);
  const kernels = built.model.getWeights().filter((_, w) => w % 2 === 0);
  expect(seeds).toHaveLength(kernels.length);
  kernels.forEach((kernel, k) => {
    const drawn = tf.initializers.glorotUniform({ seed: seeds[k] }).apply(kernel.shape);
    expect(Array.from(drawn.dataSync())).toEqual(Array.from(kernel.dataSync()));
    drawn.dispose();
  });
  built.dispose();
}
