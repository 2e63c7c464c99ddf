import { beforeAll, describe, expect, test } from 'vitest';
import { BackendController } from '../../engine/backendController';
import { evaluateModel } from '../../engine/evaluate';
import { buildModel } from '../../engine/model';
import { setCpuBackend } from '../../test/helpers';
import { labData } from './descentData';
import { DescentRun, MAP_N, planRuns } from './descentRun';
import {
  defaultSettings,
  modelForData,
  withDataSet,
  type BatchChoice,
  type DescentSettings,
} from './settings';

/** 40 circle points: 32 train, 8 validate; a small network, 2 epochs. */
function circles(runs: BatchChoice[], epochs = 2): DescentSettings {
  const base = withDataSet(defaultSettings(), 'circles');
  return {
    ...base,
    points: 40,
    runs,
    model: { ...base.model, hidden: [{ units: 4, activation: 'tanh' }], epochs },
  };
}

const name = (kind: string, b: number) => `${kind} ${b}`;

async function train(settings: DescentSettings) {
  const run = new DescentRun(new BackendController('cpu'));
  await run.start(settings, null, planRuns(settings, name));
  return run;
}

describe('DescentRun', () => {
  beforeAll(setCpuBackend);

  test('trains the runs one after the other; each makes ceil(N / b) updates an epoch', async () => {
    const run = await train(circles([1, 5, 'all']));
    const { state } = run;
    expect(state.phase).toBe('finished');
    expect(state.error).toBeNull();
    expect(state.trainCount).toBe(32);
    expect(state.validationCount).toBe(8);
    expect(state.plans.map((p) => [p.kind, p.batchSize, p.name])).toEqual([
      ['sgd', 1, 'sgd 1'],
      ['mini', 5, 'mini 5'],
      ['batch', 32, 'batch 32'],
    ]);
    expect(state.outcomes.map((o) => o?.status)).toEqual(['done', 'done', 'done']);
    const [sgd, mini, batch] = state.records;
    // 32 = 6 × 5 + 2: seven updates, the last of 2 examples.
    expect(sgd!.epochs.map((e) => e.updates)).toEqual([32, 64]);
    expect(mini!.epochs.map((e) => e.updates)).toEqual([7, 14]);
    expect(batch!.epochs.map((e) => e.updates)).toEqual([1, 2]);
    expect(Array.from(mini!.updates.examples.subarray(0, 7))).toEqual([5, 10, 15, 20, 25, 30, 32]);
    for (const record of state.records) {
      expect(record.lab).toBe('descent');
      expect(record.trainCount).toBe(32);
      expect(record.status).toBe('done');
      expect(record.epochs.every((e) => e.valLoss !== null && e.valLoss > 0)).toBe(true);
      expect(record.config).toMatchObject({ data: 'circles', points: 40, validationShare: 0.2 });
    }
    expect(new Set(state.records.map((r) => r.color)).size).toBe(3);
    run.dispose();
  });

  test('every run starts from the same weights and the same order: equal batch sizes, equal runs', async () => {
    const run = await train(circles([4, 4]));
    const [a, b] = run.state.records;
    expect(Array.from(a!.updates.loss)).toEqual(Array.from(b!.updates.loss));
    expect(a!.epochs.map((e) => e.valLoss)).toEqual(b!.epochs.map((e) => e.valLoss));
    run.dispose();
  });

  test('the runs start from the weights the seed gives: batch GD’s first loss is theirs', async () => {
    const settings = circles(['all', 1]);
    const run = await train(settings);
    const config = modelForData(settings.model, 'circles');
    const built = buildModel(config);
    const { train: data } = labData(settings, null);
    const initial = await evaluateModel(built.model, data, config);
    built.dispose();
    expect(run.state.records[0]!.updates.loss[0]).toBeCloseTo(initial.loss, 5);
    run.dispose();
  });

  test('a 2-D set gets a decision map per run, outputs between 0 and 1', async () => {
    const run = await train(circles([1, 'all'], 1));
    const { maps, plane } = run.state;
    expect(plane?.points).toHaveLength(32);
    expect(maps).toHaveLength(2);
    for (const map of maps) {
      expect(map).toHaveLength(MAP_N * MAP_N);
      expect(map!.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
    run.dispose();
  });

  test('Stop ends the run training now; the runs after it are not trained', async () => {
    const run = new DescentRun(new BackendController('cpu'));
    const settings = circles([1, 'all'], 5000);
    const started = run.start(settings, null, planRuns(settings, name));
    const off = run.on('change', (s) => {
      if ((s.records[0]?.updates.loss.length ?? 0) > 0) run.stop();
    });
    await started;
    off();
    expect(run.state.phase).toBe('finished');
    expect(run.state.outcomes.map((o) => o?.status ?? null)).toEqual(['stopped', null]);
    expect(run.state.records).toHaveLength(1);
    expect(run.state.records[0]!.status).toBe('stopped');
    run.dispose();
  });

  test('Fashion-MNIST without its files is an error, not a crash', async () => {
    const settings = defaultSettings('fashion');
    const run = new DescentRun(new BackendController('cpu'));
    await run.start(settings, null, planRuns(settings, name));
    expect(run.state.phase).toBe('idle');
    expect(run.state.error).toBeTruthy();
    run.dispose();
  });
});
