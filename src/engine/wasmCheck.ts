import * as tf from '@tensorflow/tfjs';
import { rowRange, type TrainData } from './batch';
import type { ModelConfig } from './config';
import { errorMessage } from './errors';
import { yieldToEventLoop } from './schedule';
import { buildModel, type BuiltModel } from './model';
import type { BatchSpec, StepRunner } from './stepTypes';
import { tfjsRunner } from './tfjsRunner';
import { wasmInternals } from './wasmInternals';
import { registerWasmKernels } from './wasmKernels';
import { wasmRunner } from './wasmRunner';

/** The tfjs version whose wasm backend internals the fast path was written and tested against. */
export const FAST_PATH_TFJS_VERSION = '4.22.0';

/** A small model that takes every kind of step the fast path has: two hidden layers, Adam. */
const CHECK_CONFIG: ModelConfig = {
  // 16 bytes an example, so the byte batches' SIMD path is checked too.
  inputShape: [16],
  hidden: [
    { units: 4, activation: 'relu' },
    { units: 3, activation: 'tanh' },
  ],
  output: { units: 3, activation: 'softmax' },
  loss: 'sparseCategoricalCrossentropy',
  optimizer: { kind: 'adam', learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  batchSize: 4,
  epochs: 1,
  shuffle: false,
  seed: 7,
};

function checkData(): TrainData {
  const count = 6;
  const x = Uint8Array.from({ length: count * 16 }, (_, i) => (i * 89 + 7) % 256);
  const y = Float32Array.from({ length: count }, (_, i) => (i * 2) % 3);
  return { x, y, count, xShape: [16], yShape: [1], xScale: 1 / 255 };
}

/** Three steps (a partial batch among them), so a stale cached weight would show. */
const CHECK_BATCHES: BatchSpec[] = [
  { epoch: 1, batch: 0, step: 1, rows: rowRange(0, 4), lastOfEpoch: false },
  { epoch: 1, batch: 1, step: 2, rows: rowRange(4, 6), lastOfEpoch: true },
  { epoch: 2, batch: 0, step: 3, rows: rowRange(1, 5), lastOfEpoch: false },
];

function trainWith(make: (built: BuiltModel) => StepRunner): Float32Array[] {
  const built = buildModel(CHECK_CONFIG);
  const runner = make(built);
  try {
    const stats = runner.run(CHECK_BATCHES);
    const out = [
      stats instanceof Float32Array ? stats : (stats.dataSync() as Float32Array),
      ...built.model.trainableWeights.map((w) => w.read().dataSync() as Float32Array),
    ].map((a) => Float32Array.from(a));
    if (!(stats instanceof Float32Array)) stats.dispose();
    return out;
  } finally {
    runner.dispose?.();
    built.dispose();
  }
}

/** Where `got` and `want` differ by more than 1e-4 of the larger of the value and the array's scale. */
function firstDifference(got: Float32Array[], want: Float32Array[]): string | null {
  for (let p = 0; p < want.length; p++) {
    const g = got[p]!;
    const w = want[p]!;
    if (g.length !== w.length) return `array ${p} has ${g.length} values, not ${w.length}`;
    const scale = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    for (let i = 0; i < w.length; i++) {
      if (!(Math.abs(g[i]! - w[i]!) <= 1e-4 * (scale + Math.abs(w[i]!))))
        return `array ${p}[${i}] is ${g[i]}, tfjs says ${w[i]}`;
    }
  }
  return null;
}

/**
 * The check, in parts: it pauses (yields) after each of its three small trainings, so that a
 * caller can give the page a turn in between.
 */
function* checkParts(expectedVersion: string): Generator<void, string | null> {
  if (tf.getBackend() !== 'wasm') return `the active backend is ${tf.getBackend()}, not wasm`;
  if (tf.version_core !== expectedVersion)
    return `it is written for tfjs ${expectedVersion}, and this is tfjs ${tf.version_core}`;
  const internals = wasmInternals(tf.backend());
  if (typeof internals === 'string') return internals;
  try {
    registerWasmKernels();
    const data = checkData();
    const settings = CHECK_CONFIG;
    const stock = trainWith((built) => tfjsRunner(built, settings, data));
    // Every layer's product as it is, then every layer's transposed.
    for (const t of [false, true]) {
      yield;
      const transposed = [t, t, t];
      const fast = trainWith((built) => wasmRunner(built, settings, data, { transposed }));
      const diff = firstDifference(fast, stock);
      if (diff) return `its numbers differ from tfjs's own (${diff})`;
    }
    return null;
  } catch (err) {
    return `its check failed (${errorMessage(err)})`;
  }
}

/**
 * Checks that the fast wasm path can be trusted here: the tfjs version it was written for, the
 * wasm backend's internals it uses, and three steps of a small model that give the losses and
 * weights of tfjs's own `optimizer.minimize`. Returns what is wrong, or null.
 */
export function checkWasmFastPath(expectedVersion = FAST_PATH_TFJS_VERSION): string | null {
  const parts = checkParts(expectedVersion);
  for (;;) {
    const part = parts.next();
    if (part.done) return part.value;
  }
}

let verdicts = new WeakMap<tf.KernelBackend, string | null>();

/** Forgets the checks made, so the next runner checks again (for tests). */
export function forgetWasmFastPathChecks(): void {
  verdicts = new WeakMap();
}

/** `checkWasmFastPath`, once per backend instance: why the fast wasm path is off, or null. */
export function wasmFastPathProblem(): string | null {
  const backend = tf.backend();
  if (!verdicts.has(backend)) verdicts.set(backend, checkWasmFastPath());
  return verdicts.get(backend)!;
}

/**
 * Makes the check on the active wasm backend ahead of training, a part per task (the first time
 * a page runs it, JIT compilation makes it take about 90 ms in all), so that starting a run adds
 * no long task of its own. `wasmFastPathProblem` then answers from what this found.
 */
export async function checkWasmFastPathAhead(): Promise<void> {
  const backend = tf.backend();
  if (verdicts.has(backend)) return;
  const parts = checkParts(FAST_PATH_TFJS_VERSION);
  for (;;) {
    const part = parts.next();
    if (part.done) {
      if (tf.backend() === backend) verdicts.set(backend, part.value);
      return;
    }
    await yieldToEventLoop();
    if (tf.backend() !== backend) return; // another backend took over: check it when it is used
  }
}
