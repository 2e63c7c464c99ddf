import {
  BLOCK,
  BR_IF_0,
  div,
  END,
  F32,
  F32X4_CONVERT_U32,
  functionBody,
  functionType,
  get,
  I16X8_EXTEND_HIGH_U8,
  I16X8_EXTEND_LOW_U8,
  I32,
  i32,
  I32_ADD,
  I32_EQZ,
  I32_LT_U,
  I32_MUL,
  I32X4_EXTEND_HIGH_U16,
  I32X4_EXTEND_LOW_U16,
  instantiateOn,
  loadBytes,
  LOOP,
  moduleBytes,
  set,
  splat,
  storeAt,
  storeLane,
  tee,
} from './wasmBytecode';

/*
 * A batch of byte images (Fashion-MNIST's pixels, 0–255) as float32 `x / divisor`, in
 * WebAssembly SIMD on the wasm backend's memory: sixteen pixels an instruction group, where a
 * JavaScript loop converts one pixel in about 1.5 ns (about 40 µs for a batch of 32 images, a
 * twentieth of a training step). Division, not a product with 1/divisor: x / 255 in float32 is
 * exactly what JavaScript's `x * (1 / 255)` rounds to for every byte, and `simdBatchFits` checks
 * that for the scale at hand.
 */

// Parameters: the bytes' address, the floats' address, the bytes per row (a multiple of 16), the
// rows, the divisor. Locals: the row, the byte in the row, the row's address, where the next float
// goes, the floats' row stride in bytes; the splatted divisor, the sixteen bytes, four floats.
const [SRC, DST, ROW_BYTES, ROWS, DIVISOR] = [0, 1, 2, 3, 4];
const [K, I, ROW, P, STRIDE] = [5, 6, 7, 8, 9];
const [D, V, F] = [10, 11, 12];

/** Leaves on the stack the four floats of quarter `q` (0–3) of the sixteen bytes in V. */
const quarter = (q: number) => [
  ...get(V),
  ...(q < 2 ? I16X8_EXTEND_LOW_U8 : I16X8_EXTEND_HIGH_U8),
  ...(q % 2 === 0 ? I32X4_EXTEND_LOW_U16 : I32X4_EXTEND_HIGH_U16),
  ...F32X4_CONVERT_U32,
  ...get(D),
  ...div,
];

/** The loops over rows and over groups of sixteen bytes in a row, around `group`. */
function rowsAndGroups(group: number[]): number[] {
  return [
    ...[...get(DIVISOR), ...splat, ...set(D)],
    ...[...get(ROWS), ...i32(4), I32_MUL, ...set(STRIDE)],
    ...BLOCK,
    ...[...get(ROWS), I32_EQZ, ...BR_IF_0],
    ...LOOP,
    ...[...get(SRC), ...get(K), ...get(ROW_BYTES), I32_MUL, I32_ADD, ...set(ROW)],
    ...[...i32(0), ...set(I)],
    ...LOOP,
    ...[...get(ROW), ...get(I), I32_ADD, ...loadBytes, ...set(V)],
    ...group,
    ...[...get(I), ...i32(16), I32_ADD, ...tee(I), ...get(ROW_BYTES), I32_LT_U, ...BR_IF_0],
    END,
    ...[...get(K), ...i32(1), I32_ADD, ...tee(K), ...get(ROWS), I32_LT_U, ...BR_IF_0],
    END,
    END,
  ];
}

/** Rows as rows: the floats of row k, byte i at DST + 4·(k·rowBytes + i). */
const PLAIN = rowsAndGroups([
  ...[...get(DST), ...get(K), ...get(ROW_BYTES), I32_MUL, ...get(I), I32_ADD, ...i32(4), I32_MUL],
  ...[I32_ADD, ...set(P)],
  ...[0, 1, 2, 3].flatMap((q) => [...get(P), ...quarter(q), ...storeAt(16 * q)]),
]);

/** Rows as columns: row k, byte i at DST + 4·(i·rows + k), one lane at a time. */
const TRANSPOSED = rowsAndGroups([
  ...[...get(DST), ...get(K), ...i32(4), I32_MUL, I32_ADD],
  ...[...get(I), ...get(STRIDE), I32_MUL, I32_ADD, ...set(P)],
  ...[0, 1, 2, 3].flatMap((q) => [
    ...quarter(q),
    ...set(F),
    ...[0, 1, 2, 3].flatMap((lane) => [
      ...[...get(P), ...get(F), ...storeLane(lane)],
      ...[...get(P), ...get(STRIDE), I32_ADD, ...set(P)],
    ]),
  ]),
]);

const FUNCTIONS = { plain: PLAIN, transposed: TRANSPOSED };
type Layout = keyof typeof FUNCTIONS;
const LAYOUTS = Object.keys(FUNCTIONS) as Layout[];

/** The module's bytes: the two layouts, on the imported memory (shared for the threaded build). */
export function simdBatchModuleBytes(shared = false): Uint8Array<ArrayBuffer> {
  return moduleBytes(
    shared,
    [functionType([I32, I32, I32, I32, F32])],
    LAYOUTS.map((k) => ({ name: k, type: 0, body: functionBody(5, 3, FUNCTIONS[k]) })),
  );
}

/** The divisor that gives, in float32, what `byte * scale` rounds to for every byte; else null. */
export function simdBatchDivisor(scale: number): number | null {
  const divisor = Math.fround(1 / scale);
  for (let b = 0; b < 256; b++)
    if (Math.fround(b / divisor) !== Math.fround(b * scale)) return null;
  return divisor;
}

/** The conversion, bound to one wasm memory. */
export interface SimdBatch {
  /**
   * `rows` rows of `rowBytes` bytes (a multiple of 16) at byte address `src` into float32 at
   * `dst`, divided by `divisor`: row after row, or (`transposed`) each row as a column.
   */
  convert(
    src: number,
    dst: number,
    rowBytes: number,
    rows: number,
    divisor: number,
    transposed: boolean,
  ): void;
}

/** Instantiates the module on `memory`, or says why it cannot run here. */
export function simdBatch(memory: WebAssembly.Memory): SimdBatch | string {
  const exports = instantiateOn<Layout>(memory, simdBatchModuleBytes);
  if (typeof exports === 'string') return exports;
  return {
    convert(src, dst, rowBytes, rows, divisor, transposed) {
      if (rowBytes % 16 !== 0) throw new Error(`rows of ${rowBytes} bytes: not whole groups of 16`);
      exports[transposed ? 'transposed' : 'plain'](src, dst, rowBytes, rows, divisor);
    },
  };
}
