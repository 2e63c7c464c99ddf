import * as tf from '@tensorflow/tfjs';
import { sizeOf } from './batch';
import type { Activation, Loss, OptimizerConfig } from './config';
import { activate, activateBackward, lossGradient } from './denseMath';
import type { AccuracyKind } from './loss';
import { updateParameter } from './optimizerMath';
import {
  view,
  wasmSimdBatch,
  wasmSimdLayer,
  wasmSimdUpdater,
  type WasmInternals,
} from './wasmInternals';

/*
 * Kernels of the fast training step, registered for tfjs's wasm backend. They work on the
 * tensors' own memory in the wasm heap (no copies): the output layer's activation, the loss and
 * its gradient; a hidden layer's bias and activation after a transposed product; the backward
 * pass of an activation with its bias gradient; one optimizer update of every parameter (in
 * WebAssembly SIMD); a batch of byte images as floats (in SIMD too). The matrix products stay in
 * XNNPACK.
 */

export const HEAD_KERNEL = 'TrainingLabDenseHead';
export const ACTIVATION_GRAD_KERNEL = 'TrainingLabActivationGrad';
export const UPDATE_KERNEL = 'TrainingLabOptimizerUpdate';
export const BIAS_ACTIVATION_T_KERNEL = 'TrainingLabBiasActivationT';
export const BYTE_BATCH_KERNEL = 'TrainingLabByteBatch';

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

/** Writes float64 `d` (rows × cols) as float32 into `plain` and, transposed, into `t`. */
function writeBoth(
  d: Float64Array,
  rows: number,
  cols: number,
  plain: Float32Array,
  t: Float32Array,
): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) {
      const v = d[o + c]!;
      plain[o + c] = v;
      t[c * rows + r] = v;
    }
  }
}

/**
 * The output layer's activation, the loss and its gradient: from the output layer's
 * pre-activation `z` ([1, rows, units]) and the targets `y`, the gradient dL/dz as it is and
 * transposed ([1, units, rows]), its bias gradient (column sums) and [loss, number right], with
 * denseMath's formulas in float64.
 */
function denseHead({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as unknown as WasmInternals;
  const { z, y } = inputs as { z: tf.TensorInfo; y: tf.TensorInfo };
  const { activation, loss, accuracy } = attrs as unknown as HeadAttrs;
  const cols = z.shape[z.shape.length - 1]!;
  const rows = sizeOf(z.shape) / cols;
  const dz = wasm.makeOutput([1, rows, cols], 'float32');
  const dzT = wasm.makeOutput([1, cols, rows], 'float32');
  const db = wasm.makeOutput([cols], 'float32');
  const stats = wasm.makeOutput([2], 'float32');
  const [a, d] = scratch(rows * cols);
  const zv = view(wasm, z);
  for (let i = 0; i < rows * cols; i++) a[i] = zv[i]!;
  activate(activation, a, rows, cols);
  const accuracyKind = accuracy === 'none' ? null : accuracy;
  const r = lossGradient(a, view(wasm, y), rows, cols, loss, accuracyKind, d);
  activateBackward(activation, a, d, rows, cols);
  writeBoth(d, rows, cols, view(wasm, dz), view(wasm, dzT));
  columnSums(d, rows, cols, view(wasm, db));
  const sv = view(wasm, stats);
  sv[0] = r.loss;
  sv[1] = r.correct;
  return [dz, dzT, db, stats];
}

/** What the layer kernels are told: the activation, and whether SIMD may do ReLU's passes. */
export interface LayerAttrs {
  activation: Activation;
  simd: boolean;
}

/** The SIMD passes, when they apply: ReLU, rows in groups of four, SIMD available. */
function reluInSimd(wasm: WasmInternals, { activation, simd }: LayerAttrs, rows: number) {
  if (!simd || activation !== 'relu' || rows % 4 !== 0) return null;
  const layer = wasmSimdLayer(wasm);
  return typeof layer === 'string' ? null : layer;
}

/**
 * A hidden layer's backward pass through its activation: from its output `a` ([1, rows, cols]),
 * the same transposed (`aT`) and dL/da transposed (`daT`, [1, cols, rows], as the backward pass
 * computes it), the gradient dL/dz as it is and transposed, and its bias gradient.
 */
function activationGrad({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as unknown as WasmInternals;
  const { a, aT, daT } = inputs as { a: tf.TensorInfo; aT: tf.TensorInfo; daT: tf.TensorInfo };
  const layerAttrs = attrs as unknown as LayerAttrs;
  const { activation } = layerAttrs;
  const cols = a.shape[a.shape.length - 1]!;
  const rows = sizeOf(a.shape) / cols;
  const dz = wasm.makeOutput([1, rows, cols], 'float32');
  const dzT = wasm.makeOutput([1, cols, rows], 'float32');
  const db = wasm.makeOutput([cols], 'float32');
  const simd = reluInSimd(wasm, layerAttrs, rows);
  if (simd) {
    const at = (info: tf.TensorInfo) => view(wasm, info).byteOffset;
    simd.reluGradT(at(aT), at(daT), at(dz), at(dzT), at(db), cols, rows);
    return [dz, dzT, db];
  }
  const av = view(wasm, a);
  const dav = view(wasm, daT);
  const dzv = view(wasm, dz);
  const dztv = view(wasm, dzT);
  const dbv = view(wasm, db);
  if (activation === 'relu') {
    // The common case, in one pass: no float64 copy.
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      const o = c * rows;
      for (let r = 0; r < rows; r++) {
        const g = av[r * cols + c]! > 0 ? dav[o + r]! : 0;
        sum += g;
        dztv[o + r] = g;
        dzv[r * cols + c] = g;
      }
      dbv[c] = sum;
    }
    return [dz, dzT, db];
  }
  const [s, d] = scratch(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      s[r * cols + c] = av[r * cols + c]!;
      d[r * cols + c] = dav[c * rows + r]!;
    }
  }
  activateBackward(activation, s, d, rows, cols);
  writeBoth(d, rows, cols, dzv, dztv);
  columnSums(d, rows, cols, dbv);
  return [dz, dzT, db];
}

