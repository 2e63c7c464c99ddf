import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { denseConfig, readWeights, setCpuBackend } from '../test/helpers';
import type { ModelConfig } from './config';
import { buildModel, summarize } from './model';

beforeAll(setCpuBackend);

/** The lecture's `MLP(hidden_layer_conf, 1)`: 2 inputs, sigmoid layers, 1 sigmoid output. */
const lecture = (hidden: number[], seed = 8): ModelConfig =>
  denseConfig({ hidden: hidden.map((units) => ({ units, activation: 'sigmoid' })), seed });

const fashion: ModelConfig = denseConfig({
  inputShape: [28, 28],
  hidden: [
    { units: 128, activation: 'relu' },
    { units: 128, activation: 'relu' },
  ],
  output: { units: 10, activation: 'softmax' },
  loss: 'sparseCategoricalCrossentropy',
  optimizer: { kind: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  batchSize: 32,
});

function withModel<T>(config: ModelConfig, body: (model: tf.LayersModel) => T): T {
  const built = buildModel(config);
  try {
    return body(built.model);
  } finally {
    built.dispose();
  }
}

describe('buildModel', () => {
  test('parameter counts equal Keras: lecture SLP 3, MLP [4] 17', () => {
    // SLP: 2 weights + 1 bias. MLP [4]: (2·4 + 4) + (4·1 + 1).
    expect(withModel(lecture([]), (m) => m.countParams())).toBe(3);
    expect(withModel(lecture([4]), (m) => m.countParams())).toBe(17);
    expect(withModel(lecture([4, 4]), (m) => m.countParams())).toBe(12 + 20 + 5);
  });

  test('layers: Flatten only for multi-dimensional inputs, then one Dense per layer', () => {
    withModel(lecture([4]), (m) => {
      expect(m.layers.map((l) => l.getClassName())).toEqual(['Dense', 'Dense']);
      expect(m.outputs[0]!.shape).toEqual([null, 1]);
    });
    withModel(fashion, (m) => {
      expect(m.layers.map((l) => l.getClassName())).toEqual(['Flatten', 'Dense', 'Dense', 'Dense']);
      expect(m.inputs[0]!.shape).toEqual([null, 28, 28]);
      expect(m.outputs[0]!.shape).toEqual([null, 10]);
      const acts = m.layers
        .slice(1)
        .map((l) => (l.getConfig() as { activation: string }).activation);
      expect(acts).toEqual(['relu', 'relu', 'softmax']);
    });
  });

  test('the same seed gives identical initial weights, another seed different ones', () => {
    const a = withModel(lecture([4, 3], 8), readWeights);
    const b = withModel(lecture([4, 3], 8), readWeights);
    const c = withModel(lecture([4, 3], 9), readWeights);
    expect(a).toEqual(b);
    for (const k of [0, 2, 4]) expect(c[k]).not.toEqual(a[k]);
    // Layers of one model do not share a stream: its two 2×2 kernels differ.
    const d = withModel(lecture([2, 2], 1), readWeights);
    expect(d[0]!.length).toBe(d[2]!.length);
    expect(d[2]).not.toEqual(d[0]);
  });

  test('kernels are Glorot-uniform (|w| ≤ √(6/(fan_in+fan_out))), biases start at zero', () => {
    const config = denseConfig({
      inputShape: [30],
      hidden: [{ units: 20, activation: 'tanh' }],
      output: { units: 5, activation: 'linear' },
    });
    const w = withModel(config, readWeights);
    const shapes = [
      [30, 20],
      [20, 5],
    ];
    shapes.forEach(([fanIn, fanOut], l) => {
      const kernel = w[2 * l]!;
      const limit = Math.sqrt(6 / (fanIn! + fanOut!));
      expect(kernel.length).toBe(fanIn! * fanOut!);
      expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(limit);
      // Spread over the range, not all tiny: the variance of U(−l, l) is l²/3.
      const variance = kernel.reduce((s, v) => s + v * v, 0) / kernel.length;
      expect(variance).toBeGreaterThan((limit * limit) / 3 / 2);
      expect(variance).toBeLessThan(((limit * limit) / 3) * 2);
      expect(Array.from(w[2 * l + 1]!)).toEqual(new Array(fanOut).fill(0));
    });
  });

  test('dispose() frees every tensor it made, optimizer slots included', async () => {
    const before = tf.memory().numTensors;
    for (const optimizer of [
      { kind: 'sgd', learningRate: 0.1 },
      { kind: 'adam', learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    ] as const) {
      const built = buildModel(lecture([4, 4]));
      expect(tf.memory().numTensors).toBeGreaterThan(before);
      // One real update so the optimizer creates its slot variables.
      const xs = tf.tensor2d([0, 1, 1, 0], [2, 2]);
      const ys = tf.tensor2d([1, 1], [2, 1]);
      built.optimizer.minimize(
        () => tf.losses.meanSquaredError(ys, built.model.apply(xs) as tf.Tensor) as tf.Scalar,
      );
      xs.dispose();
      ys.dispose();
      built.dispose();
      expect(tf.memory().numTensors, optimizer.kind).toBe(before);
    }
  });
});

describe('summarize', () => {
  const configs: [string, ModelConfig][] = [
    ['SLP', lecture([])],
    ['MLP [4]', lecture([4])],
    ['MLP [8, 4, 2]', lecture([8, 4, 2])],
    [
      'one-hot 3-5-4 softmax',
      denseConfig({
        inputShape: [3],
        hidden: [{ units: 5, activation: 'relu' }],
        output: { units: 4, activation: 'softmax' },
      }),
    ],
    ['[4,3] input', denseConfig({ inputShape: [4, 3] })],
    ['Fashion-MNIST', fashion],
  ];
  for (const [name, config] of configs) {
    test(`total equals model.countParams(): ${name}`, () => {
      const s = summarize(config);
      expect(s.total).toBe(withModel(config, (m) => m.countParams()));
      expect(s.rows.reduce((a, r) => a + r.params, 0)).toBe(s.total);
    });
  }

  test('Fashion-MNIST MLP: 118,282 parameters, with a Flatten row, as Keras prints it', () => {
    const s = summarize(fashion);
    // 784·128+128 = 100,480; 128·128+128 = 16,512; 128·10+10 = 1,290.
    expect(s.total).toBe(118_282);
    expect(s.rows).toEqual([
      { layer: 'input_layer (InputLayer)', outputShape: '(None, 28, 28)', params: 0 },
      { layer: 'flatten (Flatten)', outputShape: '(None, 784)', params: 0 },
      { layer: 'dense (Dense)', outputShape: '(None, 128)', params: 100_480 },
      { layer: 'dense_1 (Dense)', outputShape: '(None, 128)', params: 16_512 },
      { layer: 'dense_2 (Dense)', outputShape: '(None, 10)', params: 1_290 },
    ]);
  });

  test('the lecture SLP has no Flatten row and 3 parameters in one Dense row', () => {
    expect(summarize(lecture([]))).toEqual({
      rows: [
        { layer: 'input_layer (InputLayer)', outputShape: '(None, 2)', params: 0 },
        { layer: 'dense (Dense)', outputShape: '(None, 1)', params: 3 },
      ],
      total: 3,
    });
  });
});
