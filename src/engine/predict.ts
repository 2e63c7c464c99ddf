import * as tf from '@tensorflow/tfjs';

/** Runs the model on `count` rows of `x` and reads the outputs back (one async read). */
export async function predictRows(
  model: tf.LayersModel,
  x: Float32Array,
  count: number,
  rowShape: readonly number[],
): Promise<Float32Array> {
  // One batch: `predict` would otherwise loop over batches of 32, one kernel chain each.
  const out = tf.tidy(
    () =>
      model.predict(tf.tensor(x, [count, ...rowShape]), {
        batchSize: Math.max(1, count),
      }) as tf.Tensor,
  );
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}

/** An n×n grid of 2-D points over [min, max]², row by row from the top (largest y) down. */
export function grid2d(n: number, min: number, max: number): Float32Array {
  const points = new Float32Array(n * n * 2);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const i = (row * n + col) * 2;
      points[i] = min + ((max - min) * (col + 0.5)) / n;
      points[i + 1] = max - ((max - min) * (row + 0.5)) / n;
    }
  }
  return points;
}
