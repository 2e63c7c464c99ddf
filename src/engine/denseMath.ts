import type { Activation, Loss, OptimizerConfig } from './config';
import type { AccuracyKind } from './loss';
import { BiasCorrections, updateParameter } from './optimizerMath';

/**
 * Forward pass, backward pass and optimizer update of a dense network in plain JavaScript,
 * written to give the same numbers as tfjs's layers, losses and optimizers (the tests compare
 * them). Weights are row-major [in, out] as in tfjs's Dense kernel.
 */
export interface DenseNet {
  sizes: number[]; // [input, hidden…, output]
  activations: Activation[]; // one per weight layer
  kernels: Float32Array[];
  biases: Float32Array[];
}

/** Keras's epsilon as tfjs stores it (float32), so clipped losses match the stock path. */
const EPSILON = Math.fround(1e-7);
const ONE_MINUS_EPSILON = Math.fround(1 - 1e-7);

/** Scratch buffers for one batch size, reused across steps. */
export class DenseScratch {
  readonly a: Float64Array[]; // activations, a[0] is the input batch
  readonly dA: Float64Array[];
  readonly gradK: Float64Array[];
  readonly gradB: Float64Array[];
  constructor(
    readonly net: Pick<DenseNet, 'sizes'>,
    readonly batch: number,
  ) {
    const s = net.sizes;
    this.a = s.map((n) => new Float64Array(batch * n));
    this.dA = s.map((n) => new Float64Array(batch * n));
    this.gradK = s.slice(1).map((n, l) => new Float64Array(s[l]! * n));
    this.gradB = s.slice(1).map((n) => new Float64Array(n));
  }
}

/** Applies the activation to `z` (rows × cols) in place. */
export function activate(kind: Activation, z: Float64Array, rows: number, cols: number): void {
  const n = rows * cols;
  switch (kind) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) z[i] = 1 / (1 + Math.exp(-z[i]!));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) z[i] = Math.tanh(z[i]!);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) if (z[i]! < 0) z[i] = 0;
      return;
    case 'linear':
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let max = -Infinity;
        for (let c = 0; c < cols; c++) max = Math.max(max, z[o + c]!);
        let sum = 0;
        for (let c = 0; c < cols; c++) sum += z[o + c] = Math.exp(z[o + c]! - max);
        for (let c = 0; c < cols; c++) z[o + c]! /= sum;
      }
  }
}

/** Turns dL/dA (in `d`) into dL/dZ in place, given the layer's output `a`. */
export function activateBackward(
  kind: Activation,
  a: Float64Array,
  d: Float64Array,
  rows: number,
  cols: number,
): void {
  const n = rows * cols;
  switch (kind) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) d[i]! *= a[i]! * (1 - a[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) d[i]! *= 1 - a[i]! * a[i]!;
      return;
    case 'relu':
      for (let i = 0; i < n; i++) if (!(a[i]! > 0)) d[i] = 0;
      return;
    case 'linear':
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let dot = 0;
        for (let c = 0; c < cols; c++) dot += d[o + c]! * a[o + c]!;
        for (let c = 0; c < cols; c++) d[o + c] = a[o + c]! * (d[o + c]! - dot);
      }
  }
}

/**
 * The loss of the outputs `out` (rows × outN, after the output activation) against the targets `y`,
 * as Keras computes it (a mean over the batch, predictions clipped to [ε, 1 − ε] before a log), and
 * its gradient dL/dout in `d`. Returns the loss and the number of right answers.
 */
export function lossGradient(
  out: Float64Array,
  y: Float32Array,
  rows: number,
  outN: number,
  loss: Loss,
  accuracy: AccuracyKind | null,
  d: Float64Array,
): { loss: number; correct: number } {
  let lossSum = 0;
  let correct = 0;
  if (loss === 'sparseCategoricalCrossentropy') {
    d.fill(0, 0, rows * outN);
    for (let r = 0; r < rows; r++) {
      const label = y[r]!;
      const p = out[r * outN + label]!;
      const clipped = Math.min(Math.max(p, EPSILON), ONE_MINUS_EPSILON);
      lossSum -= Math.log(clipped);
      if (p >= EPSILON && p <= ONE_MINUS_EPSILON) d[r * outN + label] = -1 / (p * rows);
    }
    lossSum /= rows;
  } else {
    const n = rows * outN;
    for (let i = 0; i < n; i++) {
      const p = out[i]!;
      const t = y[i]!;
      if (loss === 'mse') {
        const e = p - t;
        lossSum += e * e;
        d[i] = (2 * e) / n;
      } else {
        const q = Math.min(Math.max(p, EPSILON), ONE_MINUS_EPSILON);
        lossSum -= t * Math.log(q) + (1 - t) * Math.log(1 - q);
        d[i] = p >= EPSILON && p <= ONE_MINUS_EPSILON ? (q - t) / (q * (1 - q) * n) : 0;
      }
    }
    lossSum /= n;
  }
  if (accuracy === 'binary') {
    for (let r = 0; r < rows; r++) if (out[r]! > 0.5 === y[r]! > 0.5) correct++;
  } else if (accuracy === 'sparse') {
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let c = 1; c < outN; c++) if (out[r * outN + c]! > out[r * outN + best]!) best = c;
      if (best === y[r]) correct++;
    }
  }

  return { loss: lossSum, correct };
}

