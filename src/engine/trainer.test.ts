import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { gateData } from '../data/gates';
import {
  denseConfig,
  expectAllClose,
  readWeights,
  testNumbers,
  setCpuBackend,
} from '../test/helpers';
import type { ModelConfig } from './config';
import { buildModel } from './model';
import type { BatchSpec } from './stepRunner';
import {
  Trainer,
  type BatchEnd,
  type EpochEnd,
  type TrainData,
  type TrainerOptions,
  type TrainOutcome,
  type TrainStatus,
} from './trainer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 10 examples of a 2-input binary task (label: x0 > x1). */
function tenExamples(): TrainData {
  const x = testNumbers(20, 5, -1, 1);
  const y = Float32Array.from({ length: 10 }, (_, i) => (x[2 * i]! > x[2 * i + 1]! ? 1 : 0));
  return { x, y, count: 10, xShape: [2], yShape: [1] };
}

const xor = (): TrainData => gateData('XOR');

/** The lecture's MLP [4] (sigmoid, mse, sgd 0.1, batch 1), with other settings on top. */
const lectureMlp = (overrides: Partial<ModelConfig> = {}) => denseConfig({ seed: 8, ...overrides });

interface Recorded {
  trainer: Trainer;
  batches: BatchEnd[];
  epochs: EpochEnd[];
  statuses: TrainStatus[];
  ends: TrainOutcome[];
  outcome: TrainOutcome;
  weights: Float32Array[];
  wallMs: number;
}

/** Trains a fresh model and records every event; `setup` may attach more listeners first. */
async function record(
  config: ModelConfig,
  data: TrainData,
  options: TrainerOptions = {},
  setup: (trainer: Trainer) => void = () => {},
): Promise<Recorded> {
  const built = buildModel(config);
  try {
    const trainer = new Trainer(built, config, data, options);
    const rec = {
      trainer,
      batches: [] as BatchEnd[],
      epochs: [] as EpochEnd[],
      statuses: [] as TrainStatus[],
      ends: [] as TrainOutcome[],
    };
    trainer.on('batchEnd', (e) => rec.batches.push(e));
    trainer.on('epochEnd', (e) => rec.epochs.push(e));
    trainer.on('status', (s) => rec.statuses.push(s));
    trainer.on('end', (o) => rec.ends.push(o));
    setup(trainer);
    const start = performance.now();
    const outcome = await trainer.run();
    const wallMs = performance.now() - start;
    return { ...rec, outcome, weights: readWeights(built.model), wallMs };
  } finally {
    built.dispose();
  }
}

function expectConsecutiveSteps(batches: readonly BatchEnd[]): void {
  expect(batches.map((b) => b.step)).toEqual(batches.map((_, i) => i + 1));
}

beforeAll(async () => {
  await setCpuBackend();
  // Warm up both paths once, so first-use caches of tfjs do not count as leaks below.
  await record(lectureMlp({ epochs: 1 }), xor());
  await record(lectureMlp({ epochs: 1 }), xor(), { path: 'tfjs' });
});

