import * as tf from '@tensorflow/tfjs';
import { copyRows, sizeOf, type TrainData } from './batch';
import { accuracyKind, countCorrect, lossFunction } from './loss';
import type { BuiltModel } from './model';
import type { RunnerSettings, StepRunner } from './stepTypes';

/** The stock path: `optimizer.minimize` over `model.apply`, batches built from typed arrays. */
export function tfjsRunner(
  built: BuiltModel,
  settings: RunnerSettings,
  data: TrainData,
  fallbackReason: string | null = null,
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
    fallbackReason,
    run(batches) {
      const results = batches.map((b) => step(b.rows));
      if (results.length === 1) return results[0]!;
      const all = tf.concat(results);
      results.forEach((r) => r.dispose());
      return all;
    },
  };
}
