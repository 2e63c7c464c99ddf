import type { OptimizerConfig } from './config';

/*
 * The optimizer updates as WebAssembly SIMD functions (four floats per instruction) that work
 * on the wasm backend's own memory. A JavaScript loop with a square root and a division per
 * weight costs several nanoseconds a weight, which for the lecture's 118,282 weights is a third
 * of a training step; these take a fraction of that. The module is a few hundred bytes, written
 * out here instruction by instruction, so there is nothing to build.
 *
 * The arithmetic is float32 in the order of tfjs's own optimizers (adam_optimizer.ts and the
 * others in tfjs-core 4.22), so the results match theirs closely. Only whole groups of four
 * floats are done here; the caller does the last 0–3 of a parameter. On request each function
 * also writes the new weights transposed (a [rows, cols] kernel as [cols, rows]), which the
 * next step needs and which would otherwise cost a pass of its own.
 */

import {
  add,
  BLOCK,
  BR_IF_0,
  div,
  END,
  F32,
  functionBody,
  functionType,
  get,
  I32,
  i32,
  I32_ADD,
  I32_EQZ,
  I32_LT_U,
  I32_MUL,
  I32_SUB,
  instantiateOn,
  load,
  LOOP,
  moduleBytes,
  mul,
  set,
  splat,
  sqrt,
  store,
  storeLane,
  sub,
  tee,
} from './wasmBytecode';

