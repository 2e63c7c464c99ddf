import * as tf from '@tensorflow/tfjs';
import type { ParsedTensor } from '../../data/tensorText';
import type { DType } from './numpyText';

/** What the lab shows of a tfjs tensor, read from the tensor itself. */
export interface TensorReading {
  shape: number[];
  rank: number;
  dtype: DType;
  size: number;
  values: number[];
}

export interface MadeTensor {
  /** The tensor the call returns (for tf.cast, the new one). */
  result: TensorReading;
  /** tf.cast only: its input, `tf.constant(value)`. */
  before?: TensorReading;
  /** The tfjs backend that made it. */
  backend: string;
}

function read(t: tf.Tensor): TensorReading {
  return {
    shape: [...t.shape],
    rank: t.rank,
    dtype: t.dtype as DType,
    size: t.size,
    values: Array.from(t.dataSync()),
  };
}

/**
 * Makes the tensor with tfjs for real (`tf.tensor(values, shape, dtype)`, then `tf.cast` when
 * asked), reads what the page shows, and disposes every tensor before returning: the page keeps
 * plain numbers only.
 */
export function makeTensor(parsed: ParsedTensor, dtype: DType, castTo?: DType): MadeTensor {
  const made: tf.Tensor[] = [];
  try {
    const tensor = tf.tensor(parsed.values, parsed.shape, dtype);
    made.push(tensor);
    const backend = tf.getBackend();
    if (!castTo) return { result: read(tensor), backend };
    const cast = tf.cast(tensor, castTo);
    made.push(cast);
    return { before: read(tensor), result: read(cast), backend };
  } finally {
    for (const t of made) t.dispose();
  }
}
