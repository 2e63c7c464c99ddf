import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OPTIMIZERS } from '../test/denseCases';
import { expectAllClose, setCpuBackend, testNumbers } from '../test/helpers';
import { setWasmBackend } from '../test/wasm';
import { BiasCorrections } from './optimizerMath';
import { simdModuleBytes } from './simdUpdate';
import { wasmInternals, wasmSimdUpdater } from './wasmInternals';
import { registerWasmKernels, UPDATE_KERNEL, type UpdateAttrs } from './wasmKernels';

beforeAll(async () => {
  await setWasmBackend();
  registerWasmKernels();
});
afterAll(setCpuBackend);

test('the SIMD module is valid WebAssembly and starts on the wasm backend’s memory', () => {
  expect(WebAssembly.validate(simdModuleBytes())).toBe(true);
  const internals = wasmInternals(tf.backend());
  if (typeof internals === 'string') throw new Error(internals);
  expect(typeof wasmSimdUpdater(internals)).toBe('object');
});

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Three updates of parameters of several shapes (whole groups of four, and tails of one to three
 * that the JavaScript loop does) through the update kernel: new weights, slots, and the new
 * weights of the kernels listed in `transposed`, transposed, as arrays.
 */
function threeUpdates(
  optimizer: (typeof OPTIMIZERS)[number],
  shapes: number[][],
  simd: boolean,
  transposed: number[] = [],
) {
  const weights: tf.Tensor[] = shapes.map((s, p) => tf.tensor(testNumbers(size(s), 10 + p), s));
  const slots = shapes.map((s) => [tf.zeros(s), tf.zeros(s)]);
  const corrections = new BiasCorrections();
  let current = weights;
  let copies: tf.Tensor[] = [];
  for (let step = 0; step < 3; step++) {
    const [c1, c2] = corrections.next(optimizer);
    const inputs: tf.NamedTensorMap = {};
    const grads = shapes.map((s, p) =>
      tf.tensor(testNumbers(size(s), 100 * step + p, -0.5, 0.5), s),
    );
    current.forEach((w, p) => {
      inputs[`w${p}`] = w;
      inputs[`g${p}`] = grads[p]!;
      inputs[`m${p}`] = slots[p]![0]!;
      inputs[`v${p}`] = slots[p]![1]!;
    });
    const attrs: UpdateAttrs = { optimizer, c1, c2, count: shapes.length, simd, transposed };
    const next = tf
      .engine()
      .runKernel<tf.Tensor[]>(UPDATE_KERNEL, inputs, attrs as unknown as tf.NamedAttrMap);
    grads.forEach((g) => g.dispose());
    current.forEach((w) => w.dispose());
    copies.forEach((c) => c.dispose());
    current = next.slice(0, shapes.length);
    copies = next.slice(shapes.length);
  }
  const read = (t: tf.Tensor) => Float32Array.from(t.dataSync() as Float32Array);
  const result = {
    weights: current.map(read),
    slots: slots.map((s) => s.map(read)),
    copies: copies.map((c) => ({ shape: c.shape, values: read(c) })),
  };
  [...current, ...copies, ...slots.flat()].forEach((t) => t.dispose());
  return result;
}

describe('the SIMD optimizer updates equal the JavaScript ones (tfjs’s formulas)', () => {
  const shapes = [[1], [3], [4], [5], [8], [11], [1001]];
  for (const optimizer of OPTIMIZERS) {
    test(optimizer.kind, () => {
      const before = tf.memory().numTensors;
      const simd = threeUpdates(optimizer, shapes, true);
      const js = threeUpdates(optimizer, shapes, false);
      expect(tf.memory().numTensors).toBe(before);
      shapes.forEach((_, p) => {
        // Float32 arithmetic against float64 arithmetic rounded to float32, on values of at most
        // about 1: a few float32 ulps of 1 apart where terms cancel.
        const close = { rel: 1e-6, abs: 3e-7 };
        expectAllClose(simd.weights[p]!, js.weights[p]!, { ...close, label: `w${p}` });
        simd.slots[p]!.forEach((s, k) =>
          expectAllClose(s, js.slots[p]![k]!, { ...close, label: `slot ${k} of ${p}` }),
        );
      });
      // The weights moved.
      expect(simd.weights[6]![0]).not.toBe(testNumbers(1001, 16)[0]);
      if (optimizer.kind !== 'sgd') expect(simd.slots[6]![0]!.some((v) => v !== 0)).toBe(true);
    });
  }
});

describe('the update kernel writes kernels transposed too, when asked', () => {
  // Rows of 4, 8 and 12 (SIMD writes the copy), of 3 and 10 (JavaScript does), and a bias.
  const shapes = [[3, 4], [5, 8], [2, 3], [7, 12], [6, 10], [4]];
  const transposed = [0, 1, 2, 3, 4];
  for (const simd of [true, false]) {
    test(`${simd ? 'SIMD' : 'JavaScript'}: the copies are the new weights, transposed`, () => {
      const before = tf.memory().numTensors;
      const got = threeUpdates(OPTIMIZERS[2]!, shapes, simd, transposed);
      const plain = threeUpdates(OPTIMIZERS[2]!, shapes, simd);
      expect(tf.memory().numTensors).toBe(before);
      expect(got.copies).toHaveLength(transposed.length);
      transposed.forEach((p, k) => {
        const [rows, cols] = shapes[p] as [number, number];
        expect(got.copies[k]!.shape).toEqual([1, cols, rows]);
        expect(got.weights[p]).toEqual(plain.weights[p]);
        const w = got.weights[p]!;
        const want = Float32Array.from({ length: rows * cols }, (_, i) => {
          const c = Math.floor(i / rows);
          return w[(i % rows) * cols + c]!;
        });
        expect(got.copies[k]!.values).toEqual(want);
      });
    });
  }
});
