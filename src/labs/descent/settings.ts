import type { Gate } from '../../data/gates';
import { POINT_SETS, type PointSet } from '../../data/points';
import type { ConfigLimits, ModelConfig } from '../../engine/config';
import { modelConfigSchema } from '../../engine/config';

export const DATA_SETS = ['fashion', 'gates', ...POINT_SETS] as const;
export type DataSetId = (typeof DATA_SETS)[number];

export const isPointSet = (data: DataSetId): data is PointSet =>
  (POINT_SETS as readonly string[]).includes(data);

export const DESCENT_LIMITS: ConfigLimits = {
  hiddenLayers: [0, 4],
  units: [1, 256],
  learningRate: [0.0001, 10],
  batchSize: [1, 60_000],
  epochs: [1, 5000],
  activations: ['relu', 'tanh', 'sigmoid'],
  losses: ['sparseCategoricalCrossentropy', 'binaryCrossentropy'],
};

export const descentModelSchema = modelConfigSchema(DESCENT_LIMITS);

/** A run's batch size: a number, or every training example (batch gradient descent). */
export type BatchChoice = number | 'all';

export const MAX_RUNS = 6;
export const FULL_IMAGES = 60_000;
/** The share of the examples held out for validation (the last ones, as Keras's validation_split). */
export const VALIDATION_SHARE = 0.2;

export interface DescentSettings {
  data: DataSetId;
  /** Fashion-MNIST: how many of the 60,000 training images (training and validation together). */
  images: number;
  gate: Gate;
  /** The 2-D point sets: how many points, and Playground's noise (0 to 0.5). */
  points: number;
  noise: number;
  /**
   * The network and optimizer every run shares. Its input, output and loss follow the data set;
   * its batch size is unused (each run has its own).
   */
  model: ModelConfig;
  /** One run per entry, trained one after the other from the same initial weights. */
  runs: BatchChoice[];
}

/** Stochastic, mini-batch (the lecture's smallest b, 64) and batch gradient descent. */
export const DEFAULT_RUNS: readonly BatchChoice[] = [1, 64, 'all'];

/** The runs a data set starts with: four truth-table rows leave room for b = 2 only. */
export function defaultRuns(data: DataSetId): BatchChoice[] {
  return data === 'gates' ? [1, 2, 'all'] : [...DEFAULT_RUNS];
}

/**
 * Settings that train in seconds for each data set, with plain SGD so the batch size is the only
 * difference between runs. Measured on a 2-core machine: with 2,000 images (1,600 to train), an
 * SGD epoch of Fashion-MNIST takes about half a second.
 */
export function presetModel(data: DataSetId): ModelConfig {
  const seed = 1;
  const common = { batchSize: 64, shuffle: true, seed } as const;
  if (data === 'fashion') {
    return {
      ...common,
      inputShape: [28, 28],
      hidden: [{ units: 64, activation: 'relu' }],
      output: { units: 10, activation: 'softmax' },
      loss: 'sparseCategoricalCrossentropy',
      optimizer: { kind: 'sgd', learningRate: 0.02 },
      epochs: 5,
    };
  }
  const twoD = {
    ...common,
    inputShape: [2],
    output: { units: 1, activation: 'sigmoid' as const },
    loss: 'binaryCrossentropy' as const,
  };
  if (data === 'gates') {
    return {
      ...twoD,
      hidden: [{ units: 4, activation: 'tanh' }],
      optimizer: { kind: 'sgd', learningRate: 0.5 },
      epochs: 300,
    };
  }
  return {
    ...twoD,
    hidden: [
      { units: 8, activation: 'tanh' },
      { units: 8, activation: 'tanh' },
    ],
    optimizer: { kind: 'sgd', learningRate: 0.03 },
    epochs: 100,
  };
}

export function defaultSettings(data: DataSetId = 'fashion'): DescentSettings {
  return {
    data,
    images: 2000,
    gate: 'XOR',
    points: 500,
    noise: 0.1,
    model: presetModel(data),
    runs: defaultRuns(data),
  };
}

/**
 * Another data set starts from its own preset network, training length and runs (Fashion-MNIST
 * needs a few epochs, XOR hundreds); the seed is kept.
 */
export function withDataSet(settings: DescentSettings, data: DataSetId): DescentSettings {
  if (data === settings.data) return settings;
  const model = { ...presetModel(data), seed: settings.model.seed };
  return { ...settings, data, model, runs: defaultRuns(data) };
}

/** The input, output and loss a data set needs, over the student's network and optimizer. */
export function modelForData(model: ModelConfig, data: DataSetId): ModelConfig {
  const { inputShape, output, loss } = presetModel(data);
  return { ...model, inputShape, output, loss };
}

/** How many examples train and how many validate. */
export function splitCounts(settings: DescentSettings): { train: number; validation: number } {
  const total =
    settings.data === 'fashion' ? settings.images : settings.data === 'gates' ? 4 : settings.points;
  // Four truth-table rows are all there is: nothing is held out.
  if (settings.data === 'gates') return { train: total, validation: 0 };
  const validation = Math.floor(total * VALIDATION_SHARE);
  return { train: total - validation, validation };
}

export type RunKind = 'sgd' | 'mini' | 'batch';

/** b = 1 is stochastic, b ≥ N batch gradient descent, anything between mini-batch. */
export function runKind(choice: BatchChoice, trainCount: number): RunKind {
  const b = effectiveBatch(choice, trainCount);
  if (b >= trainCount) return 'batch';
  return b === 1 ? 'sgd' : 'mini';
}

export function effectiveBatch(choice: BatchChoice, trainCount: number): number {
  return Math.max(1, choice === 'all' ? trainCount : Math.min(choice, trainCount));
}

/**
 * Colours told apart by colour-blind eyes too (Okabe and Ito): SGD vermilion, batch bluish green,
 * mini-batches blue, then the rest.
 */
const KIND_COLOR: Record<Exclude<RunKind, 'mini'>, string> = { sgd: '#d55e00', batch: '#009e73' };
const OTHER_COLORS = ['#0072b2', '#cc79a7', '#e69f00', '#56b4e9', '#1d2330', '#8c6d31'];

/** One colour per run, all different. */
export function runColors(kinds: readonly RunKind[]): string[] {
  const used = new Set<string>();
  const colors = kinds.map((kind) => {
    const own = kind === 'mini' ? null : KIND_COLOR[kind];
    if (own && !used.has(own)) {
      used.add(own);
      return own;
    }
    return null;
  });
  return colors.map((color) => {
    if (color) return color;
    const next = OTHER_COLORS.find((c) => !used.has(c)) ?? '#777777';
    used.add(next);
    return next;
  });
}

/** Batch sizes offered for a mini-batch run (the lecture's 64 … 1024 among them). */
export const BATCH_CHOICES = [
  1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768,
] as const;

/** A batch size for a new run: the first of 16, 256, 8, 512, 4… not yet among the runs. */
export function nextBatchChoice(runs: readonly BatchChoice[]): BatchChoice {
  const taken = new Set(runs);
  return [16, 256, 8, 512, 4, 128, 32, 1024, 2].find((b) => !taken.has(b)) ?? 64;
}
