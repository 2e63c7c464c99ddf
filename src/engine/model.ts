import * as tf from '@tensorflow/tfjs';
import type { Activation, Loss, ModelConfig, OptimizerConfig } from './config';

export interface BuiltModel {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  /** Frees the weights and the optimizer's slots (momentum, Adam moments). */
  dispose(): void;
}

const KERAS_LOSS: Record<Loss, string> = {
  mse: 'meanSquaredError',
  binaryCrossentropy: 'binaryCrossentropy',
  sparseCategoricalCrossentropy: 'sparseCategoricalCrossentropy',
};

export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.kind) {
    case 'sgd':
      return tf.train.sgd(config.learningRate);
    case 'momentum':
      return tf.train.momentum(config.learningRate, config.momentum);
    case 'adam':
      return tf.train.adam(config.learningRate, config.beta1, config.beta2, config.epsilon);
    case 'rmsprop':
      return tf.train.rmsprop(config.learningRate, config.rho, config.momentum, config.epsilon);
  }
}

/** The seed of the `index`-th Dense layer's Glorot-uniform kernel: each layer draws differently. */
export function kernelSeed(seed: number, index: number): number {
  return seed * 1009 + index;
}

function tfActivation(activation: Activation): 'sigmoid' | 'tanh' | 'relu' | 'linear' | 'softmax' {
  return activation;
}

/**
 * The lecture's `MLP.build_model`, generalised: Input → (Flatten) → one Dense per hidden layer →
 * Dense output, Glorot-uniform kernels and zero biases as Keras does. No hidden layers is the
 * single-layer perceptron. The same seed gives the same initial weights.
 */
export function buildModel(config: ModelConfig): BuiltModel {
  const model = tf.sequential();
  let inputShape: number[] | undefined = [...config.inputShape];
  if (config.inputShape.length > 1) {
    model.add(tf.layers.flatten({ inputShape }));
    inputShape = undefined;
  }
  const dense = [...config.hidden, config.output];
  dense.forEach((layer, i) => {
    model.add(
      tf.layers.dense({
        units: layer.units,
        activation: tfActivation(layer.activation),
        useBias: true,
        kernelInitializer: tf.initializers.glorotUniform({ seed: kernelSeed(config.seed, i) }),
        biasInitializer: 'zeros',
        ...(i === 0 && inputShape ? { inputShape } : {}),
      }),
    );
  });
  const optimizer = createOptimizer(config.optimizer);
  model.compile({ optimizer, loss: KERAS_LOSS[config.loss] });
  return {
    model,
    optimizer,
    dispose() {
      optimizer.dispose();
      model.dispose();
    },
  };
}

export interface SummaryRow {
  layer: string;
  outputShape: string;
  params: number;
}

/** `model.summary()` as Keras prints it, computed from the config alone. */
export function summarize(config: ModelConfig): { rows: SummaryRow[]; total: number } {
  const shape = (dims: readonly number[]) => `(None, ${dims.join(', ')})`;
  const rows: SummaryRow[] = [
    { layer: 'input_layer (InputLayer)', outputShape: shape(config.inputShape), params: 0 },
  ];
  let width = config.inputShape.reduce((a, b) => a * b, 1);
  if (config.inputShape.length > 1) {
    rows.push({ layer: 'flatten (Flatten)', outputShape: shape([width]), params: 0 });
  }
  [...config.hidden, config.output].forEach((layer, i) => {
    rows.push({
      layer: `${i === 0 ? 'dense' : `dense_${i}`} (Dense)`,
      outputShape: shape([layer.units]),
      params: width * layer.units + layer.units,
    });
    width = layer.units;
  });
  return { rows, total: rows.reduce((sum, row) => sum + row.params, 0) };
}
