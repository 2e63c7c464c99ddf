import * as tf from '@tensorflow/tfjs';
import type { Loss, ModelConfig } from './config';

/** Keras's backend epsilon: predictions are clipped to [ε, 1 − ε] before a log. */
const EPSILON = 1e-7;

/** The loss as Keras computes it for `compile(loss=...)`: a mean over the batch. */
export function lossFunction(loss: Loss): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar {
  switch (loss) {
    case 'mse':
      return (yTrue, yPred) => tf.losses.meanSquaredError(yTrue, yPred) as tf.Scalar;
    case 'binaryCrossentropy':
      return (yTrue, yPred) => tf.mean(tf.metrics.binaryCrossentropy(yTrue, yPred));
    case 'sparseCategoricalCrossentropy':
      return (yTrue, yPred) =>
        tf.tidy(() => {
          const classes = yPred.shape[yPred.shape.length - 1]!;
          const labels = tf.oneHot(tf.cast(tf.reshape(yTrue, [-1]), 'int32'), classes);
          const logP = tf.log(tf.clipByValue(yPred, EPSILON, 1 - EPSILON));
          return tf.neg(
            tf.mean(tf.sum(tf.mul(labels, tf.reshape(logP, labels.shape)), -1)),
          ) as tf.Scalar;
        });
  }
}

export type AccuracyKind = 'binary' | 'sparse';

/** Which accuracy Keras's `metrics=['accuracy']` would pick for this model. */
export function accuracyKind(config: Pick<ModelConfig, 'output' | 'loss'>): AccuracyKind | null {
  if (config.output.units === 1) return 'binary';
  if (config.loss === 'sparseCategoricalCrossentropy') return 'sparse';
  return null;
}

/** The number of right predictions in a batch, as a scalar tensor. */
export function countCorrect(kind: AccuracyKind, yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const right =
      kind === 'binary'
        ? tf.equal(tf.greater(yPred, 0.5), tf.greater(yTrue, 0.5))
        : tf.equal(tf.argMax(yPred, -1), tf.cast(tf.reshape(yTrue, [-1]), 'int32'));
    return tf.sum(tf.cast(right, 'float32'));
  });
}
