import * as tf from '@tensorflow/tfjs';
import type { Activation, Loss, OptimizerConfig } from './config';
import { activate, activateBackward, lossGradient } from './denseMath';
import type { AccuracyKind } from './loss';
import { updateParameter } from './optimizerMath';
import { simdUpdater, type SimdUpdater } from './simdUpdate';

/*
 * Kernels of the fast training step, registered for tfjs's wasm backend. They run in JavaScript
 * on the tensors' own memory in the wasm heap (no copies): the loss and its gradient, the
 * backward pass of an activation with its bias gradient, and one optimizer update of every
 * parameter. The matrix products stay in XNNPACK. What they use of the wasm backend
 * (`makeOutput`, `typedArrayFromHeap`, `wasm.HEAPU8`) is not public API: wasmCheck.ts checks it.
 */

export const HEAD_KERNEL = 'TrainingLabDenseHead';
export const ACTIVATION_GRAD_KERNEL = 'TrainingLabActivationGrad';
export const UPDATE_KERNEL = 'TrainingLabOptimizerUpdate';
export const BIAS_ACTIVATION_T_KERNEL = 'TrainingLabBiasActivationT';

/** The parts of tfjs-backend-wasm 4.22's BackendWasm that the kernels use. */
export interface WasmInternals {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  wasm: { HEAPU8: Uint8Array; asm?: { memory?: unknown } };
}

/** The active backend as the kernels see it, or why it does not look like tfjs's wasm backend. */
export function wasmInternals(backend: tf.KernelBackend): WasmInternals | string {
  const b = backend as unknown as Partial<WasmInternals>;
  if (typeof b.makeOutput !== 'function') return 'the wasm backend has no makeOutput';
  if (typeof b.typedArrayFromHeap !== 'function')
    return 'the wasm backend has no typedArrayFromHeap';
  if (!(b.wasm?.HEAPU8 instanceof Uint8Array)) return 'the wasm backend has no HEAPU8';
  return b as WasmInternals;
}

const updaters = new WeakMap<WasmInternals, SimdUpdater | string>();

/** The SIMD optimizer updates on this backend's memory, or why there are none. */
export function wasmSimdUpdater(backend: WasmInternals): SimdUpdater | string {
  let updater = updaters.get(backend);
  if (updater === undefined) {
    const memory = backend.wasm.asm?.memory;
    updater =
      memory instanceof WebAssembly.Memory
        ? simdUpdater(memory)
        : 'the wasm backend does not expose its memory';
    updaters.set(backend, updater);
  }
  return updater;
}

/** The size of the wasm heap in bytes (it grows, never shrinks), or null off the wasm backend. */
export function wasmHeapBytes(): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  const internals = wasmInternals(tf.backend());
  return typeof internals === 'string' ? null : internals.wasm.HEAPU8.byteLength;
}

/**
 * A float32 view of a tensor's data in the heap. Views go stale when the heap grows (any
 * allocation may grow it), so a kernel takes them only after making all its outputs.
 */
function view(backend: WasmInternals, info: tf.TensorInfo): Float32Array {
  const values = backend.typedArrayFromHeap(info);
  if (!(values instanceof Float32Array)) throw new Error(`expected float32, got ${info.dtype}`);
  return values;
}

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Float64 scratch reused across calls (the head and activation kernels run once per step). */
let scratchA = new Float64Array(0);
let scratchD = new Float64Array(0);
function scratch(n: number): [Float64Array, Float64Array] {
  if (scratchA.length < n) {
    scratchA = new Float64Array(n);
    scratchD = new Float64Array(n);
  }
  return [scratchA, scratchD];
}

/** Sums the rows of `d` (rows × cols) into `out`. */
function columnSums(d: Float64Array, rows: number, cols: number, out: Float32Array): void {
  for (let c = 0; c < cols; c++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += d[r * cols + c]!;
    out[c] = sum;
  }
}

export interface HeadAttrs {
  activation: Activation;
  loss: Loss;
  accuracy: AccuracyKind | 'none';
}