// Parameters of every function: five byte addresses (weights, gradient, two slots, new
// weights), the byte count, the transposed copy's address (0 for none), its row stride in
// bytes and the groups of four in a row of the kernel; then eight f32 constants.
const [W, G, M, V, OUT, BYTES, OUT_T, ROW_BYTES, GROUPS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const INTS = 9;
const CONSTS = 8;
// Locals: the byte offset, where the next group goes in the copy, the copy's current row, the
// groups left in that row, one to four row strides of the copy; one v128 per constant
// (splatted), and four scratch v128s.
const [I, TP, RS, LEFT] = [INTS + CONSTS, INTS + CONSTS + 1, INTS + CONSTS + 2, INTS + CONSTS + 3];
const STRIDE = (k: number) => INTS + CONSTS + 3 + k; // k = 1…4
const I32_LOCALS = 8;
const K = (c: number) => INTS + CONSTS + I32_LOCALS + c;
const [TMP, MV, VV, NEW] = [K(CONSTS), K(CONSTS) + 1, K(CONSTS) + 2, K(CONSTS) + 3];

/** The address of parameter `p`'s current four floats. */
const at = (p: number) => [...get(p), ...get(I), I32_ADD];

/** Stores NEW's four lanes down four rows of the copy, then moves to the next group. */
const TRANSPOSED_STORE = [
  ...BLOCK,
  ...get(OUT_T),
  I32_EQZ,
  ...BR_IF_0,
  ...[0, 1, 2, 3].flatMap((lane) => [
    ...get(TP),
    ...(lane > 0 ? [...get(STRIDE(lane)), I32_ADD] : []),
    ...get(NEW),
    ...storeLane(lane),
  ]),
  ...[...get(TP), ...get(STRIDE(4)), I32_ADD, ...set(TP)],
  // At the end of a kernel row, the copy's next column: one float further along its first row.
  ...[...get(LEFT), ...i32(1), I32_SUB, ...tee(LEFT), ...BR_IF_0],
  ...[...get(RS), ...i32(4), I32_ADD, ...tee(RS), ...set(TP), ...get(GROUPS), ...set(LEFT)],
  END,
];

/**
 * A function that splats its constants, then for every 16 bytes computes `value` (which leaves
 * the four new weights on the stack, having updated the slots), stores it, and its transpose.
 */
function loopFunction(value: number[]): number[] {
  const prologue: number[] = [];
  for (let c = 0; c < CONSTS; c++) prologue.push(...get(INTS + c), ...splat, ...set(K(c)));
  prologue.push(...get(OUT_T), ...tee(TP), ...set(RS), ...get(GROUPS), ...set(LEFT));
  for (let k = 1; k <= 4; k++)
    prologue.push(...get(ROW_BYTES), ...i32(k), I32_MUL, ...set(STRIDE(k)));
  const code = [
    ...prologue,
    ...BLOCK,
    ...[...get(BYTES), I32_EQZ, ...BR_IF_0],
    ...LOOP,
    ...value,
    ...set(NEW),
    ...[...at(OUT), ...get(NEW), ...store],
    ...TRANSPOSED_STORE,
    ...[...get(I), ...i32(16), I32_ADD, ...tee(I), ...get(BYTES), I32_LT_U, ...BR_IF_0],
    END,
    END,
  ];
  return functionBody(I32_LOCALS, CONSTS + 4, code);
}

/** `slot` ← `update` (which computes the new value from the old one on the stack); keeps it in `keep`. */
const updateSlot = (slot: number, keep: number, update: number[]) => [
  ...at(slot),
  ...at(slot),
  ...load,
  ...update,
  ...tee(keep),
  ...store,
];

/** sgd: w + (−lr)·g. Constants: −lr. */
const SGD = [...get(K(0)), ...at(G), ...load, ...mul, ...at(W), ...load, ...add];

/** momentum: m ← μ·m + g; w + m·(−lr). Constants: μ, −lr. */
const MOMENTUM = [
  ...updateSlot(M, MV, [...get(K(0)), ...mul, ...at(G), ...load, ...add]),
  ...[...get(MV), ...get(K(1)), ...mul, ...at(W), ...load, ...add],
];

/**
 * adam: m ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; w + ((m/c₁) / (√(v/c₂) + ε))·(−lr), the
 * divisions by c₁ and c₂ as products with their reciprocals (a division costs several products).
 * Constants: β₁, 1−β₁, β₂, 1−β₂, 1/c₁, 1/c₂, ε, −lr.
 */
const ADAM = [
  ...updateSlot(M, MV, [
    ...get(K(0)),
    ...mul,
    ...at(G),
    ...load,
    ...tee(TMP),
    ...get(K(1)),
    ...mul,
    ...add,
  ]),
  ...updateSlot(V, VV, [
    ...get(K(2)),
    ...mul,
    ...get(TMP),
    ...get(TMP),
    ...mul,
    ...get(K(3)),
    ...mul,
    ...add,
  ]),
  ...[...get(MV), ...get(K(4)), ...mul],
  ...[...get(VV), ...get(K(5)), ...mul, ...sqrt, ...get(K(6)), ...add],
  ...[...div, ...get(K(7)), ...mul, ...at(W), ...load, ...add],
];

/**
 * rmsprop: v ← ρ·v + (1−ρ)·g²; m ← μ·m + (g·lr) / √(v + ε); w − m.
 * Constants: ρ, 1−ρ, μ, lr, ε.
 */
const RMSPROP = [
  ...updateSlot(V, VV, [
    ...get(K(0)),
    ...mul,
    ...at(G),
    ...load,
    ...tee(TMP),
    ...get(TMP),
    ...mul,
    ...get(K(1)),
    ...mul,
    ...add,
  ]),
  ...updateSlot(M, MV, [
    ...get(K(2)),
    ...mul,
    ...get(TMP),
    ...get(K(3)),
    ...mul,
    ...get(VV),
    ...get(K(4)),
    ...add,
    ...sqrt,
    ...div,
    ...add,
  ]),
  ...[...at(W), ...load, ...get(MV), ...sub],
];

const FUNCTIONS = { sgd: SGD, momentum: MOMENTUM, adam: ADAM, rmsprop: RMSPROP };
type Kind = keyof typeof FUNCTIONS;
const KINDS = Object.keys(FUNCTIONS) as Kind[];

/**
 * The module's bytes: one function per optimizer, all of one type, on an imported memory, which
 * is shared when the backend runs threads (its memory is then a SharedArrayBuffer).
 */
export function simdModuleBytes(shared = false): Uint8Array<ArrayBuffer> {
  const params = [...Array<number>(INTS).fill(I32), ...Array<number>(CONSTS).fill(F32)];
  return moduleBytes(
    shared,
    [functionType(params)],
    KINDS.map((k) => ({ name: k, type: 0, body: loopFunction(FUNCTIONS[k]) })),
  );
}

/** Byte addresses of one parameter's arrays in the wasm memory (0 for a slot not used). */
export interface UpdateAddresses {
  w: number;
  g: number;
  m: number;
  v: number;
  out: number;
  /** Where to write the new weights transposed, with the kernel's shape; or null. */
  transposed: { out: number; rows: number; cols: number } | null;
}

/** The SIMD updates, bound to one wasm memory. */
export interface SimdUpdater {
  /**
   * Updates the first `count` floats (a multiple of 4) of one parameter: slots in place, new
   * weights to `out` (and transposed, for a kernel whose row length is a multiple of 4 and whose
   * `count` is all of it). `c1`, `c2` are Adam's bias corrections.
   */
  update(c: OptimizerConfig, at: UpdateAddresses, count: number, c1: number, c2: number): void;
}

/** The constants each optimizer's function takes. */
function constants(c: OptimizerConfig, c1: number, c2: number): number[] {
  const lr = c.learningRate;
  switch (c.kind) {
    case 'sgd':
      return [-lr];
    case 'momentum':
      return [c.momentum, -lr];
    case 'adam':
      return [c.beta1, 1 - c.beta1, c.beta2, 1 - c.beta2, 1 / c1, 1 / c2, c.epsilon, -lr];
    case 'rmsprop':
      return [c.rho, 1 - c.rho, c.momentum, lr, c.epsilon];
  }
}

/** Instantiates the module on `memory`, or says why it cannot run here. */
export function simdUpdater(memory: WebAssembly.Memory): SimdUpdater | string {
  const exports = instantiateOn<Kind>(memory, simdModuleBytes);
  if (typeof exports === 'string') return exports;
  return {
    update(c, { w, g, m, v, out, transposed: t }, count, c1, c2) {
      if (t && (t.cols % 4 !== 0 || t.rows * t.cols !== count))
        throw new Error(`no transposed copy of ${count} floats as ${t.rows}×${t.cols}`);
      const k = constants(c, c1, c2);
      while (k.length < CONSTS) k.push(0);
      const copy = t ? [t.out, t.rows * 4, t.cols / 4] : [0, 0, 0];
      exports[c.kind](w, g, m, v, out, count * 4, ...copy, ...k);
    },
  };
}
