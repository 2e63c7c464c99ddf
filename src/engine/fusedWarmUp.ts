import * as tf from '@tensorflow/tfjs';
import type { TrainData } from './batch';
import type { ModelConfig } from './config';
import { fusedRunner } from './fusedRunner';
import { buildModel } from './model';
import { yieldToEventLoop } from './schedule';

const RELU_SOFTMAX_ADAM: ModelConfig = {
  inputShape: [16],
  hidden: [
    { units: 8, activation: 'relu' },
    { units: 8, activation: 'relu' },
  ],
  output: { units: 10, activation: 'softmax' },
  loss: 'sparseCategoricalCrossentropy',
  optimizer: { kind: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  batchSize: 4,
  epochs: 1,
  shuffle: false,
  seed: 1,
};

/** Tiny models that take the fused path's branches the labs use: ReLU, softmax, Adam; sigmoid, MSE, SGD. */
const TINY: readonly ModelConfig[] = [
  RELU_SOFTMAX_ADAM,
  {
    ...RELU_SOFTMAX_ADAM,
    inputShape: [2],
    hidden: [{ units: 4, activation: 'sigmoid' }],
    output: { units: 1, activation: 'sigmoid' },
    loss: 'mse',
    optimizer: { kind: 'sgd', learningRate: 0.1 },
    batchSize: 1,
  },
];

function tinyData(config: ModelConfig): TrainData {
  const inputs = config.inputShape[0]!;
  const count = 16;
  return {
    x: Float32Array.from({ length: count * inputs }, (_, i) => (i % 7) / 7),
    y: Float32Array.from({ length: count }, (_, i) => (config.output.units > 1 ? i % 10 : i % 2)),
    count,
    xShape: [inputs],
    yShape: [1],
  };
}

/**
 * Runs a few dozen steps of tiny models on the CPU backend's fused path, in short tasks, so that
 * V8 has compiled its loops before a lab's first real step: that first step otherwise runs
 * several times slower, which for the Fashion-MNIST model is one task of 60–100 ms.
 * Nothing is kept: no tensor outlives it.
 */
export async function warmFusedPath(stepsPerModel = 40): Promise<void> {
  if (tf.getBackend() !== 'cpu') return;
  for (const config of TINY) {
    const built = buildModel(config);
    const runner = fusedRunner(built, config, tinyData(config));
    try {
      for (let step = 0; step < stepsPerModel; step++) {
        const rows = Uint32Array.from({ length: config.batchSize }, (_, i) => (step + i) % 16);
        const result = runner.run([
          { epoch: 1, batch: step, step: step + 1, rows, lastOfEpoch: false },
        ]);
        if (!(result instanceof Float32Array)) result.dispose();
        if (step % 10 === 9) await yieldToEventLoop();
      }
    } finally {
      runner.dispose?.();
      built.dispose();
    }
  }
}
