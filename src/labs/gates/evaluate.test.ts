import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { setCpuBackend } from '../../test/helpers';
import { formatRow, gateRows, trainGate } from './evaluate';
import { lectureModel } from './settings';

beforeAll(setCpuBackend);

describe('gateRows and formatRow: the lecture printout', () => {
  test('XOR with good outputs: "1 XOR 1 => 0.03 => 0", all right', () => {
    const rows = gateRows('XOR', [0.04, 0.97, 0.96, 0.03]);
    expect(rows.map((r) => formatRow('XOR', r))).toEqual([
      '0 XOR 0 => 0.04 => 0',
      '0 XOR 1 => 0.97 => 1',
      '1 XOR 0 => 0.96 => 1',
      '1 XOR 1 => 0.03 => 0',
    ]);
    expect(rows.every((r) => r.right)).toBe(true);
    expect(rows.map((r) => r.expected)).toEqual([0, 1, 1, 0]);
  });

  test('the SLP on XOR (all ≈ 0.5): thresholded at 0.5, two of four right', () => {
    const rows = gateRows('XOR', [0.5, 0.5001, 0.4999, 0.51]);
    // 0.5 is not above the threshold (as Python's round(0.5) == 0); 0.5001 and 0.51 are.
    expect(rows.map((r) => r.predicted)).toEqual([0, 1, 0, 1]);
    expect(rows.map((r) => r.right)).toEqual([true, true, false, false]);
    expect(formatRow('XOR', rows[1]!)).toBe('0 XOR 1 => 0.50 => 1');
    expect(formatRow('XOR', rows[3]!)).toBe('1 XOR 1 => 0.51 => 1');
  });

  test('other gates and the inputs of each row', () => {
    const rows = gateRows('NAND', Float32Array.from([0.9, 0.8, 0.7, 0.2]));
    expect(rows.map((r) => [r.a, r.b, r.expected, r.predicted])).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 0, 0],
    ]);
    expect(formatRow('NAND', rows[0]!)).toBe('0 NAND 0 => 0.90 => 1');
    expect(formatRow('AND', gateRows('AND', [0, 0, 0, 1])[3]!)).toBe('1 AND 1 => 1.00 => 1');
  });
});

describe('trainGate with the lecture settings (1500 epochs, batch 1, SGD 0.1, MSE)', () => {
  test('seed 8: the MLP [4] solves XOR, the SLP does not', async () => {
    const mlp = await trainGate(lectureModel([4], 8), 'XOR');
    expect(mlp.outcome).toMatchObject({ status: 'done', step: 6000, epoch: 1500 });
    expect(mlp.solved).toBe(true);
    expect(mlp.rows.map((r) => r.predicted)).toEqual([0, 1, 1, 0]);

    const slp = await trainGate(lectureModel([], 8), 'XOR');
    expect(slp.outcome.status).toBe('done');
    expect(slp.solved).toBe(false);
    // A linear separator cannot do better than 3 of 4; with MSE it settles near 0.5 everywhere.
    expect(slp.rows.filter((r) => r.right).length).toBeLessThanOrEqual(3);
    for (const r of slp.rows) expect(Math.abs(r.output - 0.5)).toBeLessThan(0.2);
  });

  test('AND is solved by both', async () => {
    for (const hidden of [[], [4]]) {
      const result = await trainGate(lectureModel(hidden, 8), 'AND');
      expect(result.solved, `hidden ${JSON.stringify(hidden)}`).toBe(true);
      expect(result.rows.map((r) => r.predicted)).toEqual([0, 0, 0, 1]);
    }
  });

  test('frees everything it made', async () => {
    await trainGate(lectureModel([4], 8), 'OR'); // warm-up
    const before = tf.memory().numTensors;
    await trainGate(lectureModel([4], 1), 'OR');
    expect(tf.memory().numTensors).toBe(before);
  });
});
