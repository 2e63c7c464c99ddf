import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { denseConfig, expectAllClose, readWeights, setCpuBackend } from '../test/helpers';
import {
  classData,
  OPTIMIZERS,
  regressionConfig,
  regressionData,
  weightTolerance,
} from '../test/denseCases';
import type { ModelConfig } from './config';
import { buildModel } from './model';
import { createStepRunner, fusedSupported, type TrainData } from './stepRunner';
import { Trainer, type BatchEnd } from './trainer';

beforeAll(setCpuBackend);

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

describe('the fused runner trains exactly like the stock tfjs optimizer', () => {
  for (const optimizer of OPTIMIZERS) {
    test(`${optimizer.kind}: 3-5-4-2 tanh/relu → linear, mse, 3 epochs × 3 batches`, async () => {
      const config = regressionConfig(optimizer);
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