/**
 * One forward and backward pass over the batch already in `s.a[0]` with targets `y`
 * (rows × yWidth). Fills the gradients in `s`; returns the loss and the number right.
 */
export function forwardBackward(
  net: DenseNet,
  s: DenseScratch,
  rows: number,
  y: Float32Array,
  loss: Loss,
  accuracy: AccuracyKind | null,
): { loss: number; correct: number } {
  const L = net.kernels.length;
  const sizes = net.sizes;
  for (let l = 0; l < L; l++) {
    const inN = sizes[l]!;
    const outN = sizes[l + 1]!;
    const x = s.a[l]!;
    const z = s.a[l + 1]!;
    const k = net.kernels[l]!;
    const b = net.biases[l]!;
    for (let r = 0; r < rows; r++) {
      const zo = r * outN;
      for (let c = 0; c < outN; c++) z[zo + c] = b[c]!;
      const xo = r * inN;
      for (let i = 0; i < inN; i++) {
        const xv = x[xo + i]!;
        if (xv === 0) continue;
        const ko = i * outN;
        for (let c = 0; c < outN; c++) z[zo + c]! += xv * k[ko + c]!;
      }
    }
    activate(net.activations[l]!, z, rows, outN);
  }

  const outN = sizes[L]!;
  const result = lossGradient(s.a[L]!, y, rows, outN, loss, accuracy, s.dA[L]!);

  for (let l = L - 1; l >= 0; l--) {
    const inN = sizes[l]!;
    const oN = sizes[l + 1]!;
    const dz = s.dA[l + 1]!;
    activateBackward(net.activations[l]!, s.a[l + 1]!, dz, rows, oN);
    const gk = s.gradK[l]!;
    const gb = s.gradB[l]!;
    gk.fill(0);
    gb.fill(0);
    const x = s.a[l]!;
    for (let r = 0; r < rows; r++) {
      const zo = r * oN;
      for (let c = 0; c < oN; c++) gb[c]! += dz[zo + c]!;
      const xo = r * inN;
      for (let i = 0; i < inN; i++) {
        const xv = x[xo + i]!;
        if (xv === 0) continue;
        const ko = i * oN;
        for (let c = 0; c < oN; c++) gk[ko + c]! += xv * dz[zo + c]!;
      }
    }
    if (l > 0) {
      const dx = s.dA[l]!;
      const k = net.kernels[l]!;
      for (let r = 0; r < rows; r++) {
        const zo = r * oN;
        const xo = r * inN;
        for (let i = 0; i < inN; i++) {
          const ko = i * oN;
          let sum = 0;
          for (let c = 0; c < oN; c++) sum += dz[zo + c]! * k[ko + c]!;
          dx[xo + i] = sum;
        }
      }
    }
  }
  return result;
}

/** An optimizer's update with the same formulas as tfjs's `tf.train.*` optimizers. */
export class DenseOptimizer {
  private readonly slotsA: Float64Array[];
  private readonly slotsB: Float64Array[];
  private readonly corrections = new BiasCorrections();

  constructor(
    private readonly config: OptimizerConfig,
    paramSizes: readonly number[],
  ) {
    this.slotsA = paramSizes.map((n) => new Float64Array(n));
    this.slotsB = paramSizes.map((n) => new Float64Array(n));
  }

  /** Applies `grads[p]` to `params[p]` for every parameter p (kernels and biases, in order). */
  apply(params: Float32Array[], grads: Float64Array[]): void {
    const [c1, c2] = this.corrections.next(this.config);
    for (let p = 0; p < params.length; p++) {
      const w = params[p]!;
      updateParameter(this.config, w, grads[p]!, this.slotsA[p]!, this.slotsB[p]!, w, c1, c2);
    }
  }
}