/**
 * The output layer's activation, the loss and its gradient: from the output layer's
 * pre-activation `z` (rows × units) and the targets `y`, the gradient dL/dz, its bias gradient
 * (column sums) and [loss, number right], with denseMath's formulas in float64.
 */
function denseHead({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as unknown as WasmInternals;
  const { z, y } = inputs as { z: tf.TensorInfo; y: tf.TensorInfo };
  const { activation, loss, accuracy } = attrs as unknown as HeadAttrs;
  const cols = z.shape[z.shape.length - 1]!;
  const rows = sizeOf(z.shape) / cols;
  const dz = wasm.makeOutput(z.shape, 'float32');
  const db = wasm.makeOutput([cols], 'float32');
  const stats = wasm.makeOutput([2], 'float32');
  const [a, d] = scratch(rows * cols);
  const zv = view(wasm, z);
  for (let i = 0; i < rows * cols; i++) a[i] = zv[i]!;
  activate(activation, a, rows, cols);
  const r = lossGradient(
    a,
    view(wasm, y),
    rows,
    cols,
    loss,
    accuracy === 'none' ? null : accuracy,
    d,
  );
  activateBackward(activation, a, d, rows, cols);
  const dzv = view(wasm, dz);
  for (let i = 0; i < rows * cols; i++) dzv[i] = d[i]!;
  columnSums(d, rows, cols, view(wasm, db));
  const sv = view(wasm, stats);
  sv[0] = r.loss;
  sv[1] = r.correct;
  return [dz, db, stats];
}

/**
 * A hidden layer's backward pass through its activation: from its output `a` and dL/da
 * ([1, rows, cols]), the gradient dL/dz and its bias gradient. With `transposeOut`, dL/dz comes
 * out as [1, cols, rows], as the first layer's transposed weight gradient wants it.
 */
function activationGrad({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as unknown as WasmInternals;
  const { a, da } = inputs as { a: tf.TensorInfo; da: tf.TensorInfo };
  const { activation, transposeOut } = attrs as unknown as {
    activation: Activation;
    transposeOut: boolean;
  };
  const cols = a.shape[a.shape.length - 1]!;
  const rows = sizeOf(a.shape) / cols;
  const dz = wasm.makeOutput(transposeOut ? [1, cols, rows] : a.shape, 'float32');
  const db = wasm.makeOutput([cols], 'float32');
  const av = view(wasm, a);
  const dav = view(wasm, da);
  const dzv = view(wasm, dz);
  const dbv = view(wasm, db);
  const n = rows * cols;
  if (activation === 'relu') {
    // The common case, in one pass: no float64 copy.
    const sums = scratch(cols)[0];
    sums.fill(0, 0, cols);
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      for (let c = 0; c < cols; c++) {
        const g = av[o + c]! > 0 ? dav[o + c]! : 0;
        sums[c]! += g;
        dzv[transposeOut ? c * rows + r : o + c] = g;
      }
    }
    for (let c = 0; c < cols; c++) dbv[c] = sums[c]!;
    return [dz, db];
  }
  const [s, d] = scratch(n);
  for (let i = 0; i < n; i++) {
    s[i] = av[i]!;
    d[i] = dav[i]!;
  }
  activateBackward(activation, s, d, rows, cols);
  if (transposeOut) {
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) dzv[c * rows + r] = d[r * cols + c]!;
  } else {
    for (let i = 0; i < n; i++) dzv[i] = d[i]!;
  }
  columnSums(d, rows, cols, dbv);
  return [dz, db];
}

/**
 * The first layer's forward pass when its product is computed transposed: from zᵀ
 * ([1, units, rows]) and the bias, the activation of z + bias as [1, rows, units].
 */
