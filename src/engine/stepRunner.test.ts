import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  denseConfig,
  expectAllClose,
  readWeights,
  testNumbers,
  setCpuBackend,
} from '../test/helpers';
import type { ModelConfig, OptimizerConfig } from './config';
import { buildModel } from './model';
import { createStepRunner, fusedSupported, type TrainData } from './stepRunner';
import { Trainer, type BatchEnd } from './trainer';

beforeAll(setCpuBackend);

/** 10 examples, batch 4: batches of 4, 4 and a last partial batch of 2 in every epoch. */
function regressionData(): TrainData {
  const x = testNumbers(10 * 3, 7, -1, 1);
  const y = new Float32Array(10 * 2);
  for (let i = 0; i < 10; i++) {
    y[2 * i] = x[3 * i]! - 0.5 * x[3 * i + 1]!;
    y[2 * i + 1] = x[3 * i + 2]! * x[3 * i]!;
  }
  return { x, y, count: 10, xShape: [3], yShape: [2] };
}

function classData(): TrainData {
  const x = testNumbers(10 * 12, 9, -1, 1);
  const y = Float32Array.from({ length: 10 }, (_, i) => i % 3);
  return { x, y, count: 10, xShape: [4, 3], yShape: [1] };
}

async function train(config: ModelConfig, data: TrainData, path: 'auto' | 'tfjs') {
  const built = buildModel(config);
  try {
    const trainer = new Trainer(built, config, data, { path });
    const losses: number[] = [];
    const accuracies: (number | null)[] = [];
    trainer.on('batchEnd', (e: BatchEnd) => {
      losses.push(e.loss);
      accuracies.push(e.accuracy);
    });
    const outcome = await trainer.run();
    return {
      kind: trainer.runner.kind,
      outcome,
      losses,
      accuracies,
      weights: readWeights(built.model),
    };
  } finally {
    built.dispose();
  }
}

/**
 * The absolute tolerance on weights after `steps` updates. tfjs keeps Adam's β₂ᵗ in a float32
 * variable, so its bias correction 1 − β₂ᵗ carries a relative error of ~1e-5 (β₂ = 0.999 is
 * 0.99900001287 in float32: 1 − β₂ is off by 1.3e-5), and each Adam step of size ≈ lr is off by
 * up to ~1e-5·lr; the fused path computes it in float64. Other optimizers get the plain 1e-7.
 */
function weightTolerance(optimizer: OptimizerConfig, steps: number): number {
  return optimizer.kind === 'adam' ? 1e-7 + 1e-5 * optimizer.learningRate * steps : 1e-7;
}

const OPTIMIZERS: OptimizerConfig[] = [
  { kind: 'sgd', learningRate: 0.2 },
  // Hyper-parameters away from their defaults, so a swapped or ignored one shows.
  { kind: 'momentum', learningRate: 0.05, momentum: 0.7 },
  { kind: 'adam', learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6 },
  { kind: 'rmsprop', learningRate: 0.01, rho: 0.8, momentum: 0.3, epsilon: 1e-6 },
];

describe('the fused runner trains exactly like the stock tfjs optimizer', () => {
  for (const optimizer of OPTIMIZERS) {
    test(`${optimizer.kind}: 3-5-4-2 tanh/relu → linear, mse, 3 epochs × 3 batches`, async () => {
      const config = denseConfig({
        inputShape: [3],
        hidden: [
          { units: 5, activation: 'tanh' },
          { units: 4, activation: 'relu' },
        ],
        output: { units: 2, activation: 'linear' },
        loss: 'mse',
        optimizer,
        batchSize: 4,
        epochs: 3,
        seed: 21,
      });
      const data = regressionData();
      const fused = await train(config, data, 'auto');
      const stock = await train(config, data, 'tfjs');
      expect(fused.kind).toBe('fused');
      expect(stock.kind).toBe('tfjs');
      expect(fused.outcome.status).toBe('done');
      expect(stock.outcome.status).toBe('done');
      expect(fused.losses).toHaveLength(9);
      expectAllClose(fused.losses, stock.losses, { rel: 1e-5, abs: 1e-7, label: 'batch losses' });
      // Training moved the weights, and both paths moved them the same way.
      const fresh = buildModel(config);
      const initial = readWeights(fresh.model);
      fresh.dispose();
      expect(fused.weights[0]).not.toEqual(initial[0]);
      const abs = weightTolerance(optimizer, 9);
      fused.weights.forEach((w, p) =>
        expectAllClose(w, stock.weights[p]!, { rel: 1e-5, abs, label: `weights ${p}` }),
      );
    });
  }

  test('adam: [4,3] input flattened → relu → softmax, sparseCategoricalCrossentropy, accuracy', async () => {
    const config = denseConfig({
      inputShape: [4, 3],
      hidden: [{ units: 6, activation: 'relu' }],
      output: { units: 3, activation: 'softmax' },
      loss: 'sparseCategoricalCrossentropy',
      optimizer: { kind: 'adam', learningRate: 0.02, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      batchSize: 4,
      epochs: 5,
      seed: 3,
    });
    const data = classData();
    const fused = await train(config, data, 'auto');
    const stock = await train(config, data, 'tfjs');
    expect([fused.kind, stock.kind]).toEqual(['fused', 'tfjs']);
    expectAllClose(fused.losses, stock.losses, { label: 'batch losses' });
    expect(fused.accuracies.every((a) => a !== null && a >= 0 && a <= 1)).toBe(true);
    expect(fused.accuracies).toEqual(stock.accuracies);
    const abs = weightTolerance(config.optimizer, 15);
    fused.weights.forEach((w, p) =>
      expectAllClose(w, stock.weights[p]!, { abs, label: `weights ${p}` }),
    );
  });

  test('the lecture MLP (sgd 0.1, mse, batch 1), 20 steps on XOR', async () => {
    const config = denseConfig({ epochs: 5, seed: 8 });
    const data: TrainData = {
      x: Float32Array.from([0, 0, 0, 1, 1, 0, 1, 1]),
      y: Float32Array.from([0, 1, 1, 0]),
      count: 4,
      xShape: [2],
      yShape: [1],
    };
    const fused = await train(config, data, 'auto');
    const stock = await train(config, data, 'tfjs');
    expect([fused.kind, stock.kind]).toEqual(['fused', 'tfjs']);
    expect(fused.losses).toHaveLength(20);
    expectAllClose(fused.losses, stock.losses, { label: 'batch losses' });
    fused.weights.forEach((w, p) =>
      expectAllClose(w, stock.weights[p]!, { label: `weights ${p}` }),
    );
  });
});

describe('createStepRunner', () => {
  test('uses the fused path on cpu for dense models unless told "tfjs"', () => {
    const config = denseConfig({ inputShape: [4, 3] });
    const built = buildModel(config);
    try {
      expect(fusedSupported(built)).toBe(true);
      const data = classData();
      expect(createStepRunner(built, config, data).kind).toBe('fused');
      expect(createStepRunner(built, config, data, 'tfjs').kind).toBe('tfjs');
    } finally {
      built.dispose();
    }
  });

  test('does not claim the fused path for a layer it does not compute', () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 3, inputShape: [2] }), tf.layers.dropout({ rate: 0.5 })],
    });
    const optimizer = tf.train.sgd(0.1);
    try {
      expect(fusedSupported({ model, optimizer, dispose: () => {} })).toBe(false);
    } finally {
      model.dispose();
      optimizer.dispose();
    }
  });
});
