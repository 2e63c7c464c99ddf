/**
 * Dense models and tfjs's own gradients for them, shared by the tests of the fast paths (the
 * fused cpu path and the wasm path), which must match them.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainData } from '../engine/batch';
import type { Activation, Loss, ModelConfig, OptimizerConfig } from '../engine/config';
import { denseConfig, testNumbers } from './helpers';

export interface GradCase {
  name: string;
  inputShape: number[];
  hidden: { units: number; activation: Activation }[];
  output: { units: number; activation: Activation };
  loss: Loss;
}

export const CASES: GradCase[] = [
  {
    name: '2-4-1 sigmoid, mse (the lecture MLP)',
    inputShape: [2],
    hidden: [{ units: 4, activation: 'sigmoid' }],
    output: { units: 1, activation: 'sigmoid' },
    loss: 'mse',
  },
  {
    name: '2-4-1 tanh → sigmoid, binaryCrossentropy',
    inputShape: [2],
    hidden: [{ units: 4, activation: 'tanh' }],
    output: { units: 1, activation: 'sigmoid' },
    loss: 'binaryCrossentropy',
  },
  {
    name: '2-1 single-layer perceptron, linear, mse',
    inputShape: [2],
    hidden: [],
    output: { units: 1, activation: 'linear' },
    loss: 'mse',
  },
  {
    name: '3-5-4-2 relu, tanh → linear, mse',
    inputShape: [3],
    hidden: [
      { units: 5, activation: 'relu' },
      { units: 4, activation: 'tanh' },
    ],
    output: { units: 2, activation: 'linear' },
    loss: 'mse',
  },
  {
    name: '3-5-4-2 sigmoid, linear → sigmoid, binaryCrossentropy (2 outputs)',
    inputShape: [3],
    hidden: [
      { units: 5, activation: 'sigmoid' },
      { units: 4, activation: 'linear' },
    ],
    output: { units: 2, activation: 'sigmoid' },
    loss: 'binaryCrossentropy',
  },
  {
    name: '[4,3] flattened-12-6-3 relu → softmax, sparseCategoricalCrossentropy',
    inputShape: [4, 3],
    hidden: [{ units: 6, activation: 'relu' }],
    output: { units: 3, activation: 'softmax' },
    loss: 'sparseCategoricalCrossentropy',
  },
  {
    name: '3-5-4 tanh → softmax, mse on one-hot targets',
    inputShape: [3],
    hidden: [{ units: 5, activation: 'tanh' }],
    output: { units: 4, activation: 'softmax' },
    loss: 'mse',
  },
  {
    name: '3-4 softmax without hidden layers, sparseCategoricalCrossentropy',
    inputShape: [3],
    hidden: [],
    output: { units: 4, activation: 'softmax' },
    loss: 'sparseCategoricalCrossentropy',
  },
];

export const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Targets that suit the loss: class labels, 0/1 values, or real numbers. */
export function targets(
  c: GradCase,
  rows: number,
  seed: number,
): { y: Float32Array; yShape: number[] } {
  const u = testNumbers(rows * c.output.units, seed, 0, 1);
  if (c.loss === 'sparseCategoricalCrossentropy') {
    return {
      y: Float32Array.from({ length: rows }, (_, r) => Math.floor(u[r]! * c.output.units)),
      yShape: [1],
    };
  }
  if (c.loss === 'binaryCrossentropy')
    return { y: u.map((v) => (v > 0.5 ? 1 : 0)), yShape: [c.output.units] };
  if (c.output.activation === 'softmax') {
    // One-hot rows.
    const y = new Float32Array(rows * c.output.units);
    for (let r = 0; r < rows; r++) y[r * c.output.units + Math.floor(u[r]! * c.output.units)] = 1;
    return { y, yShape: [c.output.units] };
  }
  return { y: u.map((v) => 2 * v - 1), yShape: [c.output.units] };
}