/**
 * The first layer's forward pass when its product is computed transposed: from zᵀ
 * ([1, units, rows]) and the bias, the activation of z + bias, as [1, rows, units] and as
 * [1, units, rows].
 */
function biasActivationT({
  inputs,
  backend,
  attrs,
}: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as unknown as WasmInternals;
  const { zT, bias } = inputs as { zT: tf.TensorInfo; bias: tf.TensorInfo };
  const layerAttrs = attrs as unknown as LayerAttrs;
  const { activation } = layerAttrs;
  const cols = zT.shape[1]!;
  const rows = zT.shape[2]!;
  const a = wasm.makeOutput([1, rows, cols], 'float32');
  const aT = wasm.makeOutput([1, cols, rows], 'float32');
  const simd = reluInSimd(wasm, layerAttrs, rows);
  if (simd) {
    const at = (info: tf.TensorInfo) => view(wasm, info).byteOffset;
    simd.biasReluT(at(zT), at(bias), at(a), at(aT), cols, rows);
    return [a, aT];
  }
  const zv = view(wasm, zT);
  const bv = view(wasm, bias);
  const av = view(wasm, a);
  const atv = view(wasm, aT);
  if (activation === 'relu') {
    for (let c = 0; c < cols; c++) {
      const b = bv[c]!;
      const o = c * rows;
      for (let r = 0; r < rows; r++) {
        const z = Math.fround(zv[o + r]! + b);
        const v = z > 0 ? z : 0;
        av[r * cols + c] = v;
        atv[o + r] = v;
      }
    }
    return [a, aT];
  }
  const [s] = scratch(rows * cols);
  for (let c = 0; c < cols; c++) {
    const b = bv[c]!;
    for (let r = 0; r < rows; r++) s[r * cols + c] = Math.fround(zv[c * rows + r]! + b);
  }
  activate(activation, s, rows, cols);
  writeBoth(s, rows, cols, av, atv);
  return [a, aT];
}

export interface UpdateAttrs {
  optimizer: OptimizerConfig;
  /** Adam's bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ for this step (1 otherwise). */
  c1: number;
  c2: number;
  count: number;
  /** Whole groups of four weights in WebAssembly SIMD (simdUpdate.ts) rather than JavaScript. */
  simd: boolean;
  /** The kernels ([inputs, units]) whose new weights are wanted transposed too, by index. */
  transposed: number[];
}

/** `src` (rows × cols) transposed into `dst`. */
function transposeInto(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c]!;
}

/**
 * One optimizer update of every parameter: inputs w0, g0, m0, v0, w1, …; outputs the new
 * weights, each in a new buffer, then the new weights of the `transposed` kernels transposed
 * ([1, units, inputs]). The slots m and v are updated in place: they are the runner's own. The
 * weights must not be: XNNPACK caches a packed copy of a matrix product's right operand (and of
 * a bias added in one) per tensor, and the model's own `predict` multiplies by the weights that
 * way, so a weight changed in place would be used in its stale packed form.
 */
