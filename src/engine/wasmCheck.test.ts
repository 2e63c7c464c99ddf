import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { denseConfig, setCpuBackend, testNumbers } from '../test/helpers';
import { setWasmBackend } from '../test/wasm';
import type { TrainData } from './batch';
import type { ModelConfig } from './config';
import { buildModel } from './model';
import { createStepRunner } from './stepRunner';
import { Trainer } from './trainer';
import {
  checkWasmFastPath,
  checkWasmFastPathAhead,
  FAST_PATH_TFJS_VERSION,
  forgetWasmFastPathChecks,
  wasmFastPathProblem,
} from './wasmCheck';
import { wasmHeapBytes } from './wasmInternals';

beforeAll(setWasmBackend);
afterAll(setCpuBackend);
afterEach(forgetWasmFastPathChecks);

function imageData(count: number): TrainData {
  return {
    x: Uint8Array.from(testNumbers(count * 64, 5, 0, 256), Math.floor),
    y: Uint8Array.from({ length: count }, (_, i) => (i * 7) % 10),
    count,
    xShape: [8, 8],
    yShape: [1],
    xScale: 1 / 255,
  };
}

const CONFIG: ModelConfig = denseConfig({
  inputShape: [8, 8],
  hidden: [
    { units: 32, activation: 'relu' },
    { units: 16, activation: 'relu' },
  ],
  output: { units: 10, activation: 'softmax' },
  loss: 'sparseCategoricalCrossentropy',
  optimizer: { kind: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  batchSize: 16,
  epochs: 2,
  seed: 1,
});

/** Replaces a method of the active backend until the returned function puts it back. */
function patchBackend(name: string, value: unknown): () => void {
  const backend = tf.backend() as unknown as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(backend, name);
  const original = backend[name];
  backend[name] = value;
  return () => {
    if (had) backend[name] = original;
    else delete backend[name];
  };
}

describe('the start-up check of the fast wasm path', () => {
  test('passes on tfjs 4.22 with its wasm backend as it is', () => {
    expect(tf.version_core).toBe(FAST_PATH_TFJS_VERSION);
    expect(checkWasmFastPath()).toBeNull();
  });

  test('refuses another tfjs version', () => {
    expect(checkWasmFastPath('4.21.0')).toMatch(
      `it is written for tfjs 4.21.0, and this is tfjs ${tf.version_core}`,
    );
  });

  test('refuses a wasm backend without the internals it uses', () => {
    const restore = patchBackend('typedArrayFromHeap', undefined);
    try {
      expect(checkWasmFastPath()).toBe('the wasm backend has no typedArrayFromHeap');
    } finally {
      restore();
    }
  });

  test('refuses internals that are there but do not behave as expected', () => {
    // Kernels that write to copies instead of the heap: every output stays as malloc left it.
    const backend = tf.backend() as unknown as {
      typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
    };
    const original = backend.typedArrayFromHeap.bind(backend);
    const restore = patchBackend('typedArrayFromHeap', (info: tf.TensorInfo) =>
      original(info).slice(),
    );
    try {
      expect(checkWasmFastPath()).toMatch(/its numbers differ from tfjs's own|its check failed/);
    } finally {
      restore();
    }
  });
});

describe('createStepRunner on the wasm backend', () => {
  test('takes the fast path when the check passes, and says why not when it fails', async () => {
    const data = imageData(40);
    const built = buildModel(CONFIG);
    try {
      const fast = createStepRunner(built, CONFIG, data);
      expect([fast.kind, fast.fallbackReason]).toEqual(['wasm', null]);
      expect(createStepRunner(built, CONFIG, data, 'tfjs').kind).toBe('tfjs');
    } finally {
      built.dispose();
    }

    forgetWasmFastPathChecks();
    const restore = patchBackend('makeOutput', undefined);
    const broken = buildModel(CONFIG);
    try {
      const trainer = new Trainer(broken, CONFIG, data);
      expect(trainer.runner.kind).toBe('tfjs');
      expect(trainer.runner.fallbackReason).toBe('the wasm backend has no makeOutput');
      restore();
      // The stock path still trains (makeOutput is back: tfjs's own kernels need it).
      const outcome = await trainer.run();
      expect(outcome.status).toBe('done');
      expect(Number.isFinite(outcome.loss)).toBe(true);
    } finally {
      restore();
      broken.dispose();
    }
  });
});

describe('memory', () => {
  test('a run leaks no tensor, and ten runs do not grow the wasm heap', async () => {
    const data = imageData(200);
    const validation = imageData(30);
    const heap: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < 10; run++) {
      const before = tf.memory().numTensors;
      const built = buildModel(CONFIG);
      const trainer = new Trainer(built, CONFIG, data, { validation });
      expect(trainer.runner.kind).toBe('wasm');
      const outcome = await trainer.run();
      expect(outcome.status).toBe('done');
      built.dispose();
      expect(tf.memory().numTensors, `tensors leaked by run ${run + 1}`).toBe(before);
      heap.push(wasmHeapBytes()!);
      bytes.push(tf.memory().numBytes);
    }
    expect(new Set(bytes).size).toBe(1);
    // The first run may grow the heap to what a run needs; after that it stays.
    expect(heap.slice(1)).toEqual(Array<number>(9).fill(heap[1]!));
  });
});

test('the check made ahead gives the page turns between its parts, and runners use its verdict', async () => {
  let done = false;
  const ahead = checkWasmFastPathAhead().then(() => (done = true));
  let turns = 0;
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    turns++;
  }
  await ahead;
  expect(turns).toBeGreaterThanOrEqual(2);
  let verdict: string | null = 'not asked';
  const profile = await tf.profile(() => {
    verdict = wasmFastPathProblem();
  });
  expect(verdict).toBeNull();
  // Answered from the verdict: nothing was trained again.
  expect(profile.kernels).toHaveLength(0);
  forgetWasmFastPathChecks();
  const again = await tf.profile(() => {
    wasmFastPathProblem();
  });
  expect(again.kernels.length).toBeGreaterThan(10);
});
