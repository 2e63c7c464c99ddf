import * as tf from '@tensorflow/tfjs';
import { copyRows, sizeOf, type TrainData } from './batch';
import { DenseOptimizer, DenseScratch, forwardBackward, type DenseNet } from './denseMath';
import { accuracyKind } from './loss';
import type { BuiltModel } from './model';
import type { RunnerSettings, StepRunner } from './stepTypes';

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
    fallbackReason: null,
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
