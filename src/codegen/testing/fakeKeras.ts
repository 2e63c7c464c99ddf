/**
 * Test helpers: what a generated Python program did, read from the fake TensorFlow's log, and what Keras
 * should do for a lab config, stated here on its own (not with the generator's code). Not part of the app.
 */
import type { ModelConfig, OptimizerConfig } from '../../engine/config';
import type { FakeTfEvent } from './run';

/** One model of a run: the seed set just before it was built, its layers, its compile and fit calls. */
export interface KerasRun {
  seed: number | null;
  inputShape: unknown;
  layers: unknown;
  compile: unknown;
  fit: unknown;
}

export function kerasRuns(events: readonly FakeTfEvent[]): KerasRun[] {
  const ofModel = (name: string, id: unknown) => {
    const found = events.find((e) => e.event === name && e.model === id);
    if (!found) return null;
    return Object.fromEntries(
      Object.entries(found).filter(([key]) => key !== 'event' && key !== 'model'),
    );
  };
  return events
    .filter((e) => e.event === 'model')
    .map((m) => {
      const seeds = events.filter((e) => e.event === 'seed' && e.next_model === m.model);
      return {
        seed: (seeds[seeds.length - 1]?.seed as number | undefined) ?? null,
        inputShape: m.input_shape,
        layers: m.layers,
        compile: ofModel('compile', m.model),
        fit: ofModel('fit', m.model),
      };
    });
}

/** The Keras optimizer a lab optimizer is, with every parameter the fake records. */
export function kerasOptimizer(optimizer: OptimizerConfig): Record<string, unknown> {
  switch (optimizer.kind) {
    case 'sgd':
      return { class: 'SGD', learning_rate: optimizer.learningRate, momentum: 0, nesterov: false };
    case 'momentum':
      return {
        class: 'SGD',
        learning_rate: optimizer.learningRate,
        momentum: optimizer.momentum,
        nesterov: false,
      };
    case 'adam':
      return {
        class: 'Adam',
        learning_rate: optimizer.learningRate,
        beta_1: optimizer.beta1,
        beta_2: optimizer.beta2,
        epsilon: optimizer.epsilon,
        amsgrad: false,
      };
    case 'rmsprop':
      return {
        class: 'RMSprop',
        learning_rate: optimizer.learningRate,
        rho: optimizer.rho,
        momentum: optimizer.momentum,
        epsilon: optimizer.epsilon,
        centered: false,
      };
  }
}

function denseLayers(config: ModelConfig) {
  return [...config.hidden, config.output].map((layer) => ({
    type: 'Dense',
    units: layer.units,
    activation: layer.activation,
    use_bias: true,
  }));
}

/** What the lecture's MLP class should build, compile and fit for one model of the gates lab. */
export function expectedGateRun(config: ModelConfig): KerasRun {
  const loss = { mse: 'mse', binaryCrossentropy: 'binary_crossentropy' }[
    config.loss as 'mse' | 'binaryCrossentropy'
  ];
  return {
    seed: config.seed,
    inputShape: [2],
    layers: denseLayers(config),
    compile: { optimizer: kerasOptimizer(config.optimizer), loss, metrics: null },
    fit: {
      examples: 4,
      pixel_max: 1,
      batch_size: config.batchSize,
      epochs: config.epochs,
      shuffle: config.shuffle,
      validation_split: 0,
    },
  };
}

/** What the lecture's ImageClassifier should build, compile and fit for the Fashion-MNIST lab. */
export function expectedFashionRun(
  config: ModelConfig,
  trainCount: number,
  validationShare: number,
): KerasRun {
  return {
    seed: config.seed,
    inputShape: [28, 28],
    layers: [{ type: 'Flatten' }, ...denseLayers(config)],
    compile: {
      optimizer: kerasOptimizer(config.optimizer),
      loss: { class: 'SparseCategoricalCrossentropy', from_logits: false },
      metrics: ['accuracy'],
    },
    fit: {
      examples: trainCount,
      // The images were divided by 255.0 before training.
      pixel_max: 1,
      batch_size: config.batchSize,
      epochs: config.epochs,
      shuffle: config.shuffle,
      validation_split: validationShare,
    },
  };
}
