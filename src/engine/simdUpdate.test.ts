import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OPTIMIZERS } from '../test/denseCases';
import { expectAllClose, setCpuBackend, testNumbers } from '../test/helpers';
import { setWasmBackend } from '../test/wasm';
import { BiasCorrections } from './optimizerMath';
import { simdModuleBytes } from './simdUpdate';
import {
  registerWasmKernels,
  UPDATE_KERNEL,
  wasmInternals,
  wasmSimdUpdater,
  type UpdateAttrs,
} from './wasmKernels';

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

/**
 * Three updates of parameters of several sizes (whole groups of four, and tails of one to three
 * that the JavaScript loop does) through the update kernel: new weights and slots, as arrays.
 */
function threeUpdates(optimizer: (typeof OPTIMIZERS)[number], sizes: number[], simd: boolean) {
  const weights: tf.Tensor[] = sizes.map((n, p) => tf.tensor1d(testNumbers(n, 10 + p, -1, 1)));
  const slots = sizes.map((n) => [tf.zeros([n]), tf.zeros([n])]);
  const corrections = new BiasCorrections();
  let current = weights;
  for (let step = 0; step < 3; step++) {
    const [c1, c2] = corrections.next(optimizer);
    const inputs: tf.NamedTensorMap = {};
    const grads = sizes.map((n, p) => tf.tensor1d(testNumbers(n, 100 * step + p, -0.5, 0.5)));
    current.forEach((w, p) => {
      inputs[`w${p}`] = w;
      inputs[`g${p}`] = grads[p]!;
      inputs[`m${p}`] = slots[p]![0]!;
      inputs[`v${p}`] = slots[p]![1]!;
    });
    const attrs: UpdateAttrs = { optimizer, c1, c2, count: sizes.length, simd, inPlace: [] };
    const next = tf
      .engine()
      .runKernel<tf.Tensor[]>(UPDATE_KERNEL, inputs, attrs as unknown as tf.NamedAttrMap);
    grads.forEach((g) => g.dispose());
    current.forEach((w) => w.dispose());
    current = next;
  }
  const read = (t: tf.Tensor) => Float32Array.from(t.dataSync() as Float32Array);
  const result = { weights: current.map(read), slots: slots.map((s) => s.map(read)) };
  current.forEach((w) => w.dispose());
  slots.flat().forEach((s) => s.dispose());
  return result;
}

describe('the SIMD optimizer updates equal the JavaScript ones (tfjs’s formulas)', () => {
  const sizes = [1, 3, 4, 5, 8, 11, 1001];
  for (const optimizer of OPTIMIZERS) {
    test(optimizer.kind, () => {
      const before = tf.memory().numTensors;
      const simd = threeUpdates(optimizer, sizes, true);
      const js = threeUpdates(optimizer, sizes, false);
      expect(tf.memory().numTensors).toBe(before);
      sizes.forEach((_, p) => {
        // Float32 arithmetic against float64 arithmetic rounded to float32, on values of at most
        // about 1: a few float32 ulps of 1 apart where terms cancel.
        const close = { rel: 1e-6, abs: 3e-7 };
        expectAllClose(simd.weights[p]!, js.weights[p]!, { ...close, label: `w${p}` });
        simd.slots[p]!.forEach((s, k) =>
          expectAllClose(s, js.slots[p]![k]!, { ...close, label: `slot ${k} of ${p}` }),
        );
      });
      // The weights moved.
      expect(simd.weights[6]![0]).not.toBe(testNumbers(1001, 16, -1, 1)[0]);
      if (optimizer.kind !== 'sgd') expect(simd.slots[6]![0]!.some((v) => v !== 0)).toBe(true);
    });
  }
});
