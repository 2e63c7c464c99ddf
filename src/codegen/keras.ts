/**
 * The lab's settings in Keras's (TensorFlow 2, Python) words: activations, losses, optimizers, seeds.
 */
import type { Activation, Loss, OptimizerConfig } from '../engine/config';
import { numberLiteral } from './format';

/** `tf.keras.activations.sigmoid`, as the lecture writes it. */
export function pyActivation(activation: Activation): string {
  return `tf.keras.activations.${activation}`;
}

/** The loss as `compile` takes it by name (the lecture's `loss="mse"`). */
export function pyLossName(loss: Loss): string {
  const names: Record<Loss, string> = {
    mse: 'mse',
    binaryCrossentropy: 'binary_crossentropy',
    sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  };
  return `"${names[loss]}"`;
}

/** The loss as an object (the lecture's `tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False)`). */
export function pyLossObject(loss: Loss): string {
  switch (loss) {
    case 'mse':
      return 'tf.keras.losses.MeanSquaredError()';
    case 'binaryCrossentropy':
      return 'tf.keras.losses.BinaryCrossentropy(from_logits=False)';
    case 'sparseCategoricalCrossentropy':
      return 'tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False)';
  }
}

export interface PyOptimizer {
  /** `tf.keras.optimizers.Adam(learning_rate=0.001)`: the learning rate and every non-default parameter. */
  call: string;
  /** The parameters left at Keras's defaults, said in a comment (null when there are none). */
  note: string | null;
  /** The variable the lecture keeps it in: `sgd` in MLP.py. */
  variable: string;
}

interface Param {
  name: string;
  value: number;
  /** null: always written out. */
  kerasDefault: number | null;
}

function optimizerCall(className: string, variable: string, params: readonly Param[]): PyOptimizer {
  const args = params
    .filter((p) => p.value !== p.kerasDefault)
    .map((p) => `${p.name}=${numberLiteral(p.value)}`);
  const defaults = params.filter((p) => p.value === p.kerasDefault);
  const note =
    defaults.length === 0
      ? null
      : `${className}'s ${defaults.map((p) => `${p.name}=${numberLiteral(p.value)}`).join(', ')}: Keras's default${defaults.length > 1 ? 's' : ''}`;
  return { call: `tf.keras.optimizers.${className}(${args.join(', ')})`, note, variable };
}

/** The optimizer as the lecture builds it: `tf.keras.optimizers.SGD(learning_rate=0.1)`. */
export function pyOptimizer(optimizer: OptimizerConfig): PyOptimizer {
  const learningRate = { name: 'learning_rate', value: optimizer.learningRate, kerasDefault: null };
  switch (optimizer.kind) {
    case 'sgd':
      return optimizerCall('SGD', 'sgd', [learningRate]);
    case 'momentum':
      // The momentum is the point of this choice: always written out (its Keras default is 0).
      return optimizerCall('SGD', 'sgd', [
        learningRate,
        { name: 'momentum', value: optimizer.momentum, kerasDefault: null },
      ]);
    case 'adam':
      return optimizerCall('Adam', 'adam', [
        learningRate,
        { name: 'beta_1', value: optimizer.beta1, kerasDefault: 0.9 },
        { name: 'beta_2', value: optimizer.beta2, kerasDefault: 0.999 },
        { name: 'epsilon', value: optimizer.epsilon, kerasDefault: 1e-7 },
      ]);
    case 'rmsprop':
      return optimizerCall('RMSprop', 'rmsprop', [
        learningRate,
        { name: 'rho', value: optimizer.rho, kerasDefault: 0.9 },
        { name: 'momentum', value: optimizer.momentum, kerasDefault: 0 },
        { name: 'epsilon', value: optimizer.epsilon, kerasDefault: 1e-7 },
      ]);
  }
}

/** How many of `n` examples Keras's `validation_split` (and tfjs's `validationSplit`) holds out: the last ones. */
export function kerasValidationCount(n: number, share: number): number {
  return n - Math.floor(n * (1 - share));
}

/** The comment on seeds, shared by both Python programs. */
export const PY_SEED_NOTE = [
  '# Seeds: tf.keras.utils.set_random_seed(seed) before a model is built fixes its initial weights and the',
  '# order in which fit shuffles the examples, so every run of this program gives the same numbers. They are',
  "# not the lab's numbers: the same seed does not give the same numbers in TensorFlow as in the browser",
  '# (TensorFlow.js draws its random numbers differently).',
];
