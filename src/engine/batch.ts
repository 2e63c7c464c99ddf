/**
 * Examples as flat typed arrays: row i of x is x[i*xSize .. (i+1)*xSize), times `xScale` if given
 * (images stay bytes, 0–255, and are scaled as each batch is made: the lecture's `/ 255.0`).
 */
export interface TrainData {
  x: Float32Array | Uint8Array;
  y: Float32Array | Uint8Array;
  count: number;
  xShape: readonly number[];
  yShape: readonly number[];
  xScale?: number;
}

export const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Copies the given rows of `data` into `x` and `y` (scaled), starting at row 0 of each, and
 * when asked into `xT` too, transposed (column k of `xT` is row k of `x`).
 */
export function copyRows(
  data: TrainData,
  rows: ArrayLike<number>,
  x: Float32Array | Float64Array,
  y: Float32Array,
  xT?: Float32Array,
): void {
  const xSize = sizeOf(data.xShape);
  const ySize = sizeOf(data.yShape);
  const scale = data.xScale ?? 1;
  const src = data.x;
  const n = rows.length;
  for (let k = 0; k < n; k++) {
    const row = rows[k]!;
    const from = row * xSize;
    const to = k * xSize;
    if (xT) {
      for (let i = 0; i < xSize; i++) {
        const v = src[from + i]! * scale;
        x[to + i] = v;
        xT[i * n + k] = v;
      }
    } else if (scale === 1 && x instanceof Float32Array) {
      x.set(src.subarray(from, from + xSize), to);
    } else {
      for (let i = 0; i < xSize; i++) x[to + i] = src[from + i]! * scale;
    }
    y.set(data.y.subarray(row * ySize, (row + 1) * ySize), k * ySize);
  }
}

/** Rows start..end-1 as an index list. */
export function rowRange(start: number, end: number): Uint32Array {
  const rows = new Uint32Array(Math.max(0, end - start));
  for (let i = 0; i < rows.length; i++) rows[i] = start + i;
  return rows;
}
