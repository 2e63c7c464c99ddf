import type { BackendName } from '../engine/backends';
import type { StepPath } from '../engine/stepRunner';
import type { benchFashionShort, FashionRunFigures } from './fashion';
import type { BenchPath } from './fashionData';
import type { profileKernels } from './kernels';
import type { benchMemory } from './memory';
import type { StepLine, StepSpec } from './steps';

/** The lecture's two models on XOR: the SLP (no hidden layer) and the MLP (one hidden layer of 4). */
export const MODELS = { slp: [], mlp: [4] } as const satisfies Record<string, readonly number[]>;
export type ModelKey = keyof typeof MODELS;

/** The benchmark's default backends, in the order they run. */
export const BENCH_BACKENDS: readonly BackendName[] = ['cpu', 'wasm', 'webgl'];

/** PyTorch on the same machine (CPU), seconds per 6,000-step lecture run. */
export const PYTORCH_SECONDS: Record<ModelKey, number> = { slp: 0.26, mlp: 0.38 };

export interface BenchSpec {
  backend: BackendName;
  model: ModelKey;
  /** "auto" is the Train button's path (fused on cpu); "tfjs" forces the stock tfjs path. */
  path: 'auto' | 'tfjs';
  runs: number;
  /** Timed run i uses seed + i; the warm-up uses seed. */
  seed: number;
}

interface BenchBase {
  name: string;
  backend: BackendName;
  path: StepPath | BackendName;
  steps: number;
  runs: number;
  renderer?: string;
}

export interface BenchOk extends BenchBase {
  /** Median wall time of one whole `trainGate` call (build, train, predict, dispose). */
  seconds: number;
  seconds_min: number;
  seconds_max: number;
  steps_per_second: number;
  us_per_step: number;
  /** Median of the trainer's own elapsed time (training only). */
  train_seconds: number;
  /** Untimed runs before the timed ones: at least 1, more while they are quick. */
  warmup_runs: number;
  /** How many timed runs solved the gate (all four outputs on the right side of 0.5). */
  solved: number;
  /** tf.memory().numTensors after a run minus before, the largest over the timed runs. */
  tensors_leaked: number;
  seeds: number[];
  pytorch_seconds: number;
  /** seconds / pytorch_seconds: above 1 is slower than PyTorch. */
  vs_pytorch: number;
}

export interface BenchError extends BenchBase {
  error: string;
  /** True when the backend could not start (skipped), false when a run failed. */
  skipped: boolean;
}

export type BenchLine = BenchOk | BenchError;

/** Every benchmark for the given backends, in order; cpu and wasm also get the stock tfjs path. */
export function benchPlan(
  backends: readonly BackendName[],
  runs: number,
  seed: number,
): BenchSpec[] {
  return backends.flatMap((backend) =>
    (Object.keys(MODELS) as ModelKey[]).flatMap((model) =>
      (backend === 'webgl' ? (['auto'] as const) : (['auto', 'tfjs'] as const)).map((path) => ({
        backend,
        model,
        path,
        runs,
        seed,
      })),
    ),
  );
}

declare global {
  interface Window {
    runBench: (spec: BenchSpec) => Promise<BenchLine>;
    runFashionBench: (
      backend: BackendName,
      seed: number,
      path: BenchPath,
    ) => Promise<FashionRunFigures>;
    runCalibration: () => Promise<Record<string, unknown>>;
    runFashionShort: typeof benchFashionShort;
    runStepBench: (spec: StepSpec) => Promise<StepLine>;
    runMemoryBench: typeof benchMemory;
    runKernelProfile: typeof profileKernels;
  }
}
