import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { registerFakeBackend, removeFakeBackends, setCpuBackend } from '../test/helpers';
import * as fused from './fusedRunner';
import { warmFusedPath } from './fusedWarmUp';

beforeAll(setCpuBackend);
afterEach(async () => {
  vi.restoreAllMocks();
  await removeFakeBackends();
});

describe('warmFusedPath', () => {
  test('trains its tiny models on the fused path and leaves no tensor behind', async () => {
    const runs = vi.spyOn(fused, 'fusedRunner');
    const before = tf.memory().numTensors;
    await warmFusedPath(12);
    expect(runs).toHaveBeenCalledTimes(2);
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.getBackend()).toBe('cpu');
  });

  test('does nothing on another backend', async () => {
    registerFakeBackend('wasm');
    await tf.setBackend('wasm');
    const runs = vi.spyOn(fused, 'fusedRunner');
    await warmFusedPath();
    expect(runs).not.toHaveBeenCalled();
  });
});
