/**
 * The lab's settings in TensorFlow.js's words: optimizers, losses, Dense layers with the lab's seeds.
 */
import type { HiddenLayer, Loss, OptimizerConfig } from '../engine/config';
import { numberLiteral } from './format';
import { kernelSeed } from '../engine/model';

/** The name `model.compile` takes, as the lab's engine passes it. */
export function jsLoss(loss: Loss): string {
  const names: Record<Loss, string> = {
    mse: 'meanSquaredError',
    binaryCrossentropy: 'binaryCrossentropy',
    sparseCategoricalCrossentropy: 'sparseCategoricalCrossentropy',
  };
  return `'${names[loss]}'`;
}

/** `tf.train.adam(0.001, 0.9, 0.999, 1e-7)` and what its positional arguments are. */
export function jsOptimizer(optimizer: OptimizerConfig): { call: string; comment: string } {
  const n = numberLiteral;
  const lr = n(optimizer.learningRate);
  switch (optimizer.kind) {
    case 'sgd':
      return { call: `tf.train.sgd(${lr})`, comment: 'learning rate' };
    case 'momentum':
      return {
        call: `tf.train.momentum(${lr}, ${n(optimizer.momentum)})`,
        comment: 'learning rate, momentum',
      };
    case 'adam':
      return {
        call: `tf.train.adam(${lr}, ${n(optimizer.beta1)}, ${n(optimizer.beta2)}, ${n(optimizer.epsilon)})`,
        comment: 'learning rate, beta_1, beta_2, epsilon',
      };
    case 'rmsprop':
      return {
        call: `tf.train.rmsprop(${lr}, ${n(optimizer.rho)}, ${n(optimizer.momentum)}, ${n(optimizer.epsilon)})`,
        comment: "learning rate, decay (Keras's rho), momentum, epsilon",
      };
  }
}

/** `model.add(tf.layers.dense({ … }))` for the `index`-th Dense layer, as the lab's engine builds it. */
export function denseLines(
  model: string,
  layer: HiddenLayer,
  index: number,
  seed: number,
  inputShape: readonly number[] | null,
): string[] {
  return [
    `${model}.add(`,
    '  tf.layers.dense({',
    ...(inputShape ? [`    inputShape: [${inputShape.join(', ')}],`] : []),
    `    units: ${layer.units},`,
    `    activation: '${layer.activation}',`,
    '    useBias: true,',
    `    kernelInitializer: tf.initializers.glorotUniform({ seed: ${kernelSeed(seed, index)} }),`,
    '  }),',
    ');',
  ];
}

/** The comment on seeds, shared by both JavaScript programs. */
export const JS_SEED_NOTE = [
  "// Seeds: each Dense layer's initial weights come from glorotUniform with the seed the lab gives it (the",
  "// model's seed × 1009 + the layer's index), so they are the lab's own initial weights. The order in which",
  '// fit shuffles the examples is not seeded in TensorFlow.js (the lab shuffles with its own seeded',
  "// generator), so the trained numbers can differ from the lab's, from run to run.",
];

/** How to run a generated program, shared by both. */
export const JS_RUN_NOTE = [
  '// Run it in Node 20+: npm install @tensorflow/tfjs, save this file as .mjs (or as .js next to a',
  '// package.json that says "type": "module"), then run node on it. In a browser: a <script type="module">',
  "// importing tf from 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/+esm' instead.",
];
