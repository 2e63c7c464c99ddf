import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CASES,
  classData,
  configOf,
  OPTIMIZERS,
  regressionConfig,
  regressionData,
  size,
  targets,
  tfjsGradients,
  weightTolerance,
} from '../test/denseCases';
import {
  denseConfig,
  expectAllClose,
  readWeights,
  setCpuBackend,
  testNumbers,
} from '../test/helpers';
import { setWasmBackend } from '../test/wasm';
import { rowRange, type TrainData } from './batch';
import type { ModelConfig } from './config';
import { buildModel } from './model';
import { tfjsRunner } from './tfjsRunner';
import type { BatchSpec, StepRunner } from './stepTypes';
import { denseGradients } from './wasmGradients';
import { wasmRunner, type WasmRunnerOptions } from './wasmRunner';

beforeAll(setWasmBackend);
afterAll(setCpuBackend);

/** The tolerance of the fused cpu path's gradient tests: 1e-5 relative, 1e-7 absolute. */
function expectGradientsClose(got: Float32Array, want: Float32Array, label: string) {
  expectAllClose(got, want, { rel: 1e-5, abs: 1e-7, label });
}

/** The wasm path's gradients for one batch, with the given layers' products transposed. */
function wasmGradients(
  model: tf.LayersModel,
  config: ModelConfig,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  yShape: number[],
  transposed: boolean[],
): { loss: number; grads: Float32Array[] } {
  return tf.tidy(() => {
    const inputs = size(config.inputShape);
    const xs = tf.tensor3d(x, [1, rows, inputs]);
    const batch = transposed[0]
      ? { xT: tf.transpose(xs, [0, 2, 1]), y: tf.tensor(y, [rows, ...yShape]) }
      : { x: xs, y: tf.tensor(y, [rows, ...yShape]) };
    const params = model.trainableWeights.map((w) => w.read());
    const { grads, stats } = denseGradients(params, config, batch, transposed);
    return {
      loss: stats.dataSync()[0]!,
      grads: grads.map((g) => Float32Array.from(g.dataSync() as Float32Array)),
    };
  });
}

/** Every layer as it is, every layer transposed, and alternating from the first. */
function layouts(layers: number): [string, boolean[]][] {
  const all = (t: boolean) => Array<boolean>(layers).fill(t);
  const mixed = all(false).map((_, l) => l % 2 === 0);
  return [
    ['plain', all(false)],
    ['transposed', all(true)],
    ['mixed', mixed],
  ];
}

describe('the wasm path computes the gradients tf.variableGrads computes', () => {
  for (const c of CASES) {
    for (const [layout, transposed] of layouts(c.hidden.length + 1)) {
      for (const rows of [1, 3, 8]) {
        test(`${c.name}, batch ${rows}, ${layout}`, () => {
          const built = buildModel(configOf(c, 11 + rows));
          try {
            const x = testNumbers(rows * size(c.inputShape), 100 + rows, -2, 2);
            const { y, yShape } = targets(c, rows, 200 + rows);
            const want = tfjsGradients(built.model, x, y, rows, c, yShape);
            const config = configOf(c, 11 + rows);
            const got = wasmGradients(built.model, config, x, y, rows, yShape, transposed);
            expect(got.loss).toBeCloseTo(want.loss, 5);
            want.grads.forEach((g, p) => {
              expect(
                g.some((v) => v !== 0),
                `parameter ${p} has a non-zero gradient`,
              ).toBe(true);
              expectGradientsClose(got.grads[p]!, g, `parameter ${p}`);
            });
          } finally {
            built.dispose();
          }
        });
      }
    }
  }

  test('the lecture model’s shape (784-64-32-10 relu, softmax) at batch 32 and a last batch of 5', () => {
    const c = {
      name: 'fashion-like',
      inputShape: [28, 28],
      hidden: [
        { units: 64, activation: 'relu' as const },
        { units: 32, activation: 'relu' as const },
      ],
      output: { units: 10, activation: 'softmax' as const },
      loss: 'sparseCategoricalCrossentropy' as const,
    };
    for (const rows of [32, 5]) {
      for (const [layout, transposed] of layouts(3)) {
        const built = buildModel(configOf(c, 4));
        try {
          const x = testNumbers(rows * 784, rows, 0, 1);
          const { y, yShape } = targets(c, rows, 9);
          const want = tfjsGradients(built.model, x, y, rows, c, yShape);
          const got = wasmGradients(built.model, configOf(c, 4), x, y, rows, yShape, transposed);
          expect(got.loss).toBeCloseTo(want.loss, 5);
          want.grads.forEach((g, p) =>
            expectGradientsClose(got.grads[p]!, g, `batch ${rows} ${layout} p${p}`),
          );
        } finally {
          built.dispose();
        }
      }
    }
  });
});

