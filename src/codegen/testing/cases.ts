/**
 * Lab settings the code generator's tests run through both generators: the lecture's, and ones that
 * change each setting. Not part of the app.
 */
import { defaultOptimizer, type ModelConfig } from '../../engine/config';
import {
  lectureSettings as fashionLecture,
  type FashionSettings,
} from '../../labs/fashion/settings';
import {
  lectureModel,
  lectureSettings as gatesLecture,
  type GatesSettings,
} from '../../labs/gates/settings';

const slp = lectureModel([]);
const mlp = lectureModel([4]);

function gates(
  first: Partial<ModelConfig>,
  second: Partial<ModelConfig>,
  gate: GatesSettings['gate'] = 'XOR',
) {
  return {
    gate,
    models: [
      { ...slp, ...first },
      { ...mlp, ...second },
    ],
  } satisfies GatesSettings;
}

export const GATE_CASES: Record<string, GatesSettings> = {
  lecture: gatesLecture('XOR'),
  'lecture AND': gatesLecture('AND'),
  'tanh MLP, Adam and RMSprop with their own parameters': gates(
    { optimizer: { kind: 'adam', learningRate: 0.01, beta1: 0.8, beta2: 0.999, epsilon: 1e-7 } },
    {
      hidden: [{ units: 8, activation: 'tanh' }],
      optimizer: { kind: 'rmsprop', learningRate: 0.002, rho: 0.95, momentum: 0.5, epsilon: 1e-6 },
    },
    'XNOR',
  ),
  'two MLPs with different activations, batch sizes, epochs, seeds and shuffling': gates(
    {
      hidden: [{ units: 3, activation: 'relu' }],
      batchSize: 4,
      epochs: 200,
      seed: 42,
      shuffle: false,
    },
    {
      hidden: [
        { units: 8, activation: 'tanh' },
        { units: 8, activation: 'tanh' },
      ],
    },
    'NAND',
  ),
  'activations per layer, binary cross-entropy for one model': gates(
    { hidden: [{ units: 2, activation: 'sigmoid' }], loss: 'binaryCrossentropy' },
    {
      hidden: [
        { units: 4, activation: 'relu' },
        { units: 4, activation: 'tanh' },
      ],
    },
    'OR',
  ),
  'the same model twice, momentum, binary cross-entropy, no shuffling': gates(
    {
      hidden: [{ units: 4, activation: 'sigmoid' }],
      optimizer: defaultOptimizer('momentum', 0.5),
      loss: 'binaryCrossentropy',
      shuffle: false,
    },
    { optimizer: defaultOptimizer('momentum', 0.5), loss: 'binaryCrossentropy', shuffle: false },
    'NOR',
  ),
};

function fashion(
  model: Partial<ModelConfig>,
  rest: Partial<FashionSettings> = {},
): FashionSettings {
  const lecture = fashionLecture();
  return { ...lecture, ...rest, model: { ...lecture.model, ...model } };
}

export const FASHION_CASES: Record<string, FashionSettings> = {
  lecture: fashionLecture(),
  'no hidden layer, SGD, 6,000 images, a fifth held out': fashion(
    { hidden: [], optimizer: defaultOptimizer('sgd', 0.05), batchSize: 128, epochs: 3 },
    { trainCount: 6000, validationShare: 0.2 },
  ),
  'three hidden layers with sigmoid and tanh, RMSprop, no shuffling': fashion({
    hidden: [
      { units: 256, activation: 'sigmoid' },
      { units: 64, activation: 'tanh' },
      { units: 64, activation: 'sigmoid' },
    ],
    optimizer: { kind: 'rmsprop', learningRate: 0.0005, rho: 0.8, momentum: 0, epsilon: 1e-7 },
    shuffle: false,
    seed: 123,
  }),
  'SGD with momentum, one batch of 45,000 images, 30% held out': fashion(
    { optimizer: defaultOptimizer('momentum', 0.01), batchSize: 45000 },
    { trainCount: 45000, validationShare: 0.3 },
  ),
};
