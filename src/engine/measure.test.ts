import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import { gateData } from '../data/gates';
import { denseConfig, setCpuBackend } from '../test/helpers';
import { measureStepMs } from './measure';

beforeAll(setCpuBackend);

test('measureStepMs gives a positive time per step and frees what it built', async () => {
  const config = denseConfig({ epochs: 1500, seed: 8 });
  await measureStepMs(config, gateData('XOR')); // warm-up of tfjs itself
  const before = tf.memory().numTensors;
  const ms = await measureStepMs(config, gateData('XOR'));
  expect(Number.isFinite(ms)).toBe(true);
  expect(ms).toBeGreaterThan(0);
  expect(tf.memory().numTensors).toBe(before);
  expect(tf.getBackend()).toBe('cpu');
});
