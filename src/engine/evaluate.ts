import * as tf from '@tensorflow/tfjs';
import { copyRows, rowRange, sizeOf, type TrainData } from './batch';
import type { ModelConfig } from './config';
import { accuracyKind, countCorrect, lossFunction } from './loss';
import { yieldToEventLoop } from './schedule';

export interface Evaluation {
  /** The mean loss over all examples, as Keras's `evaluate` reports it. */
  loss: number;
  accuracy: number | null;
  /** The model's outputs, row by row, when asked for. */
  outputs: Float32Array | null;
}

export interface EvaluateOptions {
  /** Examples per forward pass; the page gets the thread back between passes. */
  batchSize?: number;
  keepOutputs?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Keras's `evaluate` (and `predict`, with `keepOutputs`) over typed-array data, in chunks. */
export async function evaluateModel(
  model: tf.LayersModel,
  data: TrainData,
  settings: Pick<ModelConfig, 'loss' | 'output'>,
  { batchSize = 1000, keepOutputs = false, onProgress }: EvaluateOptions = {},
): Promise<Evaluation> {
  const lossFn = lossFunction(settings.loss);
  const accKind = accuracyKind(settings);
  const xSize = sizeOf(data.xShape);
  const ySize = sizeOf(data.yShape);
  const outSize = settings.output.units;
  const outputs = keepOutputs ? new Float32Array(data.count * outSize) : null;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < data.count; start += batchSize) {
    const n = Math.min(batchSize, data.count - start);
    const x = new Float32Array(n * xSize);
    const y = new Float32Array(n * ySize);
    copyRows(data, rowRange(start, start + n), x, y);
    const { stats, pred } = tf.tidy(() => {
      const ys = tf.tensor(y, [n, ...data.yShape]);
      const pred = model.predict(tf.tensor(x, [n, ...data.xShape]), { batchSize: n }) as tf.Tensor;
      const right = accKind ? countCorrect(accKind, ys, pred) : tf.scalar(0);
      return { stats: tf.stack([lossFn(ys, pred), right]), pred };
    });
    const out = keepOutputs ? pred : (pred.dispose(), null);
    const [batchLoss, batchCorrect] = await stats.data();
    stats.dispose();
    if (out) {
      outputs!.set(await out.data(), start * outSize);
      out.dispose();
    }
    lossSum += batchLoss! * n;
    correct += batchCorrect!;
    onProgress?.(start + n, data.count);
    await yieldToEventLoop();
  }
  const count = Math.max(1, data.count);
  return { loss: lossSum / count, accuracy: accKind ? correct / count : null, outputs };
}
