import * as tf from '@tensorflow/tfjs';
import type { TrainData } from './batch';
import { fusedRunner, fusedSupported } from './fusedRunner';
import type { BuiltModel } from './model';
import type { RunnerSettings, StepRunner } from './stepTypes';
import { tfjsRunner } from './tfjsRunner';
import { wasmFastPathProblem } from './wasmCheck';
import { wasmRunner } from './wasmRunner';

export type { TrainData } from './batch';
export type { BatchSpec, RunnerSettings, StepPath, StepRunner } from './stepTypes';
export { fusedRunner, fusedSupported } from './fusedRunner';
export { tfjsRunner } from './tfjsRunner';
export { wasmRunner } from './wasmRunner';

let fastPathsOn = true;

/** Turns the fast paths off (and on again) for every runner made after: for benchmarks. */
export function setFastPaths(enabled: boolean): void {
  fastPathsOn = enabled;
}

/**
 * The fast path of the active backend where it applies (fused on cpu, wasmRunner on wasm, after
 * wasm's start-up check); the stock path everywhere else, and when told "tfjs".
 */
export function createStepRunner(
  built: BuiltModel,
  settings: RunnerSettings,
  data: TrainData,
  prefer: 'auto' | 'tfjs' = 'auto',
): StepRunner {
  if (prefer === 'tfjs' || !fastPathsOn || !fusedSupported(built))
    return tfjsRunner(built, settings, data);
  const backend = tf.getBackend();
  if (backend === 'cpu') return fusedRunner(built, settings, data);
  if (backend === 'wasm') {
    const problem = wasmFastPathProblem();
    return problem ? tfjsRunner(built, settings, data, problem) : wasmRunner(built, settings, data);
  }
  return tfjsRunner(built, settings, data);
}
