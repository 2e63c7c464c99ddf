import {
  BLOCK,
  BR_IF_0,
  END,
  functionBody,
  functionType,
  get,
  I32,
  i32,
  I32_ADD,
  I32_EQZ,
  I32_LT_U,
  I32_MUL,
  instantiateOn,
  load,
  LOOP,
  moduleBytes,
  set,
  simd,
  store,
  storeLane,
  tee,
} from './wasmBytecode';

/*
 * The ReLU layers' two element-wise passes of a training step in WebAssembly SIMD, on the wasm
 * backend's memory, where JavaScript loops took about a tenth of a step. Both work along a
 * unit's row of a transposed activation ([units, rows]: the batch's rows side by side), four rows
 * at a time, and write the plain layout ([rows, units]) lane by lane:
 *
 *   bias_relu_t:  a = max(zᵀ + bias, 0), as aᵀ and as a;
 *   relu_grad_t:  dz = (aᵀ > 0 ? daᵀ : 0), as dzᵀ and as dz, and the bias gradient (the sums of
 *                 dzᵀ's rows, in float32, four partial sums added at the end).
 *
 * The rows must be a multiple of 4 (the caller does other batches in JavaScript).
 */

const f32Const0 = [0x43, 0, 0, 0, 0];
const F32_LOAD = [0x2a, 2, 0];
const F32_STORE = [0x38, 2, 0];
const F32_ADD = 0x92;
const splat = simd(0x13);
const extractLane = (lane: number) => [...simd(0x1f), lane];
const add = simd(0xe4);
const gt = simd(0x44);
const and = simd(0x4e);
const pmax = simd(0xeb);

// Parameters of both: four (or five) addresses, then the units and the rows.
// bias_relu_t(zT, bias, a, aT, units, rows); relu_grad_t(aT, daT, dz, dzT, db, units, rows).
const BIAS = { zT: 0, bias: 1, a: 2, aT: 3, units: 4, rows: 5, locals: 6 };
const GRAD = { aT: 0, daT: 1, dz: 2, dzT: 3, db: 4, units: 5, rows: 6, locals: 7 };

/**
 * The loops over units (c) and groups of four rows (r), with `i32` locals c, r, t (the current
 * element's byte offset in the transposed arrays), p (where lane 0 goes in the plain array),
 * stride (units·4), and `v128` locals after them: `perUnit` runs before each unit's row,
 * `group` for each group, `afterUnit` after the row.
 */
function unitsAndRows(
  base: number,
  units: number,
  rows: number,
  perUnit: number[],
  group: number[],
  afterUnit: number[],
): number[] {
  const [C, R, T, P, STRIDE] = [base, base + 1, base + 2, base + 3, base + 4];
  return [
    ...[...get(units), ...i32(4), I32_MUL, ...set(STRIDE)],
    ...BLOCK,
    ...[...get(units), I32_EQZ, ...BR_IF_0],
    ...[...get(rows), I32_EQZ, ...BR_IF_0],
    ...LOOP,
    ...perUnit,
    ...[...get(C), ...get(rows), I32_MUL, ...i32(4), I32_MUL, ...set(T)],
    ...[...get(C), ...i32(4), I32_MUL, ...set(P)],
    ...[...i32(0), ...set(R)],
    ...LOOP,
    ...group,
    ...[...get(T), ...i32(16), I32_ADD, ...set(T)],
    ...[...get(R), ...i32(4), I32_ADD, ...tee(R), ...get(rows), I32_LT_U, ...BR_IF_0],
    END,
    ...afterUnit,
    ...[...get(C), ...i32(1), I32_ADD, ...tee(C), ...get(units), I32_LT_U, ...BR_IF_0],
    END,
    END,
  ];
}

/** Stores the four lanes of v128 local `v` down the plain array from `p` (+ base), stride apart. */
function lanesDown(array: number, v: number, P: number, STRIDE: number): number[] {
  return [0, 1, 2, 3].flatMap((lane) => [
    ...[...get(array), ...get(P), I32_ADD, ...get(v), ...storeLane(lane)],
    ...[...get(P), ...get(STRIDE), I32_ADD, ...set(P)],
  ]);
}

