import { expect, test } from 'vitest';
import { expectAllClose, testNumbers } from '../test/helpers';
import { simdLayer, simdLayerModuleBytes } from './simdLayer';

test('the module is valid WebAssembly, plain and on shared memory', () => {
  expect(WebAssembly.validate(simdLayerModuleBytes(false))).toBe(true);
  expect(WebAssembly.validate(simdLayerModuleBytes(true))).toBe(true);
});

/** A memory with float arrays laid out one after another; `at(k)` is array k's byte address. */
function arrays(size: number, count: number) {
  const memory = new WebAssembly.Memory({ initial: 16 });
  const layer = simdLayer(memory);
  if (typeof layer === 'string') throw new Error(layer);
  const at = (k: number) => 256 + k * size * 4;
  const f = (k: number, n = size) => new Float32Array(memory.buffer, at(k), n);
  expect(at(count)).toBeLessThan(memory.buffer.byteLength);
  return { layer, at, f };
}

test.each([
  [1, 4],
  [5, 8],
  [128, 32],
])('bias_relu_t: %i units × %i rows as JavaScript computes it, bit for bit', (units, rows) => {
  const size = units * rows;
  const { layer, at, f } = arrays(size, 5);
  const zT = testNumbers(size, 1);
  zT[0] = Number.NaN;
  zT[1] = -0;
  f(0).set(zT);
  f(1, units).set(testNumbers(units, 2, -0.5, 0.5));
  layer.biasReluT(at(0), at(1), at(2), at(3), units, rows);
  const bias = f(1, units);
  for (let c = 0; c < units; c++)
    for (let r = 0; r < rows; r++) {
      const z = Math.fround(zT[c * rows + r]! + bias[c]!);
      const want = z > 0 ? z : 0;
      expect(f(3)[c * rows + r]).toBe(want);
      expect(f(2)[r * units + c]).toBe(want);
    }
});

test.each([
  [1, 4],
  [6, 12],
  [128, 32],
])('relu_grad_t: %i units × %i rows as JavaScript computes it', (units, rows) => {
  const size = units * rows;
  const { layer, at, f } = arrays(size, 6);
  const aT = testNumbers(size, 3, -1, 1).map((v, i) => (i % 7 === 0 ? 0 : v));
  aT[1] = Number.NaN;
  f(0).set(aT);
  f(1).set(testNumbers(size, 4));
  layer.reluGradT(at(0), at(1), at(2), at(3), at(4), units, rows);
  const daT = f(1);
  const db = new Float32Array(units);
  for (let c = 0; c < units; c++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      const i = c * rows + r;
      const g = aT[i]! > 0 ? daT[i]! : 0;
      sum += g;
      expect(f(3)[i]).toBe(g);
      expect(f(2)[r * units + c]).toBe(g);
    }
    db[c] = sum;
  }
  expectAllClose(f(4, units), db, { rel: 1e-6, abs: 1e-6, label: 'bias gradient' });
});

test('rows that are not groups of four are refused', () => {
  const { layer } = arrays(16, 4);
  expect(() => layer.biasReluT(0, 0, 0, 0, 2, 6)).toThrow(/groups of 4/);
  expect(() => layer.reluGradT(0, 0, 0, 0, 0, 2, 3)).toThrow(/groups of 4/);
});