export function configOf(c: GradCase, seed: number): ModelConfig {
  return denseConfig({
    inputShape: c.inputShape,
    hidden: c.hidden,
    output: c.output,
    loss: c.loss,
    seed,
  });
}

/**
 * tfjs's own answer: Keras's loss as tfjs-layers implements it (`tf.metrics.*`, per example, then
 * averaged over the batch as `fit` does), differentiated by `tf.variableGrads`.
 */
export function kerasLoss(loss: Loss, ys: tf.Tensor, pred: tf.Tensor): tf.Scalar {
  switch (loss) {
    case 'mse':
      return tf.mean(tf.metrics.meanSquaredError(ys, pred));
    case 'binaryCrossentropy':
      return tf.mean(tf.metrics.binaryCrossentropy(ys, pred));
    case 'sparseCategoricalCrossentropy': {
      const labels = tf.oneHot(tf.cast(tf.reshape(ys, [-1]), 'int32'), pred.shape[1]!);
      return tf.mean(tf.metrics.categoricalCrossentropy(labels, pred));
    }
  }
}

export function tfjsGradients(
  model: tf.LayersModel,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  c: GradCase,
  yShape: number[],
): { loss: number; grads: Float32Array[] } {
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return tf.tidy(() => {
    const xs = tf.tensor(x, [rows, ...c.inputShape]);
    const ys = tf.tensor(y, [rows, ...yShape]);
    const { value, grads } = tf.variableGrads(
      () => kerasLoss(c.loss, ys, model.apply(xs, { training: true }) as tf.Tensor),
      vars,
    );
    return {
      loss: value.dataSync()[0]!,
      grads: vars.map((v) => Float32Array.from(grads[v.name]!.dataSync() as Float32Array)),
    };
  });
}

/** The model both fast paths train beside the stock path on `regressionData`: 3 epochs × 3 batches. */
export function regressionConfig(optimizer: OptimizerConfig): ModelConfig {
  return denseConfig({
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
}

/** 10 examples, batch 4: batches of 4, 4 and a last partial batch of 2 in every epoch. */
export function regressionData(): TrainData {
  const x = testNumbers(10 * 3, 7, -1, 1);
  const y = new Float32Array(10 * 2);
  for (let i = 0; i < 10; i++) {
    y[2 * i] = x[3 * i]! - 0.5 * x[3 * i + 1]!;
    y[2 * i + 1] = x[3 * i + 2]! * x[3 * i]!;
  }
  return { x, y, count: 10, xShape: [3], yShape: [2] };
}

export function classData(): TrainData {
  const x = testNumbers(10 * 12, 9, -1, 1);
  const y = Float32Array.from({ length: 10 }, (_, i) => i % 3);
  return { x, y, count: 10, xShape: [4, 3], yShape: [1] };
}

/**
 * The absolute tolerance on weights after `steps` updates. tfjs keeps Adam's β₂ᵗ in a float32
 * variable, so its bias correction 1 − β₂ᵗ carries a relative error of ~1e-5 (β₂ = 0.999 is
 * 0.99900001287 in float32: 1 − β₂ is off by 1.3e-5), and each Adam step of size ≈ lr is off by
 * up to ~1e-5·lr; the fused path computes it in float64. Other optimizers get the plain 1e-7.
 */
export function weightTolerance(optimizer: OptimizerConfig, steps: number): number {
  return optimizer.kind === 'adam' ? 1e-7 + 1e-5 * optimizer.learningRate * steps : 1e-7;
}

export const OPTIMIZERS: OptimizerConfig[] = [
  { kind: 'sgd', learningRate: 0.2 },
  // Hyper-parameters away from their defaults, so a swapped or ignored one shows.
  { kind: 'momentum', learningRate: 0.05, momentum: 0.7 },
  { kind: 'adam', learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6 },
  { kind: 'rmsprop', learningRate: 0.01, rho: 0.8, momentum: 0.3, epsilon: 1e-6 },
];