function biasActivationT({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const wasm = backend as unknown as WasmInternals;
  const { zT, bias } = inputs as { zT: tf.TensorInfo; bias: tf.TensorInfo };
  const { activation } = attrs as unknown as { activation: Activation };
  const cols = zT.shape[1]!;
  const rows = zT.shape[2]!;
  const a = wasm.makeOutput([1, rows, cols], 'float32');
  const zv = view(wasm, zT);
  const bv = view(wasm, bias);
  const av = view(wasm, a);
  if (activation === 'relu') {
    for (let c = 0; c < cols; c++) {
      const b = bv[c]!;
      for (let r = 0; r < rows; r++) {
        const z = zv[c * rows + r]! + b;
        av[r * cols + c] = z > 0 ? z : 0;
      }
    }
    return a;
  }
  const [s] = scratch(rows * cols);
  for (let c = 0; c < cols; c++) {
    const b = bv[c]!;
    for (let r = 0; r < rows; r++) s[r * cols + c] = Math.fround(zv[c * rows + r]! + b);
  }
  activate(activation, s, rows, cols);
  for (let i = 0; i < rows * cols; i++) av[i] = s[i]!;
  return a;
}

export interface UpdateAttrs {
  optimizer: OptimizerConfig;
  /** Adam's bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ for this step (1 otherwise). */
  c1: number;
  c2: number;
  count: number;
  /** Whole groups of four weights in WebAssembly SIMD (simdUpdate.ts) rather than JavaScript. */
  simd: boolean;
  /** Parameters updated in their own buffer (no output): only those never a product's right operand. */
  inPlace: number[];
}

/**
 * One optimizer update of every parameter: inputs w0, g0, m0, v0, w1, …; outputs the new
 * weights, each in a new buffer, except those listed in `inPlace`. The slots m and v are updated
 * in place: they are the runner's own. Weights must not be, if they are ever the right operand of
 * a matrix product (or a bias added in one): XNNPACK caches a packed copy of that operand per
 * tensor, and a weight updated in place would be multiplied in its stale packed form.
 */
function optimizerUpdate({
  inputs,
  backend,
  attrs,
}: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as unknown as WasmInternals;
  const { optimizer, c1, c2, count, simd, inPlace } = attrs as unknown as UpdateAttrs;
  const updater = simd ? wasmSimdUpdater(wasm) : null;
  if (typeof updater === 'string') throw new Error(updater);
  const named = inputs as Record<string, tf.TensorInfo>;
  const outs = Array.from({ length: count }, (_, p) =>
    inPlace.includes(p) ? null : wasm.makeOutput(named[`w${p}`]!.shape, 'float32'),
  );
  const empty = new Float32Array(0);
  for (let p = 0; p < count; p++) {
    const w = view(wasm, named[`w${p}`]!);
    const g = view(wasm, named[`g${p}`]!);
    const m = named[`m${p}`] ? view(wasm, named[`m${p}`]!) : empty;
    const v = named[`v${p}`] ? view(wasm, named[`v${p}`]!) : empty;
    const o = outs[p];
    const out = o ? view(wasm, o) : w;
    if (g.length !== w.length) throw new Error(`parameter ${p}: gradient size ${g.length}`);
    const n = w.length;
    const simdCount = updater ? n - (n % 4) : 0;
    if (simdCount > 0) {
      const at = (a: Float32Array) => (a.length > 0 ? a.byteOffset : 0);
      updater!.update(optimizer, at(w), at(g), at(m), at(v), at(out), simdCount, c1, c2);
    }
    if (simdCount < n) {
      const tail = (a: Float32Array) => (a.length > 0 ? a.subarray(simdCount) : a);
      updateParameter(optimizer, tail(w), tail(g), tail(m), tail(v), tail(out), c1, c2);
    }
  }
  return outs.filter((o): o is tf.TensorInfo => o !== null);
}

const KERNELS: [string, tf.KernelFunc][] = [
  [HEAD_KERNEL, denseHead as tf.KernelFunc],
  [ACTIVATION_GRAD_KERNEL, activationGrad as tf.KernelFunc],
  [UPDATE_KERNEL, optimizerUpdate as tf.KernelFunc],
  [BIAS_ACTIVATION_T_KERNEL, biasActivationT as tf.KernelFunc],
];

/** Registers the kernels for the wasm backend (once). */
export function registerWasmKernels(): void {
  for (const [kernelName, kernelFunc] of KERNELS) {
    if (!tf.getKernel(kernelName, 'wasm'))
      tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
}
