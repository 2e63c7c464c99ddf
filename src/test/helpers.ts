/**
 * Helpers shared by the unit tests (vitest, Node, tfjs CPU backend). Not part of the app.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { ModelConfig } from '../engine/config';

/** Makes the tfjs CPU backend active and checks that it really is (tfjs can fall through silently). */
export async function setCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
  expect(tf.getBackend()).toBe('cpu');
}

/**
 * Asserts |actual − expected| ≤ abs + rel·|expected| element by element, and reports the worst
 * offenders with their indices when it does not hold.
 */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { rel = 1e-5, abs = 1e-7, label = '' }: { rel?: number; abs?: number; label?: string } = {},
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const ok = Math.abs(a - e) <= abs + rel * Math.abs(e);
    if (!ok || Number.isNaN(a) !== Number.isNaN(e)) bad.push(`[${i}] got ${a}, expected ${e}`);
  }
  expect(bad.slice(0, 8), `${label}: ${bad.length} of ${expected.length} values differ`).toEqual(
    [],
  );
}

/** The weights of a model as plain arrays, in `trainableWeights` order (kernel, bias, kernel, …). */
export function readWeights(model: tf.LayersModel): Float32Array[] {
  return model.trainableWeights.map((w) => Float32Array.from(w.read().dataSync() as Float32Array));
}

/** A config with the given layers; everything else small and explicit. */
export function denseConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    inputShape: [2],
    hidden: [{ units: 4, activation: 'sigmoid' }],
    output: { units: 1, activation: 'sigmoid' },
    loss: 'mse',
    optimizer: { kind: 'sgd', learningRate: 0.1 },
    batchSize: 1,
    epochs: 1,
    shuffle: true,
    seed: 1,
    ...overrides,
  };
}

/** Deterministic pseudo-random numbers in [lo, hi) for test data (independent of src/engine/rng). */
export function testNumbers(count: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0 || 1;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = lo + ((hi - lo) * s) / 4294967296;
  }
  return out;
}

/** A stand-in for a tfjs backend that cannot run kernels: enough for choosing and activating. */
class FakeBackend extends tf.KernelBackend {
  override dispose(): void {}
}

/**
 * Registers a fake backend under a real backend's name ('wasm', 'webgl'), with a priority below
 * cpu's so tfjs never picks it by itself. `fails` makes its start-up throw, as a broken one does;
 * `startMs` makes it start that much later, as wasm does while its module loads. It counts its starts.
 */
export function registerFakeBackend(
  name: 'wasm' | 'webgl',
  { fails = false, hangs = false, startMs = 0 } = {},
): { starts: () => number } {
  let starts = 0;
  tf.registerBackend(
    name,
    () => {
      starts++;
      if (fails) throw new Error(`fake ${name} cannot start`);
      // A start-up that never ends, like the threaded wasm build's when its workers die.
      if (hangs) return new Promise<FakeBackend>(() => {});
      if (startMs > 0)
        return new Promise<FakeBackend>((resolve) =>
          setTimeout(() => resolve(new FakeBackend()), startMs),
        );
      return new FakeBackend();
    },
    -1,
  );
  return { starts: () => starts };
}

/** Removes fake backends again and makes cpu active. */
export async function removeFakeBackends(): Promise<void> {
  for (const name of ['wasm', 'webgl']) if (tf.findBackendFactory(name)) tf.removeBackend(name);
  await setCpuBackend();
}
