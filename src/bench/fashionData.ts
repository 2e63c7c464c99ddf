import { loadFashionMnist, type FashionMnist } from '../data/fashionMnist';
import * as tf from '@tensorflow/tfjs';
import { activateBackend, type BackendName } from '../engine/backends';
import type { TrainData } from '../engine/batch';
import type { ModelConfig } from '../engine/config';
import { buildModel } from '../engine/model';
import { createStepRunner, setFastPaths, type StepPath } from '../engine/stepRunner';
import { wasmHeapBytes } from '../engine/wasmInternals';
import { DATA_URL } from '../ui/useFashionData';

/** "fast": the path the Train buttons take (fused on cpu, wasmRunner on wasm); "stock": tfjs's own. */
export type BenchPath = 'fast' | 'stock';

let data: Promise<FashionMnist> | null = null;

/** The Fashion-MNIST files, loaded once per page. */
export function fashionData(): Promise<FashionMnist> {
  data ??= loadFashionMnist(DATA_URL);
  return data;
}

/** Runs `body` with the fast paths on or off, as `path` says. */
export async function onPath<T>(path: BenchPath, body: () => Promise<T>): Promise<T> {
  setFastPaths(path === 'fast');
  try {
    return await body();
  } finally {
    setFastPaths(true);
  }
}

/** The step runner a Trainer makes for this config on the active backend, and why it did. */
export function runnerFor(
  config: ModelConfig,
  train: TrainData,
): { path: StepPath; fallback_reason?: string } {
  const built = buildModel(config);
  try {
    const runner = createStepRunner(built, config, train);
    return {
      path: runner.kind,
      ...(runner.fallbackReason ? { fallback_reason: runner.fallbackReason } : {}),
    };
  } finally {
    built.dispose();
  }
}

/** Activates `backend`, or says why it could not start. */
export async function startBackend(backend: BackendName): Promise<string | null> {
  if ((await activateBackend(backend)) && tf.getBackend() === backend) return null;
  return `backend ${backend} could not start (tf.getBackend() = ${tf.getBackend()})`;
}

export { wasmHeapBytes };
