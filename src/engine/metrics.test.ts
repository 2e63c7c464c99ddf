import { describe, expect, test } from 'vitest';
import { accuracy, argmaxRows, confusionMatrix, perClassAccuracy, rowTotals } from './metrics';

describe('argmaxRows', () => {
  test('the largest value of each row', () => {
    const probs = [0.1, 0.7, 0.2, 0.6, 0.3, 0.1, 0.0, 0.1, 0.9];
    expect(Array.from(argmaxRows(probs, 3, 3))).toEqual([1, 0, 2]);
  });

  test('ties go to the first index, like numpy and tf', () => {
    const probs = new Float32Array([0.5, 0.5, 0, 0.2, 0.4, 0.4, 1 / 3, 1 / 3, 1 / 3]);
    expect(Array.from(argmaxRows(probs, 3, 3))).toEqual([0, 1, 0]);
  });

  test('NaN never wins; negative values work', () => {
    expect(Array.from(argmaxRows([NaN, 0.2, 0.1, -3, -1, -2, NaN, NaN, NaN], 3, 3))).toEqual([
      1, 1, 0,
    ]);
  });

  test('rejects a short buffer', () => {
    expect(() => argmaxRows([1, 2, 3], 2, 2)).toThrow(RangeError);
  });
});

describe('confusionMatrix', () => {
  test('a hand-computed 3-class matrix, rows = true class', () => {
    const truth = [0, 0, 0, 1, 1, 2, 2, 2, 2];
    const pred = [0, 0, 1, 1, 2, 2, 2, 0, 2];
    // true 0: predicted 0 twice, 1 once; true 1: 1 once, 2 once; true 2: 2 three times, 0 once.
    expect(Array.from(confusionMatrix(truth, pred, 3))).toEqual([2, 1, 0, 0, 1, 1, 1, 0, 3]);
    expect(rowTotals(confusionMatrix(truth, pred, 3), 3)).toEqual([3, 2, 4]);
  });

  test('rejects labels out of range and mismatched lengths', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(RangeError);
    expect(() => confusionMatrix([0, 1], [0, 1.5], 3)).toThrow(RangeError);
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrow(RangeError);
  });
});

describe('perClassAccuracy', () => {
  test('diagonal over row sum; a class with no examples is NaN', () => {
    // Class 1 has no examples (its row is empty), though class 0 was once predicted as 1.
    const m = confusionMatrix([0, 0, 0, 0, 2, 2], [0, 0, 0, 1, 2, 0], 3);
    const acc = perClassAccuracy(m, 3);
    expect(acc[0]).toBe(0.75);
    expect(Number.isNaN(acc[1])).toBe(true);
    expect(acc[2]).toBe(0.5);
  });
});

describe('accuracy', () => {
  test('share of matches; NaN for nothing', () => {
    expect(accuracy([0, 1, 2, 3], [0, 1, 0, 3])).toBe(0.75);
    expect(accuracy(new Uint8Array([1, 1]), new Int32Array([1, 1]))).toBe(1);
    expect(Number.isNaN(accuracy([], []))).toBe(true);
  });

  test('agrees with the confusion matrix diagonal', () => {
    const truth = [0, 1, 2, 2, 1, 0, 0];
    const pred = [0, 2, 2, 2, 1, 1, 0];
    const m = confusionMatrix(truth, pred, 3);
    expect(accuracy(truth, pred)).toBeCloseTo((m[0]! + m[4]! + m[8]!) / truth.length, 12);
  });
});
