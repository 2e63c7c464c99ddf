import { describe, expect, test } from 'vitest';
import { differingSettings, flattenConfig, formatSetting, legendLabel } from './labels';
import type { RunRecord } from './record';

const run = (config: RunRecord['config']) => ({ config });

const base = {
  gate: 'XOR',
  hidden: [{ units: 4, activation: 'sigmoid' }],
  optimizer: { kind: 'sgd', learningRate: 0.1 },
  batchSize: 1,
  seed: 8,
};

describe('differingSettings and legendLabel', () => {
  test('flattens nested settings into dotted paths; lists are single values', () => {
    expect([...flattenConfig(base)]).toEqual([
      ['gate', 'XOR'],
      ['hidden', [{ units: 4, activation: 'sigmoid' }]],
      ['optimizer.kind', 'sgd'],
      ['optimizer.learningRate', 0.1],
      ['batchSize', 1],
      ['seed', 8],
    ]);
  });

  test('finds the settings that differ, in config order, and labels each run by them', () => {
    const a = run(base);
    const b = run({ ...base, optimizer: { kind: 'sgd', learningRate: 0.01 }, batchSize: 4 });
    const keys = differingSettings([a, b]);
    expect(keys).toEqual(['optimizer.learningRate', 'batchSize']);
    expect(legendLabel(a, keys)).toBe('lr=0.1, batchSize=1');
    expect(legendLabel(b, keys)).toBe('lr=0.01, batchSize=4');
  });

  test('a setting one run lacks differs too; lists and missing values read well', () => {
    const slp = run({ ...base, hidden: [] });
    const mlp = run({
      ...base,
      hidden: [
        { units: 4, activation: 'sigmoid' },
        { units: 2, activation: 'relu' },
      ],
      shuffle: true,
    });
    const keys = differingSettings([slp, mlp, run(base)]);
    expect(keys).toEqual(['hidden', 'shuffle']);
    expect(legendLabel(slp, keys)).toBe('hidden=[], shuffle=–');
    expect(legendLabel(mlp, keys)).toBe('hidden=[4 sigmoid, 2 relu], shuffle=true');
  });

  test('runs that agree, or a single run, have nothing to tell apart', () => {
    expect(differingSettings([run(base), run({ ...base })])).toEqual([]);
    expect(differingSettings([run(base)])).toEqual([]);
    expect(differingSettings([])).toEqual([]);
    expect(legendLabel(run(base), [])).toBe('');
  });

  test('two settings with the same last name keep their full paths', () => {
    const a = run({ optimizer: { momentum: 0.9 }, schedule: { momentum: 0.5 }, epochs: 10 });
    const b = run({ optimizer: { momentum: 0.5 }, schedule: { momentum: 0.9 }, epochs: 20 });
    const keys = differingSettings([a, b]);
    expect(legendLabel(a, keys)).toBe('optimizer.momentum=0.9, schedule.momentum=0.5, epochs=10');
  });

  test('numbers are short but integers are whole', () => {
    expect(formatSetting(0.1 + 0.2)).toBe('0.3');
    expect(formatSetting(1e-7)).toBe('1e-7');
    expect(formatSetting(123456)).toBe('123456');
    expect(formatSetting(2 / 3)).toBe('0.6667');
    expect(formatSetting(false)).toBe('false');
    expect(formatSetting(null)).toBe('–');
  });
});
