import type * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config';

export interface BatchSpec {
  epoch: number;
  batch: number;
  step: number;
  /** Indices of the batch's examples in the data. */
  rows: Uint32Array;
  lastOfEpoch: boolean;
}

/**
 * "tfjs": the backend's own kernels and autodiff (the stock path); "fused": one JavaScript pass
 * per step on the CPU backend; "wasm": an explicit forward and backward pass with XNNPACK matrix
 * products and fused kernels on the wasm backend.
 */
export type StepPath = 'tfjs' | 'fused' | 'wasm';

/** How a model's update steps are computed; the trainer around it is the same for all. */
export interface StepRunner {
  readonly kind: StepPath;
  /** Why a fast path that would apply here is not used (its start-up check failed), else null. */
  readonly fallbackReason: string | null;
  /** One update per batch, in order. The result holds [loss, correct] per batch. */
  run(batches: readonly BatchSpec[]): tf.Tensor | Float32Array;
  /** Frees what the runner holds (optimizer slots); the model's weights stay. */
  dispose?(): void;
}

export type RunnerSettings = Pick<
  ModelConfig,
  'loss' | 'output' | 'hidden' | 'optimizer' | 'batchSize'
>;
