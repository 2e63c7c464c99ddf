import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config';
import { DenseOptimizer, DenseScratch, forwardBackward, type DenseNet } from './denseMath';
import { copyRows, sizeOf, type TrainData } from './batch';
import { accuracyKind, countCorrect, lossFunction } from './loss';
import type { BuiltModel } from './model';

export type { TrainData } from './batch';

export interface BatchSpec {
  epoch: number;
  batch: number;
  step: number;
  /** Indices of the batch's examples in the data. */
  rows: Uint32Array;
  lastOfEpoch: boolean;
}

/** How a model's update steps are computed; the trainer around it is the same for all. */
export interface StepRunner {
  /** "tfjs": the backend's own kernels and autodiff; "fused": one JavaScript pass per step on the CPU backend. */
  readonly kind: 'tfjs' | 'fused';
  /** One update per batch, in order. The result holds [loss, correct] per batch. */
  run(batches: readonly BatchSpec[]): tf.Tensor | Float32Array;
}

type RunnerSettings = Pick<ModelConfig, 'loss' | 'output' | 'hidden' | 'optimizer'>;

/** The stock path: `optimizer.minimize` over `model.apply`, batches built from typed arrays. */
export function tfjsRunner(
  built: BuiltModel,
  settings: RunnerSettings,
  data: TrainData,
): StepRunner {
  const { model, optimizer } = built;
  const lossFn = lossFunction(settings.loss);
  const accKind = accuracyKind(settings);
  const xSize = sizeOf(data.xShape);
  const ySize = sizeOf(data.yShape);
  // Reused: every backend has consumed a batch's values once its step has returned.
  const buffers = new Map<number, { x: Float32Array; y: Float32Array }>();
  const step = (rows: Uint32Array): tf.Tensor =>
    tf.tidy(() => {
      const n = rows.length;
      let buf = buffers.get(n);
      if (!buf)
        buffers.set(n, (buf = { x: new Float32Array(n * xSize), y: new Float32Array(n * ySize) }));
      copyRows(data, rows, buf.x, buf.y);
      const xs = tf.tensor(buf.x, [n, ...data.xShape]);
      const ys = tf.tensor(buf.y, [n, ...data.yShape]);
      let correct: tf.Scalar | null = null;
      const loss = optimizer.minimize(() => {
        const pred = model.apply(xs, { training: true }) as tf.Tensor;
        // Kept out of minimize's own tidy, disposed below once stacked.
        if (accKind) correct = tf.keep(countCorrect(accKind, ys, pred));
        return lossFn(ys, pred);
      }, true)!;
      const kept = correct as tf.Scalar | null;
      const packed = tf.stack([loss, kept ?? tf.scalar(0)]);
      kept?.dispose();
      return packed;
    });
  return {
    kind: 'tfjs',
    run(batches) {
      const results = batches.map((b) => step(b.rows));
      if (results.length === 1) return results[0]!;
      const all = tf.concat(results);
      results.forEach((r) => r.dispose());
      return all;
    },
  };
}

/** Whether the fused path computes exactly this model: dense layers only, known activations and losses. */
export function fusedSupported(built: BuiltModel): boolean {
  return built.model.layers.every((l) => ['Dense', 'Flatten'].includes(l.getClassName()));
}

/**
 * The fused path for the CPU backend: each update is one forward, backward and optimizer pass in
 * plain JavaScript over the model's own weights, which are written back after every run. For
 * small networks this removes tfjs's per-operation cost, which is most of the time there.
 */
export function fusedRunner(
  built: BuiltModel,
  settings: RunnerSettings,
  data: TrainData,
): StepRunner {
  const weights = built.model.trainableWeights; // kernel0, bias0, kernel1, bias1, …
  const layers = [...settings.hidden, settings.output];
  const xSize = sizeOf(data.xShape);
  const ySize = sizeOf(data.yShape);
  const net: DenseNet = {
    sizes: [xSize, ...layers.map((l) => l.units)],
    activations: layers.map((l) => l.activation),
    kernels: [],
    biases: [],
  };
  const optimizer = new DenseOptimizer(
    settings.optimizer,
    weights.map((w) => sizeOf(w.shape as number[])),
  );
  const accKind = accuracyKind(settings);
  const scratch = new Map<number, DenseScratch>();
  const yBuf = new Map<number, Float32Array>();
  return {
    kind: 'fused',
    run(batches) {
      const params = weights.map((w) => Float32Array.from(w.read().dataSync() as Float32Array));
      net.kernels = params.filter((_, i) => i % 2 === 0);
      net.biases = params.filter((_, i) => i % 2 === 1);
      const out = new Float32Array(batches.length * 2);
      batches.forEach((b, j) => {
        const n = b.rows.length;
        let s = scratch.get(n);
        if (!s) scratch.set(n, (s = new DenseScratch(net, n)));
        let y = yBuf.get(n);
        if (!y) yBuf.set(n, (y = new Float32Array(n * ySize)));
        copyRows(data, b.rows, s.a[0]!, y);
        const r = forwardBackward(net, s, n, y, settings.loss, accKind);
        out[2 * j] = r.loss;
        out[2 * j + 1] = r.correct;
        const grads = s.gradK.flatMap((gk, l) => [gk, s.gradB[l]!]);
        optimizer.apply(params, grads);
      });
      tf.tidy(() => weights.forEach((w, i) => w.write(tf.tensor(params[i]!, w.shape as number[]))));
      return out;
    },
  };
}

/** The fused path on the CPU backend where it applies; the stock path everywhere else. */
export function createStepRunner(
  built: BuiltModel,
  settings: RunnerSettings,
  data: TrainData,
  prefer: 'auto' | 'tfjs' = 'auto',
): StepRunner {
  if (prefer === 'auto' && tf.getBackend() === 'cpu' && fusedSupported(built)) {
    return fusedRunner(built, settings, data);
  }
  return tfjsRunner(built, settings, data);
}