function optimizerUpdate({
  inputs,
  backend,
  attrs,
}: Parameters<tf.KernelFunc>[0]): tf.TensorInfo[] {
  const wasm = backend as unknown as WasmInternals;
  const { optimizer, c1, c2, count, simd, transposed } = attrs as unknown as UpdateAttrs;
  const updater = simd ? wasmSimdUpdater(wasm) : null;
  if (typeof updater === 'string') throw new Error(updater);
  const named = inputs as Record<string, tf.TensorInfo>;
  const shapeOf = (p: number) => {
    const { shape } = named[`w${p}`]!;
    const cols = shape[shape.length - 1]!;
    return { rows: sizeOf(shape) / cols, cols };
  };
  const outs = Array.from({ length: count }, (_, p) =>
    wasm.makeOutput(named[`w${p}`]!.shape, 'float32'),
  );
  const copies = transposed.map((p) => {
    const { rows, cols } = shapeOf(p);
    return wasm.makeOutput([1, cols, rows], 'float32');
  });
  const empty = new Float32Array(0);
  for (let p = 0; p < count; p++) {
    const w = view(wasm, named[`w${p}`]!);
    const g = view(wasm, named[`g${p}`]!);
    const m = named[`m${p}`] ? view(wasm, named[`m${p}`]!) : empty;
    const v = named[`v${p}`] ? view(wasm, named[`v${p}`]!) : empty;
    const out = view(wasm, outs[p]!);
    if (g.length !== w.length) throw new Error(`parameter ${p}: gradient size ${g.length}`);
    const copyIndex = transposed.indexOf(p);
    const copy = copyIndex >= 0 ? view(wasm, copies[copyIndex]!) : null;
    const { rows, cols } = shapeOf(p);
    const n = w.length;
    const simdCount = updater ? n - (n % 4) : 0;
    // SIMD writes the copy itself when a kernel row is whole groups of four.
    const simdCopy = copy && simdCount === n && cols % 4 === 0;
    if (simdCount > 0) {
      const at = (a: Float32Array) => (a.length > 0 ? a.byteOffset : 0);
      const t = simdCopy ? { out: copy.byteOffset, rows, cols } : null;
      const addresses = { w: at(w), g: at(g), m: at(m), v: at(v), out: at(out), transposed: t };
      updater!.update(optimizer, addresses, simdCount, c1, c2);
    }
    if (simdCount < n) {
      const tail = (a: Float32Array) => (a.length > 0 ? a.subarray(simdCount) : a);
      updateParameter(optimizer, tail(w), tail(g), tail(m), tail(v), tail(out), c1, c2);
    }
    if (copy && !simdCopy) transposeInto(out, rows, cols, copy);
  }
  return [...outs, ...copies];
}

export interface ByteBatchAttrs {
  /** The examples' bytes, `rowBytes` (a multiple of 16) per example. */
  source: Uint8Array;
  rows: Uint32Array;
  rowBytes: number;
  /** The floats are byte / divisor (`simdBatchDivisor`). */
  divisor: number;
  /** [1, rowBytes, rows] rather than [1, rows, rowBytes]. */
  transposed: boolean;
}

/**
 * The batch's inputs from byte images: the rows' bytes are copied next to each other into the
 * heap, then converted to float32 by the SIMD module, as they are or transposed. No inputs.
 */
function byteBatch({ backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const wasm = backend as unknown as WasmInternals;
  const { source, rows, rowBytes, divisor, transposed } = attrs as unknown as ByteBatchAttrs;
  const batch = wasmSimdBatch(wasm);
  if (typeof batch === 'string') throw new Error(batch);
  const n = rows.length;
  const staging = wasm.makeOutput([(n * rowBytes) / 4], 'float32');
  const out = wasm.makeOutput(transposed ? [1, rowBytes, n] : [1, n, rowBytes], 'float32');
  const stagingView = view(wasm, staging);
  const heap = new Uint8Array(stagingView.buffer);
  const at = stagingView.byteOffset;
  for (let k = 0; k < n; k++) {
    const from = rows[k]! * rowBytes;
    heap.set(source.subarray(from, from + rowBytes), at + k * rowBytes);
  }
  batch.convert(at, view(wasm, out).byteOffset, rowBytes, n, divisor, transposed);
  (backend as tf.KernelBackend).disposeData(staging.dataId);
  return out;
}

const KERNELS: [string, tf.KernelFunc][] = [
  [HEAD_KERNEL, denseHead as tf.KernelFunc],
  [ACTIVATION_GRAD_KERNEL, activationGrad as tf.KernelFunc],
  [UPDATE_KERNEL, optimizerUpdate as tf.KernelFunc],
  [BIAS_ACTIVATION_T_KERNEL, biasActivationT as tf.KernelFunc],
  [BYTE_BATCH_KERNEL, byteBatch as tf.KernelFunc],
];

/** Registers the kernels for the wasm backend (once). */
export function registerWasmKernels(): void {
  for (const [kernelName, kernelFunc] of KERNELS) {
    if (!tf.getKernel(kernelName, 'wasm'))
      tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
}