/** Batches of 4 over `count` examples, `epochs` times, the last of each epoch partial. */
function batchesOf(count: number, batchSize: number, epochs: number): BatchSpec[] {
  const out: BatchSpec[] = [];
  const per = Math.ceil(count / batchSize);
  for (let e = 1; e <= epochs; e++)
    for (let b = 0; b < per; b++)
      out.push({
        epoch: e,
        batch: b,
        step: out.length + 1,
        rows: rowRange(b * batchSize, Math.min(count, (b + 1) * batchSize)),
        lastOfEpoch: b === per - 1,
      });
  return out;
}

/** Trains with `make`'s runner in groups of two steps; the stats of every step, and the weights. */
function trainWith(
  config: ModelConfig,
  data: TrainData,
  make: (built: ReturnType<typeof buildModel>) => StepRunner,
) {
  const built = buildModel(config);
  const runner = make(built);
  try {
    const batches = batchesOf(data.count, config.batchSize, config.epochs);
    const stats: number[] = [];
    for (let i = 0; i < batches.length; i += 2) {
      const r = runner.run(batches.slice(i, i + 2));
      stats.push(...(r instanceof Float32Array ? r : (r.dataSync() as Float32Array)));
      if (!(r instanceof Float32Array)) r.dispose();
    }
    return { stats, weights: readWeights(built.model), steps: batches.length };
  } finally {
    runner.dispose?.();
    built.dispose();
  }
}

const every = <T>(xs: T[], from: number) => xs.filter((_, i) => i % 2 === from);

describe('the wasm runner trains exactly like the stock tfjs optimizer', () => {
  const variants: WasmRunnerOptions[] = [
    { simd: true, transposed: [false, false, false] },
    { simd: true, transposed: [true, true, true] },
    { simd: false, transposed: [true, false, true] },
  ];
  for (const optimizer of OPTIMIZERS) {
    for (const options of variants) {
      test(`${optimizer.kind}, ${JSON.stringify(options)}: 3-5-4-2 tanh/relu → linear, mse, last batch partial`, () => {
        const config = regressionConfig(optimizer);
        const data = regressionData();
        const fast = trainWith(config, data, (b) => wasmRunner(b, config, data, options));
        const stock = trainWith(config, data, (b) => tfjsRunner(b, config, data));
        expect(fast.steps).toBe(9);
        expectAllClose(every(fast.stats, 0), every(stock.stats, 0), { label: 'batch losses' });
        const fresh = buildModel(config);
        const initial = readWeights(fresh.model);
        fresh.dispose();
        expect(fast.weights[0]).not.toEqual(initial[0]);
        const abs = weightTolerance(optimizer, fast.steps);
        fast.weights.forEach((w, p) =>
          expectAllClose(w, stock.weights[p]!, { rel: 1e-5, abs, label: `weights ${p}` }),
        );
      });
    }
  }

  test('adam on [4,3] images → relu → softmax with sparse accuracy, both layouts', () => {
    const config = denseConfig({
      inputShape: [4, 3],
      hidden: [{ units: 9, activation: 'relu' }],
      output: { units: 3, activation: 'softmax' },
      loss: 'sparseCategoricalCrossentropy',
      optimizer: { kind: 'adam', learningRate: 0.02, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      batchSize: 4,
      epochs: 5,
      seed: 3,
    });
    const data = classData();
    const stock = trainWith(config, data, (b) => tfjsRunner(b, config, data));
    for (const [layout, transposed] of layouts(2)) {
      const fast = trainWith(config, data, (b) => wasmRunner(b, config, data, { transposed }));
      expectAllClose(every(fast.stats, 0), every(stock.stats, 0), { label: 'batch losses' });
      expect(every(fast.stats, 1)).toEqual(every(stock.stats, 1));
      const abs = weightTolerance(config.optimizer, fast.steps);
      fast.weights.forEach((w, p) =>
        expectAllClose(w, stock.weights[p]!, { abs, label: `${layout} weights ${p}` }),
      );
    }
  });

  test('byte images (16 bytes a row, scaled by 1/255) batched in SIMD train bit for bit as batched in JavaScript', () => {
    const count = 11;
    const data: TrainData = {
      x: Uint8Array.from({ length: count * 16 }, (_, i) => (i * 97 + 13) % 256),
      y: Uint8Array.from({ length: count }, (_, i) => (i * 5) % 3),
      count,
      xShape: [4, 4],
      yShape: [1],
      xScale: 1 / 255,
    };
    const config = denseConfig({
      inputShape: [4, 4],
      hidden: [{ units: 12, activation: 'relu' }],
      output: { units: 3, activation: 'softmax' },
      loss: 'sparseCategoricalCrossentropy',
      optimizer: { kind: 'adam', learningRate: 0.02, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      batchSize: 4,
      epochs: 3,
      seed: 5,
    });
    for (const [layout, transposed] of layouts(2)) {
      const inSimd = trainWith(config, data, (b) => wasmRunner(b, config, data, { transposed }));
      const inJs = trainWith(config, data, (b) =>
        wasmRunner(b, config, data, { transposed, simdBatches: false }),
      );
      expect(inSimd.stats, layout).toEqual(inJs.stats);
      expect(inSimd.weights, layout).toEqual(inJs.weights);
    }
  });
});
