import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config';
import { accuracyKind } from './loss';
import type { RunnerSettings } from './stepTypes';
import {
  ACTIVATION_GRAD_KERNEL,
  BIAS_ACTIVATION_T_KERNEL,
  HEAD_KERNEL,
  registerWasmKernels,
  type HeadAttrs,
  type LayerAttrs,
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
  /** The inputs, [1, rows, inputs]; needed unless the first layer is transposed. */
  x?: tf.Tensor;
  /** The inputs transposed, [1, inputs, rows]; needed when the first layer is transposed. */
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
 * Which layers compute their forward product transposed (see `denseGradients`): those with at
 * least twice as many units as the batch has rows, where the batch is the smaller operand.
 */
export function transposedLayers(settings: RunnerSettings, batchSize: number): boolean[] {
  return [...settings.hidden, settings.output].map((layer) => layer.units >= 2 * batchSize);
}

/**
 * The forward and backward pass of a dense network on the wasm backend, with XNNPACK matrix
 * products and the kernels of wasmKernels.ts, without tfjs's gradient tape. `params` are
 * kernel, bias, kernel, bias, … with kernels [inputs, units] (any rank-2 or rank-3 shape of
 * that size); the gradients come in the same layout.
 *
 * `kernelsT[l]`, when given, is layer l's kernel transposed ([1, units, inputs]) for a
 * transposed layer. `simd`: ReLU's element-wise passes in WebAssembly SIMD (simdLayer.ts).
 *
 * XNNPACK packs the right operand of every product into its own layout. It keeps the packed
 * copy per tensor, but weights are new tensors after every update, so a product with the weights
 * on the right packs them again at every step. So the backward pass keeps the weights on the
 * left (dL/daᵀ = W·dL/dzᵀ, the kernels making dL/dz in both layouts), and a `transposed` layer
 * computes its forward product as zᵀ = Wᵀ·aᵀ, which packs the batch instead of the weights: for
 * a wide layer and a small batch the batch is much the smaller (a transpose costs a tenth of a
 * packing per number).
 */
export function denseGradients(
  params: readonly tf.Tensor[],
  settings: RunnerSettings,
  batch: DenseBatch,
  transposed: readonly boolean[],
  kernelsT: readonly (tf.Tensor | undefined)[] = [],
  simd = true,
): DenseGradients {
  const layers = [...settings.hidden, settings.output];
  const L = layers.length;
  registerWasmKernels();
  const engine = tf.engine();
  const kernels = layers.map((layer, l) => {
    const k = params[2 * l]!;
    return k.rank === 3 ? k : tf.reshape(k, [1, k.size / layer.units, layer.units]);
  });
  const biases = layers.map((_, l) => params[2 * l + 1]!);
  // Forward: acts[l] is the input of layer l (actsT[l] the same transposed, made when needed),
  // acts[L] the output layer's pre-activation.
  const acts: (tf.Tensor | undefined)[] = [batch.x];
  const actsT: (tf.Tensor | undefined)[] = [batch.xT];
  const plain = (l: number) => (acts[l] ??= transpose(actsT[l]!));
  const flipped = (l: number) => (actsT[l] ??= transpose(acts[l]!));
  for (let l = 0; l < L; l++) {
    const activation = l === L - 1 ? 'linear' : layers[l]!.activation;
    if (transposed[l]) {
      const zT = matMul(kernelsT[l] ?? transpose(kernels[l]!), flipped(l));
      const [a, aT] = engine.runKernel<tf.Tensor[]>(
        BIAS_ACTIVATION_T_KERNEL,
        { zT, bias: biases[l]! },
        { activation, simd } satisfies LayerAttrs as unknown as tf.NamedAttrMap,
      );
      acts.push(a);
      actsT.push(aT);
    } else {
      const z = matMul(
        plain(l),
        kernels[l]!,
        biases[l]!,
        activation === 'relu' ? 'relu' : 'linear',
      );
      acts.push(activation === 'relu' ? z : hiddenActivation(z, activation));
      actsT.push(undefined);
    }
  }
  const headAttrs: HeadAttrs = {
    activation: settings.output.activation,
    loss: settings.loss,
    accuracy: accuracyKind(settings) ?? 'none',
  };
  const head = engine.runKernel<tf.Tensor[]>(
    HEAD_KERNEL,
    { z: acts[L]!, y: batch.y },
    headAttrs as unknown as tf.NamedAttrMap,
  );
  let [dz, dzT, db] = head as [tf.Tensor, tf.Tensor, tf.Tensor];
  const stats = head[3]!;
  const grads: tf.Tensor[] = new Array<tf.Tensor>(2 * L);
  for (let l = L - 1; l >= 0; l--) {
    grads[2 * l] = matMul(flipped(l), dz); // dL/dW = aᵀ·dL/dz
    grads[2 * l + 1] = db;
    if (l > 0) {
      const daT = matMul(kernels[l]!, dzT); // dL/daᵀ = W·dL/dzᵀ
      [dz, dzT, db] = engine.runKernel<tf.Tensor[]>(
        ACTIVATION_GRAD_KERNEL,
        { a: plain(l), aT: flipped(l), daT },
        {
          activation: layers[l - 1]!.activation,
          simd,
        } satisfies LayerAttrs as unknown as tf.NamedAttrMap,
      ) as [tf.Tensor, tf.Tensor, tf.Tensor];
    }
  }
  return { grads, stats };
}
