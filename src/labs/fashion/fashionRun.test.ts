import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FashionMnist } from '../../data/fashionMnist';
import { BackendController } from '../../engine/backendController';
import { setCpuBackend, testNumbers } from '../../test/helpers';
import { FashionRun, imageData } from './fashionRun';
import { lectureClassifier, splitCounts } from './settings';

beforeAll(setCpuBackend);

/** A tiny stand-in for Fashion-MNIST: each class lights up its own band of rows, plus noise. */
function tinySet(train: number, test: number): FashionMnist {
  const split = (count: number, seed: number) => {
    const noise = testNumbers(count * 784, seed, 0, 60);
    const images = Uint8Array.from(noise);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const label = i % 10;
      labels[i] = label;
      for (let p = label * 2 * 28; p < (label * 2 + 2) * 28; p++) images[i * 784 + p] = 255;
    }
    return { images, labels, count };
  };
  return { train: split(train, 1), test: split(test, 2), rows: 28, cols: 28 };
}

describe('splitCounts and imageData', () => {
  test('validation is the last share of the images used, as Keras validation_split', () => {
    expect(splitCounts({ trainCount: 60_000, validationShare: 0 })).toEqual({
      train: 60_000,
      validation: 0,
    });
    expect(splitCounts({ trainCount: 6_000, validationShare: 0.1 })).toEqual({
      train: 5_400,
      validation: 600,
    });
    const data = tinySet(20, 10);
    const val = imageData(data.train, 15, 5);
    expect(val.count).toBe(5);
    expect(Array.from(val.y)).toEqual([5, 6, 7, 8, 9]);
    expect(val.x[0]).toBe(data.train.images[15 * 784]);
    expect(val.xScale).toBeCloseTo(1 / 255, 12);
  });
});

describe('FashionRun', () => {
  test('trains, validates every epoch, judges the test set, and frees every tensor', async () => {
    const data = tinySet(300, 100);
    const run = new FashionRun(new BackendController('cpu'));
    const before = tf.memory().numTensors;
    const phases: string[] = [];
    run.on('change', (s) => phases.at(-1) !== s.phase && phases.push(s.phase));
    await run.start(
      {
        model: {
          ...lectureClassifier(),
          hidden: [{ units: 32, activation: 'relu' }],
          epochs: 3,
          batchSize: 16,
        },
        trainCount: 300,
        validationShare: 0.2,
      },
      data,
    );
    const s = run.state;
    expect(phases).toEqual(['preparing', 'running', 'evaluating', 'finished']);
    expect(s.outcome?.status).toBe('done');
    expect(s.trainCount).toBe(240);
    expect(s.validationCount).toBe(60);
    expect(s.batchesPerEpoch).toBe(15);
    expect(s.batchLosses).toHaveLength(45);
    expect(s.samplesSeen).toBe(720);
    expect(s.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(s.epochs.every((e) => e.valLoss !== null && e.valAccuracy !== null)).toBe(true);
    const test = s.test!;
    expect(test.predicted).toHaveLength(100);
    expect(test.confusion.reduce((a, b) => a + b, 0)).toBe(100);
    let right = 0;
    for (let c = 0; c < 10; c++) right += test.confusion[c * 10 + c]!;
    expect(right / 100).toBeCloseTo(test.accuracy, 10);
    expect(test.accuracy).toBeGreaterThan(0.5); // the bands make it easy; chance is 0.1
    expect(s.firstLayer?.units).toBe(32);
    expect(s.firstLayer?.kernel).toHaveLength(784 * 32);
    run.dispose();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a stopped run is still judged on what it learned', async () => {
    const run = new FashionRun(new BackendController('cpu'));
    const started = run.start(
      {
        model: { ...lectureClassifier(), epochs: 50, batchSize: 8 },
        trainCount: 300,
        validationShare: 0,
      },
      tinySet(300, 50),
    );
    await new Promise<void>((resolve) => {
      const off = run.on('change', (s) => {
        if (s.step > 20) {
          off();
          resolve();
        }
      });
    });
    run.stop();
    await started;
    expect(run.state.outcome?.status).toBe('stopped');
    expect(run.state.epoch).toBeLessThan(50);
    expect(run.state.test?.predicted).toHaveLength(50);
    run.dispose();
  });
});
