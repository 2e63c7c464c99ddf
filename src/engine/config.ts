import * as z from 'zod';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'linear', 'softmax'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const LOSSES = ['mse', 'binaryCrossentropy', 'sparseCategoricalCrossentropy'] as const;
export type Loss = (typeof LOSSES)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

/** The bounds a lab allows; each lab narrows these to what its controls offer. */
export interface ConfigLimits {
  hiddenLayers: readonly [number, number];
  units: readonly [number, number];
  learningRate: readonly [number, number];
  batchSize: readonly [number, number];
  epochs: readonly [number, number];
  /** Allowed in hidden layers. */
  activations: readonly Activation[];
  losses: readonly Loss[];
}

export const ENGINE_LIMITS: ConfigLimits = {
  hiddenLayers: [0, 8],
  units: [1, 2048],
  learningRate: [1e-6, 10],
  batchSize: [1, 1_000_000],
  epochs: [1, 100_000],
  activations: ACTIVATIONS,
  losses: LOSSES,
};

const MAX_SEED = 2 ** 31 - 1;

function int(range: readonly [number, number]) {
  return z.number().int().min(range[0]).max(range[1]);
}

/**
 * One schema per config: it gives the type, the validation (with field paths in every message)
 * and, through `repairConfig`, the clamping used for URLs and files.
 */
export function modelConfigSchema(limits: ConfigLimits = ENGINE_LIMITS) {
  const learningRate = z.number().min(limits.learningRate[0]).max(limits.learningRate[1]);
  const activation = z.enum(limits.activations as [Activation, ...Activation[]]);
  const optimizer = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('sgd'), learningRate }),
    z.object({
      kind: z.literal('momentum'),
      learningRate,
      momentum: z.number().min(0).max(0.999).default(0.9),
    }),
    z.object({
      kind: z.literal('adam'),
      learningRate,
      beta1: z.number().min(0).max(0.9999).default(0.9),
      beta2: z.number().min(0).max(0.99999).default(0.999),
      epsilon: z.number().min(1e-10).max(1).default(1e-7),
    }),
    z.object({
      kind: z.literal('rmsprop'),
      learningRate,
      rho: z.number().min(0).max(0.9999).default(0.9),
      momentum: z.number().min(0).max(0.999).default(0),
      epsilon: z.number().min(1e-10).max(1).default(1e-7),
    }),
  ]);
  return z.object({
    inputShape: z.array(z.number().int().min(1).max(100_000)).min(1).max(3),
    hidden: z
      .array(z.object({ units: int(limits.units), activation }))
      .min(limits.hiddenLayers[0])
      .max(limits.hiddenLayers[1]),
    // The output layer is set by the lab (sigmoid for a gate, softmax for ten classes), not by a slider.
    output: z.object({ units: int([1, 1000]), activation: z.enum(ACTIVATIONS) }),
    loss: z.enum(limits.losses as [Loss, ...Loss[]]),
    optimizer,
    batchSize: int(limits.batchSize),
    epochs: int(limits.epochs),
    shuffle: z.boolean(),
    seed: int([0, MAX_SEED]),
  });
}

export type ModelConfig = z.infer<ReturnType<typeof modelConfigSchema>>;
export type OptimizerConfig = ModelConfig['optimizer'];
export type HiddenLayer = ModelConfig['hidden'][number];

/** Keras's default hyper-parameters for each optimizer, at a given learning rate. */
export function defaultOptimizer(kind: OptimizerKind, learningRate: number): OptimizerConfig {
  switch (kind) {
    case 'sgd':
      return { kind, learningRate };
    case 'momentum':
      return { kind, learningRate, momentum: 0.9 };
    case 'adam':
      return { kind, learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
    case 'rmsprop':
      return { kind, learningRate, rho: 0.9, momentum: 0, epsilon: 1e-7 };
  }
}
