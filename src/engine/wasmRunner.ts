import * as tf from '@tensorflow/tfjs';
import { copyRows, copyRowsTransposed, copyTargets, sizeOf, type TrainData } from './batch';
import type { BuiltModel } from './model';
import { BiasCorrections } from './optimizerMath';
import type { BatchSpec, RunnerSettings, StepRunner } from './stepTypes';
import { denseGradients, transposedLayers, type DenseBatch } from './wasmGradients';
import { simdBatchDivisor } from './simdBatch';
import {
  BYTE_BATCH_KERNEL,
  registerWasmKernels,
  UPDATE_KERNEL,
  type ByteBatchAttrs,
  type UpdateAttrs,
} from './wasmKernels';
import { wasmInternals, wasmSimdBatch } from './wasmInternals';

/** The optimizer's slots for one parameter: none (SGD), one (momentum) or two (Adam, RMSprop). */
function slotCount(optimizer: RunnerSettings['optimizer']): number {
  return optimizer.kind === 'sgd' ? 0 : optimizer.kind === 'momentum' ? 1 : 2;
}

export interface WasmRunnerOptions {
  /** The optimizer and ReLU's element-wise passes in WebAssembly SIMD (default) or in JavaScript. */
  simd?: boolean;
  /** Which layers compute their forward product transposed; by default `transposedLayers`. */
  transposed?: boolean[];
  /** Byte images converted in WebAssembly SIMD (default) rather than in JavaScript. */
  simdBatches?: boolean;
}

/** How the batch's inputs are made from byte images in SIMD, when they can be; else null. */
function byteBatches(data: TrainData, xSize: number, wanted: boolean) {
  if (!wanted || !(data.x instanceof Uint8Array) || xSize % 16 !== 0) return null;
  const divisor = simdBatchDivisor(data.xScale ?? 1);
  const internals = wasmInternals(tf.backend());
  if (divisor === null || typeof internals === 'string') return null;
  if (typeof wasmSimdBatch(internals) === 'string') return null;
  return { source: data.x, divisor };
}

/**
 * The fast path for the wasm backend: each update is one explicit forward and backward pass
 * (`denseGradients`) and one fused optimizer kernel, in one `tf.tidy`, on a batch made from the
 * typed arrays. The new weights go into the model's variables after every step (in new buffers,
 * as `assign` does), so evaluation, prediction and download always see them; the optimizer
 * also writes the transposed layers' kernels transposed, for the next step's forward products.
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
  const transposed = options.transposed ?? transposedLayers(settings, settings.batchSize);
  const corrections = new BiasCorrections();
  const slotsPerParam = slotCount(settings.optimizer);
  let slots: tf.Tensor[][] | null = null;
  // The transposed layers' kernels transposed, as the optimizer kernel last wrote them, and the
  // variable's data they belong to (a change from outside makes them again).
  const layers = transposed.map((t, l) => (t ? l : -1)).filter((l) => l >= 0);
  const kernelsT: (tf.Tensor | undefined)[] = [];
  const kernelsTOf: (object | undefined)[] = [];
  const currentKernelsT = () =>
    layers.forEach((l) => {
      const k = variables[2 * l]!;
      if (kernelsT[l] && kernelsTOf[l] === k.dataId) return;
      kernelsT[l]?.dispose();
      kernelsT[l] = tf.keep(tf.transpose(tf.reshape(k, [1, k.shape[0]!, k.shape[1]!]), [0, 2, 1]));
      kernelsTOf[l] = k.dataId;
    });
  // Reused: a tensor made from a typed array copies it into the heap at once.
  const buffers = new Map<number, { x: Float32Array; y: Float32Array }>();
  const bytes = byteBatches(data, xSize, options.simdBatches ?? simd);

  const step = (rows: Uint32Array): tf.Tensor =>
    tf.tidy(() => {
      const n = rows.length;
      let buf = buffers.get(n);
      if (!buf) {
        const x = new Float32Array(bytes ? 0 : n * xSize);
        buffers.set(n, (buf = { x, y: new Float32Array(n * ySize) }));
      }
      // The first layer reads either the batch or its transpose: made directly in that layout.
      let x: tf.Tensor;
      if (bytes) {
        copyTargets(data, rows, buf.y);
        const attrs: ByteBatchAttrs = {
          ...bytes,
          rows,
          rowBytes: xSize,
          transposed: transposed[0]!,
        };
        x = tf.engine().runKernel(BYTE_BATCH_KERNEL, {}, attrs as unknown as tf.NamedAttrMap);
      } else {
        if (transposed[0]) copyRowsTransposed(data, rows, buf.x, buf.y);
        else copyRows(data, rows, buf.x, buf.y);
        x = tf.tensor3d(buf.x, transposed[0] ? [1, xSize, n] : [1, n, xSize]);
      }
      const batch: DenseBatch = {
        ...(transposed[0] ? { xT: x } : { x }),
        y: tf.tensor2d(buf.y, [n, ySize]),
      };
      currentKernelsT();
      const { grads, stats } = denseGradients(
        variables,
        settings,
        batch,
        transposed,
        kernelsT,
        simd,
      );
      const [c1, c2] = corrections.next(settings.optimizer);
      const inputs: tf.NamedTensorMap = {};
      variables.forEach((w, p) => {
        inputs[`w${p}`] = w;
        inputs[`g${p}`] = grads[p]!;
        if (slotsPerParam > 0) inputs[`m${p}`] = slots![p]![0]!;
        if (slotsPerParam > 1) inputs[`v${p}`] = slots![p]![1]!;
      });
      const attrs: UpdateAttrs = {
        optimizer: settings.optimizer,
        c1,
        c2,
        count: variables.length,
        simd,
        transposed: layers.map((l) => 2 * l),
      };
      const updated = tf
        .engine()
        .runKernel<tf.Tensor[]>(UPDATE_KERNEL, inputs, attrs as unknown as tf.NamedAttrMap);
      variables.forEach((v, p) => v.assign(updated[p]!));
      layers.forEach((l, k) => {
        kernelsT[l]!.dispose();
        kernelsT[l] = tf.keep(updated[variables.length + k]!);
        kernelsTOf[l] = variables[2 * l]!.dataId;
      });
      return stats;
    });

  return {
    kind: 'wasm',
    fallbackReason: null,
    run(batches: readonly BatchSpec[]) {
      slots ??= variables.map((w) =>
        Array.from({ length: slotsPerParam }, () => tf.keep(tf.zerosLike(w))),
      );
      const results = batches.map((b) => step(b.rows));
      if (results.length === 1) return results[0]!;
      const all = tf.concat(results);
      results.forEach((r) => r.dispose());
      return all;
    },
    dispose() {
      slots?.flat().forEach((t) => t.dispose());
      slots = null;
      kernelsT.forEach((t) => t?.dispose());
      kernelsT.length = 0;
    },
  };
}
