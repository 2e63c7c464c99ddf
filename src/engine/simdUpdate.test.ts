import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OPTIMIZERS } from '../test/denseCases';
import { expectAllClose, setCpuBackend, testNumbers } from '../test/helpers';
import { setWasmBackend } from '../test/wasm';
import { BiasCorrections } from './optimizerMath';
import { simdModuleBytes, simdUpdater } from './simdUpdate';
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

test('on a shared memory (the threaded backend’s) the module starts and updates as on a plain one', () => {
  expect(WebAssembly.validate(simdModuleBytes(true))).toBe(true);
  const adam = OPTIMIZERS.find((o) => o.kind === 'adam')!;
  const count = 64;
  const results = [false, true].map((shared) => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 16, shared });
    expect(memory.buffer instanceof SharedArrayBuffer).toBe(shared);
    const updater = simdUpdater(memory);
    if (typeof updater === 'string') throw new Error(updater);
    const floats = new Float32Array(memory.buffer);
    const [w, g, m, v, out] = [0, 1, 2, 3, 4].map((k) => k * count * 4);
    floats.set(testNumbers(count, 1), w! / 4);
    floats.set(testNumbers(count, 2), g! / 4);
    for (let step = 1; step <= 3; step++) {
      updater.update(
        adam,
        { w: w!, g: g!, m: m!, v: v!, out: out!, transposed: null },
        count,
        1 - adam.beta1 ** step,
        1 - adam.beta2 ** step,
      );
      floats.copyWithin(w! / 4, out! / 4, out! / 4 + count);
    }
    return Array.from(floats.subarray(out! / 4, out! / 4 + count));
  });
  expect(results[1]).toEqual(results[0]);
  expect(results[0]).not.toEqual(Array.from(testNumbers(count, 1)));
});
