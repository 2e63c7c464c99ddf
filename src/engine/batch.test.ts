import { expect, test } from 'vitest';
import { copyRows, copyRowsTransposed, type TrainData } from './batch';

test('copyRowsTransposed gives the transpose of copyRows (scaled bytes, repeated rows)', () => {
  const count = 7;
  const xSize = 6;
  const data: TrainData = {
    x: Uint8Array.from({ length: count * xSize }, (_, i) => (i * 37) % 256),
    y: Float32Array.from({ length: count * 2 }, (_, i) => i),
    count,
    xShape: [2, 3],
    yShape: [2],
    xScale: 1 / 255,
  };
  const rows = Uint32Array.from([5, 0, 3, 3, 6]);
  const n = rows.length;
  const [x, y] = [new Float32Array(n * xSize), new Float32Array(n * 2)];
  const [xT, yT] = [new Float32Array(n * xSize), new Float32Array(n * 2)];
  copyRows(data, rows, x, y);
  copyRowsTransposed(data, rows, xT, yT);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < xSize; i++) expect(xT[i * n + k]).toBe(x[k * xSize + i]);
  expect(yT).toEqual(y);
  expect(x[0]).toBeCloseTo(((5 * xSize * 37) % 256) / 255, 6);
});
