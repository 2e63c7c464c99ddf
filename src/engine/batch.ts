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

/** Copies the given rows of `data` into `x` and `y` (scaled), starting at row 0 of each. */
export function copyRows(
  data: TrainData,
  rows: ArrayLike<number>,
  x: Float32Array | Float64Array,
  y: Float32Array,
): void {
  const xSize = sizeOf(data.xShape);
  const scale = data.xScale ?? 1;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const from = row * xSize;
    const to = k * xSize;
    if (scale === 1 && x instanceof Float32Array) x.set(data.x.subarray(from, from + xSize), to);
    else for (let i = 0; i < xSize; i++) x[to + i] = data.x[from + i]! * scale;
  }
  copyTargets(data, rows, y);
}

/** Copies the targets of the given rows into `y`, starting at row 0. */
export function copyTargets(data: TrainData, rows: ArrayLike<number>, y: Float32Array): void {
  const ySize = sizeOf(data.yShape);
  for (let k = 0; k < rows.length; k++)
    y.set(data.y.subarray(rows[k]! * ySize, (rows[k]! + 1) * ySize), k * ySize);
}

/**
 * `copyRows` with the rows of `x` as columns: x[i·rows + k] is value i of the k-th row. Written
 * column by column of the source, so that the writes are sequential (the rows being read, a
 * batch of them, stay in the cache).
 */
export function copyRowsTransposed(
  data: TrainData,
  rows: ArrayLike<number>,
  xT: Float32Array,
  y: Float32Array,
): void {
  const xSize = sizeOf(data.xShape);
  const scale = data.xScale ?? 1;
  const n = rows.length;
  const src = data.x;
  const from = new Uint32Array(n);
  for (let k = 0; k < n; k++) from[k] = rows[k]! * xSize;
  copyTargets(data, rows, y);
  for (let i = 0; i < xSize; i++) {
    const to = i * n;
    for (let k = 0; k < n; k++) xT[to + k] = src[from[k]! + i]! * scale;
  }
}

/** Rows start..end-1 as an index list. */
export function rowRange(start: number, end: number): Uint32Array {
  const rows = new Uint32Array(Math.max(0, end - start));
  for (let i = 0; i < rows.length; i++) rows[i] = start + i;
  return rows;
}
