import * as tf from '@tensorflow/tfjs';
import { copyRows, sizeOf, type TrainData } from './batch';
import type { ModelConfig } from './config';
import { accuracyKind } from './loss';
import type { BuiltModel } from './model';
import { BiasCorrections } from './optimizerMath';
import type { BatchSpec, RunnerSettings, StepRunner } from './stepTypes';
import {
  ACTIVATION_GRAD_KERNEL,
  BIAS_ACTIVATION_T_KERNEL,
  HEAD_KERNEL,
  registerWasmKernels,
  UPDATE_KERNEL,
  type HeadAttrs,
  type UpdateAttrs,
} from './wasmKernels';

const NO_TRANSPOSE = { transposeA: false, transposeB: false };

/** a·b (+ bias, then ReLU if asked) on XNNPACK: rank-3 operands, neither transposed. */
function matMul(
  a: tf.Tensor,
  b: tf.Tensor,
  bias?: tf.Tensor,
  activation: 'linear' | 'relu' = 'linear',
): tf.Tensor {
  const engine = tf.engine();
  if (!bias && activation === 'linear')
    return engine.runKernel(tf.BatchMatMul, { a, b }, NO_TRANSPOSE);
  const inputs: tf.NamedTensorMap = bias ? { a, b, bias } : { a, b };
  return engine.runKernel(tf._FusedMatMul, inputs, {
    ...NO_TRANSPOSE,
    activation,
    leakyreluAlpha: 0,
  });
}

/**
 * tfjs-wasm sends transposed matrix products to a plain loop ten times slower than XNNPACK; an
 * explicit transpose followed by a plain product is much faster.
 */
function transpose(x: tf.Tensor): tf.Tensor {
  return tf.engine().runKernel(tf.Transpose, { x }, { perm: [0, 2, 1] });
}

function hiddenActivation(
  z: tf.Tensor,
  activation: ModelConfig['output']['activation'],
): tf.Tensor {
  switch (activation) {
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'softmax':
      return tf.softmax(z);
    case 'relu':
      return tf.relu(z);
    case 'linear':
      return z;
  }
}

export interface DenseBatch {
  /** The inputs, [1, rows, inputs]. */
  x: tf.Tensor;
  /** The inputs transposed, [1, inputs, rows]: needed when the first layer is transposed. */
  xT?: tf.Tensor;
  /** The targets, [rows, …]. */
  y: tf.Tensor;
}

export interface DenseGradients {
  /** dL/dkernel, dL/dbias for every Dense layer, in the layout of `params`. */
  grads: tf.Tensor[];
  /** [loss, number right]. */
  stats: tf.Tensor;
}

/**
 * The forward and backward pass of a dense network on the wasm backend, with XNNPACK matrix
 * products and the kernels of wasmKernels.ts, without tfjs's gradient tape. `params` are
 * kernel, bias, kernel, bias, … with kernels [inputs, units] (any rank-2 or rank-3 shape of
 * that size), except that with `firstTransposed` the first kernel is [1, units, inputs].
 *
 * XNNPACK packs the right operand of every product into its own layout; it keeps the packed
 * copy per tensor, but weights are new tensors after every update, so each step pays for it.
 * For the first layer at small batches the weights are by far the largest operand: computing
 * zᵀ = Wᵀ·xᵀ instead of z = x·W packs the batch instead of the weights.
 */
