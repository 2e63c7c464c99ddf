import * as tf from '@tensorflow/tfjs';
import { copyRows, rowRange, sizeOf, type TrainData } from './batch';
import type { ModelConfig } from './config';
import { accuracyKind, countCorrect, lossFunction } from './loss';
import { yieldToEventLoop } from './schedule';

const PASS_TARGET_MS = 25;
const MAX_PASS = 4096;

export interface Evaluation {
  /** The mean loss over all examples, as Keras's `evaluate` reports it. */
  loss: number;
  accuracy: number | null;
  /** The model's outputs, row by row, when asked for. */
  outputs: Float32Array | null;
}

export interface EvaluateOptions {
  /**
   * Examples in the first forward pass; later passes grow or shrink to take about 25 ms each,
   * and the page gets the thread back between them.
   */
  batchSize?: number;
  keepOutputs?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Keras's `evaluate` (and `predict`, with `keepOutputs`) over typed-array data, in chunks. */
export async function evaluateModel(
  model: tf.LayersModel,
  data: TrainData,
  settings: Pick<ModelConfig, 'loss' | 'output'>,
  { batchSize: firstBatch = 256, keepOutputs = false, onProgress }: EvaluateOptions = {},
): Promise<Evaluation> {
  const lossFn = lossFunction(settings.loss);
  const accKind = accuracyKind(settings);
  const xSize = sizeOf(data.xShape);
  const ySize = sizeOf(data.yShape);
  const outSize = settings.output.units;
  const outputs = keepOutputs ? new Float32Array(data.count * outSize) : null;
  let lossSum = 0;
  let correct = 0;
  let batchSize = firstBatch;
  for (let start = 0, n = 0; start < data.count; start += n) {
    n = Math.min(batchSize, data.count - start);
    const passStart = performance.now();
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
    const passMs = performance.now() - passStart;
    if (passMs < PASS_TARGET_MS / 2) batchSize = Math.min(MAX_PASS, batchSize * 2);
    else if (passMs > PASS_TARGET_MS * 2) batchSize = Math.max(1, batchSize >> 1);
    await yieldToEventLoop();
  }
  const count = Math.max(1, data.count);
  return { loss: lossSum / count, accuracy: accKind ? correct / count : null, outputs };
}