describe('events follow Keras fit: batches, epochs, the last partial batch', () => {
  for (const path of ['auto', 'tfjs'] as const) {
    test(`10 examples, batch 4, 3 epochs (${path === 'auto' ? 'fused' : 'tfjs'} path)`, async () => {
      const config = lectureMlp({ batchSize: 4, epochs: 3 });
      const r = await record(config, tenExamples(), { path });
      expect(r.trainer.runner.kind).toBe(path === 'auto' ? 'fused' : 'tfjs');
      // epochs × ceil(N / batch) = 3 × 3.
      expect(r.batches).toHaveLength(9);
      expectConsecutiveSteps(r.batches);
      expect(r.batches.map((b) => b.epoch)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
      expect(r.batches.map((b) => b.batch)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
      expect(r.batches.map((b) => b.size)).toEqual([4, 4, 2, 4, 4, 2, 4, 4, 2]);
      for (const b of r.batches) {
        expect(Number.isFinite(b.loss) && b.loss > 0).toBe(true);
        // One output unit: binary accuracy, a whole number of right answers out of the batch.
        expect(b.accuracy).not.toBeNull();
        expect(b.accuracy! * b.size).toBeCloseTo(Math.round(b.accuracy! * b.size), 9);
        expect(b.accuracy!).toBeGreaterThanOrEqual(0);
        expect(b.accuracy!).toBeLessThanOrEqual(1);
      }

      expect(r.epochs.map((e) => [e.epoch, e.step])).toEqual([
        [1, 3],
        [2, 6],
        [3, 9],
      ]);
      r.epochs.forEach((e) => {
        const mine = r.batches.filter((b) => b.epoch === e.epoch);
        expect(e.loss).toBeCloseTo(mine.reduce((s, b) => s + b.loss, 0) / mine.length, 6);
        const right = mine.reduce((s, b) => s + b.accuracy! * b.size, 0);
        expect(e.accuracy).toBeCloseTo(right / 10, 9);
      });

      expect(r.statuses).toEqual(['running', 'done']);
      expect(r.trainer.status).toBe('done');
      expect(r.outcome).toMatchObject({
        status: 'done',
        step: 9,
        epoch: 3,
        loss: r.batches[8]!.loss,
      });
      expect(r.ends).toEqual([r.outcome]);
    });
  }

  test('a batch larger than the data set gives one batch per epoch, of every example', async () => {
    const r = await record(lectureMlp({ batchSize: 4, epochs: 2 }), gateData('AND'));
    expect(r.batches.map((b) => [b.step, b.epoch, b.batch, b.size])).toEqual([
      [1, 1, 0, 4],
      [2, 2, 0, 4],
    ]);
    expect(r.epochs.map((e) => e.loss)).toEqual(r.batches.map((b) => b.loss));
  });

  test('no accuracy for a multi-unit output trained with mse', async () => {
    const data: TrainData = { ...tenExamples(), y: testNumbers(20, 3), yShape: [2] };
    const config = lectureMlp({
      output: { units: 2, activation: 'linear' },
      batchSize: 5,
      epochs: 1,
    });
    const r = await record(config, data);
    expect(r.batches.map((b) => b.accuracy)).toEqual([null, null]);
    expect(r.epochs[0]!.accuracy).toBeNull();
  });

  test('the stock path reports each batch loss and accuracy as an independent replay computes them', async () => {
    // Shuffle off, so batch k holds rows 4k… in order; replayed with tfjs autodiff and a hand SGD step.
    const config = lectureMlp({
      batchSize: 4,
      epochs: 2,
      shuffle: false,
      optimizer: { kind: 'sgd', learningRate: 0.5 },
    });
    const data = tenExamples();
    const r = await record(config, data, { path: 'tfjs' });
    expect(r.trainer.runner.kind).toBe('tfjs');

    const replay = buildModel(config);
    const vars = replay.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const losses: number[] = [];
    const accuracies: number[] = [];
    for (let epoch = 0; epoch < 2; epoch++) {
      for (let start = 0; start < 10; start += 4) {
        const end = Math.min(start + 4, 10);
        tf.tidy(() => {
          const xs = tf.tensor(data.x.slice(2 * start, 2 * end), [end - start, 2]);
          const ys = tf.tensor(data.y.slice(start, end), [end - start, 1]);
          const pred = replay.model.predict(xs) as tf.Tensor;
          const p = pred.dataSync();
          let right = 0;
          for (let i = 0; i < end - start; i++)
            if (p[i]! > 0.5 === data.y[start + i]! > 0.5) right++;
          accuracies.push(right / (end - start));
          const { value, grads } = tf.variableGrads(
            () => tf.mean(tf.square(tf.sub(replay.model.apply(xs) as tf.Tensor, ys))) as tf.Scalar,
            vars,
          );
          losses.push(value.dataSync()[0]!);
          for (const v of vars) v.assign(tf.sub(v, tf.mul(0.5, grads[v.name]!)));
        });
      }
    }
    replay.dispose();
    expect(r.batches).toHaveLength(6);
    expectAllClose(
      r.batches.map((b) => b.loss),
      losses,
      { rel: 1e-5, label: 'batch losses' },
    );
    expect(r.batches.map((b) => b.accuracy)).toEqual(accuracies);
  });

  test('a runner that throws ends the run as "failed" with the message', async () => {
    const r = await record(lectureMlp({ epochs: 10 }), xor(), { timeBudgetMs: 0 }, (trainer) => {
      const run = trainer.runner.run.bind(trainer.runner);
      trainer.runner.run = (batches: readonly BatchSpec[]) => {
        if (batches.some((b) => b.step >= 5)) throw new Error('kernel exploded');
        return run(batches);
      };
    });
    expect(r.outcome.status).toBe('failed');
    expect(r.outcome.error).toBe('kernel exploded');
    expect(r.statuses.at(-1)).toBe('failed');
    expect(r.batches.every((b) => b.step < 5)).toBe(true);
  });

  test('a Trainer runs once', async () => {
    const config = lectureMlp({ epochs: 1 });
    const built = buildModel(config);
    try {
      const trainer = new Trainer(built, config, xor());
      await trainer.run();
      await expect(trainer.run()).rejects.toThrow(/once/);
    } finally {
      built.dispose();
    }
  });
});

describe('reproducibility and shuffling', () => {
  for (const path of ['auto', 'tfjs'] as const) {
    test(`same seed → identical losses and weights; another seed → different (${path})`, async () => {
      const epochs = path === 'auto' ? 50 : 5;
      const a = await record(lectureMlp({ epochs, seed: 3 }), xor(), { path });
      const b = await record(lectureMlp({ epochs, seed: 3 }), xor(), { path });
      const c = await record(lectureMlp({ epochs, seed: 4 }), xor(), { path });
      const losses = (r: Recorded) => r.batches.map((x) => x.loss);
      expect(losses(a)).toHaveLength(epochs * 4);
      expect(losses(b)).toEqual(losses(a));
      expect(b.weights).toEqual(a.weights);
      expect(losses(c)).not.toEqual(losses(a));
      expect(c.weights[0]).not.toEqual(a.weights[0]);
    });
  }

  /** The rows of every batch, grouped by epoch, as the runner received them. */
  async function batchRows(config: ModelConfig, data: TrainData): Promise<number[][]> {
    const perEpoch: number[][] = [];
    await record(config, data, {}, (trainer) => {
      const run = trainer.runner.run.bind(trainer.runner);
      trainer.runner.run = (batches: readonly BatchSpec[]) => {
        for (const b of batches) (perEpoch[b.epoch - 1] ??= []).push(...b.rows);
        return run(batches);
      };
    });
    return perEpoch;
  }

  test('shuffle false keeps the data order in every epoch', async () => {
    const rows = await batchRows(
      lectureMlp({ batchSize: 3, epochs: 4, shuffle: false }),
      tenExamples(),
    );
    expect(rows).toEqual(Array.from({ length: 4 }, () => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  test('shuffle true visits every example once per epoch, in a new order each epoch', async () => {
    const config = lectureMlp({ batchSize: 3, epochs: 6, shuffle: true, seed: 12 });
    const rows = await batchRows(config, tenExamples());
    expect(rows).toHaveLength(6);
    for (const epoch of rows)
      expect([...epoch].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const identity = rows.filter((e) => e.join() === '0,1,2,3,4,5,6,7,8,9').length;
    expect(identity).toBe(0);
    expect(new Set(rows.map((e) => e.join())).size).toBe(6);
    // The order comes from the seed.
    expect(await batchRows(config, tenExamples())).toEqual(rows);
    expect(await batchRows({ ...config, seed: 13 }, tenExamples())).not.toEqual(rows);
  });

  test('shuffle changes the loss series', async () => {
    const on = await record(lectureMlp({ epochs: 3, shuffle: true }), tenExamples());
    const off = await record(lectureMlp({ epochs: 3, shuffle: false }), tenExamples());
    expect(on.batches.map((b) => b.loss)).not.toEqual(off.batches.map((b) => b.loss));
  });
});

describe('pause, resume, stop', () => {
  test('pause holds every step until resume, then the run finishes', async () => {
    let pausedAt = -1;
    let whenPaused: () => void = () => {};
    const paused = new Promise<void>((resolve) => (whenPaused = resolve));
    const config = lectureMlp({ epochs: 2000 });
    const built = buildModel(config);
    try {
      const trainer = new Trainer(built, config, xor(), { timeBudgetMs: 0 });
      const steps: number[] = [];
      const statuses: TrainStatus[] = [];
      trainer.on('batchEnd', (b) => {
        steps.push(b.step);
        if (b.step >= 20 && pausedAt < 0) {
          pausedAt = b.step;
          trainer.pause();
        }
      });
      trainer.on('status', (s) => {
        statuses.push(s);
        if (s === 'paused') whenPaused();
      });
      const running = trainer.run();
      await paused;
      expect(trainer.status).toBe('paused');
      const countAtPause = steps.length;
      expect(countAtPause).toBeLessThan(8000);
      await sleep(50);
      expect(steps.length).toBe(countAtPause);
      expect(trainer.status).toBe('paused');
      trainer.resume();
      const outcome = await running;
      expect(outcome.status).toBe('done');
      expect(steps).toEqual(Array.from({ length: 8000 }, (_, i) => i + 1));
      expect(statuses).toEqual(['running', 'paused', 'running', 'done']);
    } finally {
      built.dispose();
    }
  });

  test('stop mid-run ends as "stopped" with fewer steps than the full run', async () => {
    const r = await record(lectureMlp({ epochs: 2000 }), xor(), { timeBudgetMs: 0 }, (trainer) => {
      trainer.on('batchEnd', (b) => {
        if (b.step === 100) trainer.stop();
      });
    });
    expect(r.outcome.status).toBe('stopped');
    expect(r.trainer.status).toBe('stopped');
    expect(r.statuses.at(-1)).toBe('stopped');
    expect(r.outcome.step).toBeGreaterThanOrEqual(100);
    expect(r.outcome.step).toBeLessThan(8000);
    expectConsecutiveSteps(r.batches);
    expect(r.batches.at(-1)!.step).toBe(r.outcome.step);
  });

  test('stop while paused ends as "stopped"', async () => {
    const r = await record(lectureMlp({ epochs: 2000 }), xor(), { timeBudgetMs: 0 }, (trainer) => {
      trainer.on('batchEnd', (b) => {
        if (b.step === 10) trainer.pause();
      });
      trainer.on('status', (s) => {
        if (s === 'paused') setTimeout(() => trainer.stop(), 10);
      });
    });
    expect(r.outcome.status).toBe('stopped');
    expect(r.statuses).toEqual(['running', 'paused', 'stopped']);
    expect(r.outcome.step).toBeLessThan(8000);
  });
});

describe('divergence', () => {
  /** relu → linear, mse, sgd at learning rate 10, targets of 1000: the weights blow up. */
  const exploding = denseConfig({
    inputShape: [2],
    hidden: [{ units: 8, activation: 'relu' }],
    output: { units: 1, activation: 'linear' },
    loss: 'mse',
    optimizer: { kind: 'sgd', learningRate: 10 },
    batchSize: 2,
    epochs: 200,
    seed: 2,
  });
  const bigTargets = (): TrainData => ({
    x: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
    y: Float32Array.from([1000, 1000, 1000, 1000]),
    count: 4,
    xShape: [2],
    yShape: [1],
  });

  for (const path of ['auto', 'tfjs'] as const) {
    test(`a blow-up ends as "diverged" at the first non-finite loss (${path})`, async () => {
      const r = await record(exploding, bigTargets(), { path });
      expect(r.outcome.status).toBe('diverged');
      expect(r.statuses.at(-1)).toBe('diverged');
      expect(r.outcome.step).toBeGreaterThan(1);
      expect(r.outcome.step).toBeLessThan(400);
      expect(Number.isFinite(r.outcome.loss!)).toBe(false);
      // Every reported batch came before the bad one, and had a finite loss.
      expectConsecutiveSteps(r.batches);
      expect(r.batches.at(-1)!.step).toBe(r.outcome.step - 1);
      expect(r.batches.every((b) => Number.isFinite(b.loss))).toBe(true);
      expect(r.outcome.epoch).toBe(Math.ceil(r.outcome.step / 2));
      expect(r.ends).toEqual([r.outcome]);
    });
  }
});

describe('no tensors are leaked', () => {
  async function leakCheck(
    config: ModelConfig,
    data: TrainData,
    options: TrainerOptions,
    stopAt?: number,
  ) {
    const before = tf.memory().numTensors;
    const r = await record(config, data, options, (trainer) => {
      if (stopAt !== undefined)
        trainer.on('batchEnd', (b) => {
          if (b.step === stopAt) trainer.stop();
        });
    });
    expect(tf.memory().numTensors).toBe(before);
    return r.outcome;
  }

  for (const path of ['auto', 'tfjs'] as const) {
    const optimizers = [
      { kind: 'sgd', learningRate: 0.1 },
      { kind: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      { kind: 'rmsprop', learningRate: 0.01, rho: 0.9, momentum: 0.5, epsilon: 1e-7 },
    ] as const;
    for (const optimizer of optimizers) {
      test(`full run + dispose, ${optimizer.kind} (${path})`, async () => {
        const outcome = await leakCheck(
          lectureMlp({ epochs: 10, batchSize: 3, optimizer }),
          xor(),
          { path },
        );
        expect(outcome.status).toBe('done');
      });
    }

    test(`failed run with unread results pending (${path})`, async () => {
      const before = tf.memory().numTensors;
      const r = await record(
        lectureMlp({ epochs: 50 }),
        xor(),
        { path, timeBudgetMs: 10_000 },
        (trainer) => {
          const run = trainer.runner.run.bind(trainer.runner);
          trainer.runner.run = (batches: readonly BatchSpec[]) => {
            if (batches.some((b) => b.step >= 20)) throw new Error('lost');
            return run(batches);
          };
        },
      );
      expect(r.outcome.status).toBe('failed');
      expect(tf.memory().numTensors).toBe(before);
    });

    test(`stopped run (${path})`, async () => {
      const outcome = await leakCheck(
        lectureMlp({ epochs: 500 }),
        xor(),
        { path, timeBudgetMs: 0 },
        30,
      );
      expect(outcome.status).toBe('stopped');
    });

    test(`diverged run (${path})`, async () => {
      const config = denseConfig({
        hidden: [{ units: 8, activation: 'relu' }],
        output: { units: 1, activation: 'linear' },
        optimizer: { kind: 'sgd', learningRate: 10 },
        batchSize: 2,
        epochs: 200,
        seed: 2,
      });
      const data: TrainData = {
        ...xor(),
        x: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
        y: new Float32Array(4).fill(1000),
      };
      const outcome = await leakCheck(config, data, { path });
      expect(outcome.status).toBe('diverged');
    });
  }
});

describe('pace', () => {
  test('epochsPerSecond slows a run down to at least its wall time', async () => {
    // 10 epochs of 4 steps at 20 epochs/s: step k may start after (k − 1)/80 s, so ≥ 39/80 s in all.
    const r = await record(lectureMlp({ epochs: 10 }), xor(), { epochsPerSecond: 20 });
    expect(r.outcome.status).toBe('done');
    expect(r.batches).toHaveLength(40);
    expect(r.wallMs).toBeGreaterThanOrEqual(450);
    // The reported training time leaves the waits out.
    expect(r.outcome.elapsedMs).toBeLessThan(r.wallMs / 2);
  });

  test('setPace before run() applies too', async () => {
    const r = await record(lectureMlp({ epochs: 5 }), xor(), {}, (trainer) => trainer.setPace(40));
    // 20 steps at 160 steps/s: ≥ 19/160 s.
    expect(r.wallMs).toBeGreaterThanOrEqual(110);
  });

  test('setPace mid-run throttles the steps; setPace(null) releases them', async () => {
    const config = lectureMlp({ epochs: 1000 });
    const built = buildModel(config);
    try {
      const trainer = new Trainer(built, config, xor(), { timeBudgetMs: 0 });
      let last = 0;
      let throttledAt = -1;
      trainer.on('batchEnd', (b) => {
        last = b.step;
        if (throttledAt < 0 && b.step >= 8) {
          throttledAt = b.step;
          trainer.setPace(20); // 80 steps per second
        }
      });
      const running = trainer.run();
      const start = performance.now();
      while (throttledAt < 0) await sleep(1);
      await sleep(300);
      const seconds = (performance.now() - start) / 1000;
      // Unthrottled, the whole 4,000 steps take a few ms; throttled, about 80 per second.
      expect(last - throttledAt).toBeLessThanOrEqual(Math.ceil(seconds * 80) + 8);
      expect(trainer.status).toBe('running');
      trainer.setPace(null);
      const outcome = await running;
      expect(outcome).toMatchObject({ status: 'done', step: 4000 });
    } finally {
      built.dispose();
    }
  });
});

describe('no data', () => {
  test('a run with no training examples fails with a clear message', async () => {
    const config = lectureMlp({ epochs: 2 });
    const built = buildModel(config);
    const outcome = await new Trainer(built, config, {
      x: new Float32Array(0),
      y: new Float32Array(0),
      count: 0,
      xShape: [2],
      yShape: [1],
    }).run();
    built.dispose();
    expect(outcome.status).toBe('failed');
    expect(outcome.step).toBe(0);
    expect(outcome.error).toBe('there are no training examples');
  });
});