export function denseGradients(
  params: readonly tf.Tensor[],
  settings: RunnerSettings,
  batch: DenseBatch,
  firstTransposed = false,
): DenseGradients {
  const layers = [...settings.hidden, settings.output];
  const L = layers.length;
  const kernels = layers.map((layer, l) => {
    const k = params[2 * l]!;
    if (l === 0 && firstTransposed) return k;
    return k.rank === 3 ? k : tf.reshape(k, [1, k.size / layer.units, layer.units]);
  });
  const biases = layers.map((_, l) => params[2 * l + 1]!);
  if (firstTransposed && L < 2) throw new Error('only a hidden first layer can be transposed');
  registerWasmKernels();
  const engine = tf.engine();
  // Forward: acts[l] is the input of layer l, acts[L] the output layer's pre-activation.
  const acts: tf.Tensor[] = [batch.x];
  for (let l = 0; l < L; l++) {
    const activation = l === L - 1 ? 'linear' : layers[l]!.activation;
    let a: tf.Tensor;
    if (l === 0 && firstTransposed) {
      if (!batch.xT) throw new Error('a transposed first layer needs the transposed batch');
      const zT = matMul(kernels[0]!, batch.xT);
      a = engine.runKernel(BIAS_ACTIVATION_T_KERNEL, { zT, bias: biases[0]! }, { activation });
    } else if (activation === 'relu' || activation === 'linear') {
      a = matMul(acts[l]!, kernels[l]!, biases[l]!, activation);
    } else {
      a = hiddenActivation(matMul(acts[l]!, kernels[l]!, biases[l]!), activation);
    }
    acts.push(a);
  }
  const accuracy = accuracyKind(settings) ?? 'none';
  const headAttrs: HeadAttrs = {
    activation: settings.output.activation,
    loss: settings.loss,
    accuracy,
  };
  const head = engine.runKernel<tf.Tensor[]>(
    HEAD_KERNEL,
    { z: acts[L]!, y: batch.y },
    headAttrs as unknown as tf.NamedAttrMap,
  );
  let [dz, db] = head as [tf.Tensor, tf.Tensor];
  const stats = head[2]!;
  const grads: tf.Tensor[] = new Array<tf.Tensor>(2 * L);
  for (let l = L - 1; l >= 0; l--) {
    // With the first layer transposed, dz arrives here as dzᵀ: dWᵀ = dzᵀ·x.
    grads[2 * l] =
      l === 0 && firstTransposed ? matMul(dz, batch.x) : matMul(transpose(acts[l]!), dz);
    grads[2 * l + 1] = db;
    if (l > 0) {
      const da = matMul(dz, transpose(kernels[l]!));
      [dz, db] = engine.runKernel<tf.Tensor[]>(
        ACTIVATION_GRAD_KERNEL,
        { a: acts[l]!, da },
        { activation: layers[l - 1]!.activation, transposeOut: l === 1 && firstTransposed },
      ) as [tf.Tensor, tf.Tensor];
    }
  }
  return { grads, stats };
}

/** The optimizer's slots for one parameter: none (SGD), one (momentum) or two (Adam, RMSprop). */
function slotCount(optimizer: RunnerSettings['optimizer']): number {
  return optimizer.kind === 'sgd' ? 0 : optimizer.kind === 'momentum' ? 1 : 2;
}

export interface WasmRunnerOptions {
  /** The optimizer in WebAssembly SIMD (default) or in JavaScript. */
  simd?: boolean;
  /**
   * Whether the first layer's product is computed transposed (see `denseGradients`); by default
   * for a hidden first layer when the batch is at most half its units, where that packs less.
   */
  firstTransposed?: boolean;
}

/**
 * The fast path for the wasm backend: each update is one explicit forward and backward pass
 * (`denseGradients`) and one fused optimizer kernel, in one `tf.tidy`, on a batch made from the
 * typed arrays. The model's variables get the new weights after every step, except the first
 * kernel while it is kept transposed: `sync` (which the trainer calls before anyone else may
 * look) and `dispose` write it back, so evaluation, prediction and download see it.
 */
