import { expect, test } from 'vitest';
import { copyRows, copyRowsTransposed, type TrainData } from './batch';
import { simdBatch, simdBatchDivisor, simdBatchModuleBytes } from './simdBatch';

test('the module is valid WebAssembly, plain and on shared memory', () => {
  expect(WebAssembly.validate(simdBatchModuleBytes(false))).toBe(true);
  expect(WebAssembly.validate(simdBatchModuleBytes(true))).toBe(true);
});

test('1/255 has a divisor that gives JavaScript’s x·(1/255) for every byte; 0.7 has none', () => {
  expect(simdBatchDivisor(1 / 255)).toBe(255);
  expect(simdBatchDivisor(1)).toBe(1);
  expect(simdBatchDivisor(0.7)).toBeNull();
});

test.each([
  [1, 16],
  [3, 32],
  [32, 784],
  [7, 784],
])(
  '%i rows of %i bytes come out as copyRows and copyRowsTransposed make them, bit for bit',
  (rows, rowBytes) => {
    for (const shared of [false, true]) {
      const memory = new WebAssembly.Memory({ initial: 4, maximum: 64, shared });
      const batch = simdBatch(memory);
      if (typeof batch === 'string') throw new Error(batch);
      const count = rows + 2;
      const data: TrainData = {
        x: Uint8Array.from({ length: count * rowBytes }, (_, i) => (i * 113 + (i >> 5)) % 256),
        y: new Float32Array(count),
        count,
        xShape: [rowBytes],
        yShape: [1],
        xScale: 1 / 255,
      };
      const order = Uint32Array.from({ length: rows }, (_, k) => (k * 5 + 1) % count);
      const heap = new Uint8Array(memory.buffer);
      const src = 64;
      order.forEach((row, k) =>
        heap.set(data.x.subarray(row * rowBytes, (row + 1) * rowBytes), src + k * rowBytes),
      );
      const dst = 64 + rows * rowBytes + 16;
      const floats = (at: number) => new Float32Array(memory.buffer, at, rows * rowBytes);
      const want = new Float32Array(rows * rowBytes);
      const wantT = new Float32Array(rows * rowBytes);
      const y = new Float32Array(rows);
      copyRows(data, order, want, y);
      copyRowsTransposed(data, order, wantT, y);
      batch.convert(src, dst, rowBytes, rows, 255, false);
      expect(Array.from(floats(dst))).toEqual(Array.from(want));
      batch.convert(src, dst, rowBytes, rows, 255, true);
      expect(Array.from(floats(dst))).toEqual(Array.from(wantT));
      // Nothing written past the batch.
      expect(new Float32Array(memory.buffer, dst + rows * rowBytes * 4, 4)).toEqual(
        new Float32Array(4),
      );
    }
  },
);

test('rows that are not whole groups of 16 bytes are refused', () => {
  const batch = simdBatch(new WebAssembly.Memory({ initial: 1 }));
  if (typeof batch === 'string') throw new Error(batch);
  expect(() => batch.convert(0, 1024, 20, 2, 255, false)).toThrow(/groups of 16/);
});