function biasReluT(): number[] {
  const b = BIAS.locals;
  const [C, T, P, STRIDE] = [b, b + 2, b + 3, b + 4];
  const [BV, ZERO, V] = [b + 5, b + 6, b + 7];
  const at = (array: number) => [...get(array), ...get(T), I32_ADD];
  const code = unitsAndRows(
    b,
    BIAS.units,
    BIAS.rows,
    [...get(BIAS.bias), ...get(C), ...i32(4), I32_MUL, I32_ADD, ...F32_LOAD, ...splat, ...set(BV)],
    [
      ...[...get(ZERO), ...at(BIAS.zT), ...load, ...get(BV), ...add, ...pmax, ...set(V)],
      ...[...at(BIAS.aT), ...get(V), ...store],
      ...lanesDown(BIAS.a, V, P, STRIDE),
    ],
    [],
  );
  return functionBody(5, 3, [...f32Const0, ...splat, ...set(ZERO), ...code]);
}

function reluGradT(): number[] {
  const b = GRAD.locals;
  const [C, T, P, STRIDE] = [b, b + 2, b + 3, b + 4];
  const [SUM, ZERO, V] = [b + 5, b + 6, b + 7];
  const at = (array: number) => [...get(array), ...get(T), I32_ADD];
  const code = unitsAndRows(
    b,
    GRAD.units,
    GRAD.rows,
    [...get(ZERO), ...set(SUM)],
    [
      ...[
        ...at(GRAD.daT),
        ...load,
        ...at(GRAD.aT),
        ...load,
        ...get(ZERO),
        ...gt,
        ...and,
        ...set(V),
      ],
      ...[...at(GRAD.dzT), ...get(V), ...store],
      ...[...get(SUM), ...get(V), ...add, ...set(SUM)],
      ...lanesDown(GRAD.dz, V, P, STRIDE),
    ],
    [
      ...[...get(GRAD.db), ...get(C), ...i32(4), I32_MUL, I32_ADD],
      ...[...get(SUM), ...extractLane(0), ...get(SUM), ...extractLane(1), F32_ADD],
      ...[...get(SUM), ...extractLane(2), F32_ADD, ...get(SUM), ...extractLane(3), F32_ADD],
      ...F32_STORE,
    ],
  );
  return functionBody(5, 3, [...f32Const0, ...splat, ...set(ZERO), ...code]);
}

/** The module's bytes: the two functions, on the imported memory (shared when threaded). */
export function simdLayerModuleBytes(shared = false): Uint8Array<ArrayBuffer> {
  const ints = (count: number) => functionType(Array<number>(count).fill(I32));
  return moduleBytes(
    shared,
    [ints(6), ints(7)],
    [
      { name: 'bias_relu_t', type: 0, body: biasReluT() },
      { name: 'relu_grad_t', type: 1, body: reluGradT() },
    ],
  );
}

/** The two passes, bound to one wasm memory; addresses are byte addresses of float32 arrays. */
export interface SimdLayer {
  biasReluT(zT: number, bias: number, a: number, aT: number, units: number, rows: number): void;
  reluGradT(
    aT: number,
    daT: number,
    dz: number,
    dzT: number,
    db: number,
    units: number,
    rows: number,
  ): void;
}

/** Instantiates the module on `memory`, or says why it cannot run here. */
export function simdLayer(memory: WebAssembly.Memory): SimdLayer | string {
  const fns = instantiateOn<'bias_relu_t' | 'relu_grad_t'>(memory, simdLayerModuleBytes);
  if (typeof fns === 'string') return fns;
  const checkRows = (rows: number) => {
    if (rows % 4 !== 0) throw new Error(`${rows} rows: not whole groups of 4`);
  };
  return {
    biasReluT(zT, bias, a, aT, units, rows) {
      checkRows(rows);
      fns.bias_relu_t(zT, bias, a, aT, units, rows);
    },
    reluGradT(aT, daT, dz, dzT, db, units, rows) {
      checkRows(rows);
      fns.relu_grad_t(aT, daT, dz, dzT, db, units, rows);
    },
  };
}
