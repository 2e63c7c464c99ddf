import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  denseConfig,
  expectAllClose,
  readWeights,
  setCpuBackend,
  testNumbers,
} from '../test/helpers';
import type { TrainData } from './batch';
import type { ModelConfig } from './config';
import { evaluateModel } from './evaluate';
import { buildModel } from './model';
import { Trainer, type EpochEnd } from './trainer';

beforeAll(setCpuBackend);

/** A small image-like classification set: bytes 0–255 scaled by 1/255, 3 classes. */
function byteImages(count: number, seed: number): TrainData {
  const u = testNumbers(count * 12, seed, 0, 1);
  const x = Uint8Array.from(u, (v) => Math.floor(v * 256));
  const y = new Uint8Array(count);
  for (let i = 0; i < count; i++) y[i] = (x[i * 12]! + x[i * 12 + 5]!) % 3;
  return { x, y, count, xShape: [3, 4], yShape: [1], xScale: 1 / 255 };
}

const classifier = (overrides: Partial<ModelConfig> = {}): ModelConfig =>
  denseConfig({
    inputShape: [3, 4],
    hidden: [{ units: 8, activation: 'relu' }],
    output: { units: 3, activation: 'softmax' },
    loss: 'sparseCategoricalCrossentropy',
    optimizer: { kind: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    batchSize: 7,
    epochs: 2,
    seed: 5,
    ...overrides,
  });

/** The same data as floats already divided by 255. */
function asFloats(data: TrainData): TrainData {
  return {
    ...data,
    x: Float32Array.from(data.x, (v) => v / 255),
    xScale: 1,
    y: Float32Array.from(data.y),
  };
}

describe('evaluateModel', () => {
  test('loss, accuracy and outputs equal tfjs on the whole set at once, whatever the chunk size', async () => {
    const config = classifier();
    const data = byteImages(53, 1);
    const built = buildModel(config);
    try {
      const floats = asFloats(data);
      const { loss, acc, probs } = tf.tidy(() => {
        const pred = built.model.predict(tf.tensor(floats.x, [53, 3, 4])) as tf.Tensor;
        const labels = tf.oneHot(tf.tensor1d(Array.from(data.y), 'int32'), 3);
        const ce = tf.mean(tf.metrics.categoricalCrossentropy(labels, pred));
        const right = tf.mean(
          tf.cast(tf.equal(tf.argMax(pred, -1), tf.argMax(labels, -1)), 'float32'),
        );
        return {
          loss: ce.dataSync()[0]!,
          acc: right.dataSync()[0]!,
          probs: pred.dataSync() as Float32Array,
        };
      });
      for (const batchSize of [1, 10, 53, 1000]) {
        const e = await evaluateModel(built.model, data, config, { batchSize, keepOutputs: true });
        expect(e.loss).toBeCloseTo(loss, 5);
        expect(e.accuracy).toBeCloseTo(acc, 6);
        expectAllClose(e.outputs!, probs, { rel: 1e-5, abs: 1e-7, label: `batch ${batchSize}` });
      }
      const noOutputs = await evaluateModel(built.model, data, config);
      expect(noOutputs.outputs).toBeNull();
    } finally {
      built.dispose();
    }
  });

  test('reports progress and leaks no tensors', async () => {
    const config = classifier();
    const built = buildModel(config);
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    await evaluateModel(built.model, byteImages(25, 2), config, {
      batchSize: 10,
      keepOutputs: true,
      onProgress: (done) => seen.push(done),
    });
    // The first pass has the size asked for; later ones adapt to the time they take.
    expect(seen[0]).toBe(10);
    expect(seen.at(-1)).toBe(25);
    expect(seen.every((done, i) => i === 0 || done > seen[i - 1]!)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    built.dispose();
  });
});

describe('bytes with xScale train exactly like pre-scaled floats', () => {
  for (const path of ['auto', 'tfjs'] as const) {
    test(`${path} path`, async () => {
      const config = classifier();
      const data = byteImages(30, 3);
      const a = buildModel(config);
      const b = buildModel(config);
      try {
        const ta = new Trainer(a, config, data, { path });
        await ta.run();
        await new Trainer(b, config, asFloats(data), { path }).run();
        expect(ta.runner.kind).toBe(path === 'auto' ? 'fused' : 'tfjs');
        readWeights(a.model).forEach((w, i) =>
          expectAllClose(w, readWeights(b.model)[i]!, {
            rel: 1e-5,
            abs: 1e-6,
            label: `weight ${i}`,
          }),
        );
      } finally {
        a.dispose();
        b.dispose();
      }
    });
  }
});

describe('validation at the end of every epoch', () => {
  for (const path of ['auto', 'tfjs'] as const) {
    test(`${path} path: each epoch's validation equals evaluating a model trained that many epochs`, async () => {
      const config = classifier({ epochs: 3, batchSize: 4 });
      const train = byteImages(22, 4);
      const val = byteImages(15, 5);
      const built = buildModel(config);
      const epochs: EpochEnd[] = [];
      const trainer = new Trainer(built, config, train, { path, validation: val });
      trainer.on('epochEnd', (e) => epochs.push(e));
      await trainer.run();
      built.dispose();
      expect(epochs).toHaveLength(3);
      for (const e of epochs) {
        const again = buildModel({ ...config, epochs: e.epoch });
        await new Trainer(again, { ...config, epochs: e.epoch }, train, { path }).run();
        const want = await evaluateModel(again.model, val, config);
        again.dispose();
        expect(e.valLoss).toBeCloseTo(want.loss, 5);
        expect(e.valAccuracy).toBeCloseTo(want.accuracy!, 6);
      }
      expect(new Set(epochs.map((e) => e.valLoss)).size).toBe(3);
    });
  }

  test('without validation data the fields are null', async () => {
    const config = classifier({ epochs: 1 });
    const built = buildModel(config);
    const epochs: EpochEnd[] = [];
    const trainer = new Trainer(built, config, byteImages(10, 6));
    trainer.on('epochEnd', (e) => epochs.push(e));
    await trainer.run();
    built.dispose();
    expect(epochs[0]!.valLoss).toBeNull();
    expect(epochs[0]!.valAccuracy).toBeNull();
  });
});