export function wasmRunner(
  built: BuiltModel,
  settings: RunnerSettings,
  data: TrainData,
  options: WasmRunnerOptions = {},
): StepRunner {
  registerWasmKernels();
  const simd = options.simd ?? true;
  const variables = built.model.trainableWeights.map((w) => w.read() as tf.Variable);
  const xSize = sizeOf(data.xShape);
  const ySize = sizeOf(data.yShape);
  const units0 = (settings.hidden[0] ?? settings.output).units;
  const firstTransposed =
    options.firstTransposed ?? (settings.hidden.length > 0 && 2 * settings.batchSize <= units0);
  const corrections = new BiasCorrections();
  const slotsPerParam = slotCount(settings.optimizer);
  let slots: tf.Tensor[][] | null = null;
  // The first kernel as [1, units, inputs] while it is kept transposed (updated in place, so
  // counted in versions), and the variable's data as last written, to notice a change from outside.
  let firstT: tf.Tensor | null = null;
  let writtenDataId: object | null = null;
  let firstVersion = 0;
  let writtenVersion = 0;
  // Reused: a tensor made from a typed array copies it into the heap at once.
  const buffers = new Map<number, { x: Float32Array; xT: Float32Array; y: Float32Array }>();

  const params = (): tf.Tensor[] =>
    firstTransposed ? [firstT!, ...variables.slice(1)] : variables;

  const step = (rows: Uint32Array): tf.Tensor =>
    tf.tidy(() => {
      const n = rows.length;
      let buf = buffers.get(n);
      if (!buf) {
        buf = {
          x: new Float32Array(n * xSize),
          xT: new Float32Array(firstTransposed ? n * xSize : 0),
          y: new Float32Array(n * ySize),
        };
        buffers.set(n, buf);
      }
      copyRows(data, rows, buf.x, buf.y, firstTransposed ? buf.xT : undefined);
      const batch: DenseBatch = {
        x: tf.tensor3d(buf.x, [1, n, xSize]),
        xT: firstTransposed ? tf.tensor3d(buf.xT, [1, xSize, n]) : undefined,
        y: tf.tensor2d(buf.y, [n, ySize]),
      };
      const current = params();
      const { grads, stats } = denseGradients(current, settings, batch, firstTransposed);
      const [c1, c2] = corrections.next(settings.optimizer);
      const inputs: tf.NamedTensorMap = {};
      current.forEach((w, p) => {
        inputs[`w${p}`] = w;
        inputs[`g${p}`] = grads[p]!;
        if (slotsPerParam > 0) inputs[`m${p}`] = slots![p]![0]!;
        if (slotsPerParam > 1) inputs[`v${p}`] = slots![p]![1]!;
      });
      const attrs: UpdateAttrs = {
        optimizer: settings.optimizer,
        c1,
        c2,
        count: current.length,
        simd,
        // The transposed first kernel is only ever a left operand: it can change in place.
        inPlace: firstTransposed ? [0] : [],
      };
      const updated = tf
        .engine()
        .runKernel<tf.Tensor[]>(UPDATE_KERNEL, inputs, attrs as unknown as tf.NamedAttrMap);
      const assigned = firstTransposed ? variables.slice(1) : variables;
      assigned.forEach((v, i) => v.assign(updated[i]!));
      if (firstTransposed) firstVersion++;
      return stats;
    });

  /** The first kernel as [1, units, inputs], from the variable unless it is ours already. */
  const readFirst = () => {
    if (!firstTransposed || (firstT && variables[0]!.dataId === writtenDataId)) return;
    firstT?.dispose();
    firstT = tf.tidy(() => transpose(tf.reshape(variables[0]!, [1, xSize, units0])));
    writtenDataId = variables[0]!.dataId;
    writtenVersion = firstVersion;
  };
  const writeFirst = () => {
    if (!firstTransposed || !firstT || writtenVersion === firstVersion) return;
    if (variables[0]!.isDisposed) return;
    const t = firstT;
    tf.tidy(() => variables[0]!.assign(tf.reshape(transpose(t), [xSize, units0])));
    writtenDataId = variables[0]!.dataId;
    writtenVersion = firstVersion;
  };

  return {
    kind: 'wasm',
    fallbackReason: null,
    run(batches: readonly BatchSpec[]) {
      readFirst();
      slots ??= params().map((w) =>
        Array.from({ length: slotsPerParam }, () => tf.keep(tf.zerosLike(w))),
      );
      const results = batches.map((b) => step(b.rows));
      if (results.length === 1) return results[0]!;
      const all = tf.concat(results);
      results.forEach((r) => r.dispose());
      return all;
    },
    sync: writeFirst,
    dispose() {
      writeFirst();
      slots?.flat().forEach((t) => t.dispose());
      slots = null;
      firstT?.dispose();
      firstT = null;
    },
  };
}
