import type { ConfigLimits, ModelConfig } from '../../engine/config';
import { modelConfigSchema } from '../../engine/config';

export const FASHION_LIMITS: ConfigLimits = {
  hiddenLayers: [0, 4],
  units: [16, 512],
  learningRate: [0.00001, 1],
  batchSize: [1, 60_000],
  epochs: [1, 50],
  activations: ['relu', 'sigmoid', 'tanh'],
  losses: ['sparseCategoricalCrossentropy'],
};

export const fashionModelSchema = modelConfigSchema(FASHION_LIMITS);

export const FULL_TRAIN_COUNT = 60_000;
export const DEFAULT_SEED = 1;

/** The lecture's `ImageClassifier`: Flatten → Dense 128 ReLU → Dense 128 ReLU → Dense 10 softmax, Adam 0.001. */
export function lectureClassifier(): ModelConfig {
  return {
    inputShape: [28, 28],
    hidden: [
      { units: 128, activation: 'relu' },
      { units: 128, activation: 'relu' },
    ],
    output: { units: 10, activation: 'softmax' },
    loss: 'sparseCategoricalCrossentropy',
    optimizer: { kind: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    batchSize: 32,
    epochs: 10,
    shuffle: true,
    seed: DEFAULT_SEED,
  };
}

export interface FashionSettings {
  model: ModelConfig;
  /** How many of the 60,000 training images to use (the first ones). */
  trainCount: number;
  /** The share of those held out for validation, taken from the end as Keras's `validation_split`. */
  validationShare: number;
}

export function lectureSettings(): FashionSettings {
  return { model: lectureClassifier(), trainCount: FULL_TRAIN_COUNT, validationShare: 0 };
}

/** A run of a few seconds to try things: 6,000 images, 2 epochs, a tenth held out. */
export function quickSettings(): FashionSettings {
  return { model: { ...lectureClassifier(), epochs: 2 }, trainCount: 6_000, validationShare: 0.1 };
}

/**
 * Which rows train and which validate, as Keras's `validation_split` does: the first
 * floor(n × (1 − share)) train, the rest (the last ones) validate.
 */
export function splitCounts(settings: Pick<FashionSettings, 'trainCount' | 'validationShare'>) {
  const train = Math.floor(settings.trainCount * (1 - settings.validationShare));
  return { train, validation: settings.trainCount - train };
}
