import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { setCpuBackend } from '../test/helpers';
import { accuracyKind, countCorrect, lossFunction } from './loss';

beforeAll(setCpuBackend);

const value = (f: () => tf.Tensor) => tf.tidy(() => f().dataSync()[0]!);

describe('lossFunction: the batch mean Keras reports, checked by hand', () => {
  test('mse over every element of the batch', () => {
    const got = value(() =>
      lossFunction('mse')(
        tf.tensor2d([
          [1, 0],
          [0, 2],
        ]),
        tf.tensor2d([
          [0.5, 0],
          [1, 2],
        ]),
      ),
    );
    expect(got).toBeCloseTo((0.25 + 0 + 1 + 0) / 4, 6);
  });

  test('binaryCrossentropy, predictions clipped to [1e-7, 1 − 1e-7]', () => {
    const got = value(() =>
      lossFunction('binaryCrossentropy')(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.8], [0.4]])),
    );
    expect(got).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 5);
    // A confident wrong answer costs −log(1e-7) ≈ 16.12, not Infinity.
    const clipped = value(() =>
      lossFunction('binaryCrossentropy')(tf.tensor2d([[1]]), tf.tensor2d([[0]])),
    );
    expect(clipped).toBeCloseTo(-Math.log(1e-7), 1);
  });

  test('sparseCategoricalCrossentropy with labels of shape [n] or [n, 1]', () => {
    const p = [
      [0.7, 0.2, 0.1],
      [0.1, 0.3, 0.6],
    ];
    const want = -(Math.log(0.7) + Math.log(0.3)) / 2;
    const f = lossFunction('sparseCategoricalCrossentropy');
    expect(value(() => f(tf.tensor2d([[0], [1]]), tf.tensor2d(p)))).toBeCloseTo(want, 5);
    expect(value(() => f(tf.tensor1d([0, 1]), tf.tensor2d(p)))).toBeCloseTo(want, 5);
    expect(value(() => f(tf.tensor1d([2]), tf.tensor2d([[1, 0, 0]])))).toBeCloseTo(
      -Math.log(1e-7),
      1,
    );
  });
});

describe('accuracy', () => {
  test('accuracyKind follows Keras\'s "accuracy": binary for one unit, sparse for sparse CE', () => {
    expect(accuracyKind({ output: { units: 1, activation: 'sigmoid' }, loss: 'mse' })).toBe(
      'binary',
    );
    expect(
      accuracyKind({ output: { units: 1, activation: 'sigmoid' }, loss: 'binaryCrossentropy' }),
    ).toBe('binary');
    expect(
      accuracyKind({
        output: { units: 10, activation: 'softmax' },
        loss: 'sparseCategoricalCrossentropy',
      }),
    ).toBe('sparse');
    expect(accuracyKind({ output: { units: 3, activation: 'linear' }, loss: 'mse' })).toBeNull();
  });

  test('countCorrect: threshold 0.5 for binary, argmax for sparse', () => {
    const bin = value(() =>
      countCorrect(
        'binary',
        tf.tensor2d([[1], [0], [1], [0]]),
        tf.tensor2d([[0.9], [0.2], [0.5], [0.51]]),
      ),
    );
    expect(bin).toBe(2); // 0.5 is not above 0.5; 0.51 is
    const sparse = value(() =>
      countCorrect(
        'sparse',
        tf.tensor2d([[2], [0], [1]]),
        tf.tensor2d([
          [0.1, 0.2, 0.7],
          [0.3, 0.6, 0.1],
          [0.2, 0.5, 0.3],
        ]),
      ),
    );
    expect(sparse).toBe(2);
  });
});
