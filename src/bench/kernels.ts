import * as tf from '@tensorflow/tfjs';
import { fashionImages } from '../data/fashionMnist';
import { rowRange } from '../engine/batch';
import { buildModel } from '../engine/model';
import { wasmRunner } from '../engine/wasmRunner';
import { registerWasmKernels } from '../engine/wasmKernels';
import { lectureClassifier } from '../labs/fashion/settings';
import { fashionData, startBackend } from './fashionData';
import { round } from './stats';

export type KernelProfile = Record<string, unknown> & {
  name: 'kernel_profile';
  backend: 'wasm';
  batch_size: number;
  steps: number;
  ms_per_step: number;
  /** Milliseconds per step in each kernel, largest first; "outside kernels" is the rest. */
  ms_per_step_by_kernel: Record<string, number>;
  error?: string;
};

/** A matrix product is named with its shapes (`a`ᵀ when transposed): their sizes differ 100-fold. */
function kernelKey(kernelName: string, { inputs, attrs }: Parameters<tf.KernelFunc>[0]): string {
  if (kernelName !== tf.BatchMatMul && kernelName !== tf._FusedMatMul) return kernelName;
  const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
  const shape = (t: tf.TensorInfo, transposed: boolean) =>
    t.shape.slice(-2).join('×') + (transposed ? 'ᵀ' : '');
  return `${kernelName} ${shape(a, transposeA)}·${shape(b, transposeB)}`;
}

/**
 * Where a fast-path wasm step's time goes: every kernel the step runs is wrapped in a timer for
 * `steps` steps of the lecture's model (after a warm-up), then put back as it was. For looking
 * into the engine, not a target.
 */
export async function profileKernels(batchSize: number, steps = 1000): Promise<KernelProfile> {
  const base = { name: 'kernel_profile' as const, backend: 'wasm' as const, batch_size: batchSize };
  const problem = await startBackend('wasm');
  if (problem)
    return { ...base, steps: 0, ms_per_step: 0, ms_per_step_by_kernel: {}, error: problem };
  registerWasmKernels();
  const { train } = await fashionData();
  const config = { ...lectureClassifier(), batchSize };
  const built = buildModel(config);
  const runner = wasmRunner(built, config, fashionImages(train, 0, 60_000));
  const batches = Array.from({ length: 1875 }, (_, b) => ({
    epoch: 0,
    batch: b,
    step: b,
    rows: rowRange((b * batchSize) % 59_000, ((b * batchSize) % 59_000) + batchSize),
    lastOfEpoch: false,
  }));
  const spent = new Map<string, number>();
  const wrapped: tf.KernelConfig[] = [];
  const run = (n: number) => {
    for (let s = 0; s < n; s++) tf.dispose(runner.run([batches[s % batches.length]!]));
  };
  try {
    run(200);
    for (const kernel of tf.getKernelsForBackend('wasm')) {
      const { kernelName, kernelFunc } = kernel;
      tf.unregisterKernel(kernelName, 'wasm');
      wrapped.push(kernel);
      tf.registerKernel({
        ...kernel,
        kernelFunc: (args) => {
          const t0 = performance.now();
          const out = kernelFunc(args);
          const key = kernelKey(kernelName, args);
          spent.set(key, (spent.get(key) ?? 0) + performance.now() - t0);
          return out;
        },
      });
    }
    const t0 = performance.now();
    run(steps);
    const total = (performance.now() - t0) / steps;
    const inKernels = [...spent.values()].reduce((a, b) => a + b, 0) / steps;
    const byKernel = Object.fromEntries(
      [...spent]
        .sort((a, b) => b[1] - a[1])
        .map(([k, ms]) => [k, round(ms / steps, 4)] as const)
        .concat([['outside kernels', round(total - inKernels, 4)]]),
    );
    return { ...base, steps, ms_per_step: round(total, 4), ms_per_step_by_kernel: byKernel };
  } finally {
    for (const kernel of wrapped) {
      tf.unregisterKernel(kernel.kernelName, 'wasm');
      tf.registerKernel(kernel);
    }
    runner.dispose?.();
    built.dispose();
  }
}
