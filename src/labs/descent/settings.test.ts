import { describe, expect, test } from 'vitest';
import {
  defaultSettings,
  effectiveBatch,
  modelForData,
  nextBatchChoice,
  runColors,
  runKind,
  splitCounts,
  withDataSet,
} from './settings';

describe('gradient-descent settings', () => {
  test('b = 1 is stochastic, b ≥ N batch, anything between mini-batch', () => {
    expect(runKind(1, 1600)).toBe('sgd');
    expect(runKind(64, 1600)).toBe('mini');
    expect(runKind(1600, 1600)).toBe('batch');
    expect(runKind(60_000, 1600)).toBe('batch');
    expect(runKind('all', 1600)).toBe('batch');
    expect(effectiveBatch('all', 1600)).toBe(1600);
    expect(effectiveBatch(64, 4)).toBe(4);
  });

  test('20 % held out for validation, nothing for the four gate rows', () => {
    expect(splitCounts(defaultSettings())).toEqual({ train: 1600, validation: 400 });
    expect(splitCounts({ ...defaultSettings('spiral'), points: 501 })).toEqual({
      train: 401,
      validation: 100,
    });
    expect(splitCounts(defaultSettings('gates'))).toEqual({ train: 4, validation: 0 });
  });

  test('every run gets its own colour; SGD and batch GD keep theirs', () => {
    const three = runColors(['sgd', 'mini', 'batch']);
    expect(new Set(three).size).toBe(3);
    expect(runColors(['batch', 'sgd'])).toEqual([three[2], three[0]]);
    const six = runColors(['sgd', 'sgd', 'mini', 'mini', 'batch', 'mini']);
    expect(new Set(six).size).toBe(6);
  });

  test('a new run suggests a batch size not yet used', () => {
    expect(nextBatchChoice([1, 64, 'all'])).toBe(16);
    expect(nextBatchChoice([1, 16, 64, 'all'])).toBe(256);
  });

  test('another data set brings its own network and runs, keeps the seed', () => {
    const start = { ...defaultSettings(), model: { ...defaultSettings().model, seed: 7 } };
    const gates = withDataSet(start, 'gates');
    expect(gates.runs).toEqual([1, 2, 'all']);
    expect(gates.model.seed).toBe(7);
    expect(gates.model.loss).toBe('binaryCrossentropy');
    expect(withDataSet(gates, 'fashion').runs).toEqual([1, 64, 'all']);
    expect(withDataSet(start, 'fashion')).toBe(start);
  });

  test('the model takes the data set’s input, output and loss', () => {
    const model = modelForData(defaultSettings().model, 'circles');
    expect(model.inputShape).toEqual([2]);
    expect(model.output).toEqual({ units: 1, activation: 'sigmoid' });
    expect(model.hidden).toEqual(defaultSettings().model.hidden);
  });
});
