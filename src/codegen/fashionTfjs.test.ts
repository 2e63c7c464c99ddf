import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FASHION_FILES } from '../data/fashionMnist';
import { defaultOptimizer } from '../engine/config';
import { lectureSettings, type FashionSettings } from '../labs/fashion/settings';
import { setCpuBackend } from '../test/helpers';
import { fashionTfjs } from './tfjs';
import { FASHION_CASES } from './testing/cases';
import { fashionDataDir, nodeCheck, runModule } from './testing/run';
import { expectLabInitialWeights } from './testing/seeds';

beforeAll(setCpuBackend);

/** A small, quick variant of some settings: 16 units, one epoch. */
function quick(settings: FashionSettings, trainCount: number): FashionSettings {
  return {
    ...settings,
    trainCount,
    model: { ...settings.model, hidden: [{ units: 16, activation: 'relu' }], epochs: 1 },
  };
}

/** An IDX file of unsigned bytes: 0, 0, 0x08, rank, big-endian sizes, data. */
function idx(shape: number[], data: Uint8Array): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * shape.length));
  header.setUint8(2, 0x08);
  header.setUint8(3, shape.length);
  shape.forEach((size, i) => header.setUint32(4 + 4 * i, size));
  const out = new Uint8Array(header.byteLength + data.length);
  out.set(new Uint8Array(header.buffer));
  out.set(data, header.byteLength);
  return out;
}

/** Prints what the program printed after the model summary, for a failing assertion's message. */
function tail(text: string): string {
  return text.split('\n').slice(-40).join('\n');
}

describe("fashionTfjs, the lecture's settings", () => {
  const code = fashionTfjs(lectureSettings());

  test('builds, compiles and fits the lecture’s classifier', () => {
    expect(code).toContain('model.add(tf.layers.flatten({ inputShape: [28, 28] }));');
    expect(code.match(/units: 128,\n {4}activation: 'relu',/g)).toHaveLength(2);
    expect(code).toContain("units: 10,\n    activation: 'softmax',");
    expect(code).toContain('optimizer: tf.train.adam(0.001, 0.9, 0.999, 1e-7),');
    expect(code).toContain("loss: 'sparseCategoricalCrossentropy',\n  metrics: ['accuracy'],");
    expect(code).toContain('batchSize: 32,\n  epochs: EPOCHS,\n  shuffle: true,');
    expect(code).toContain('const EPOCHS = 10;');
    expect(code).toContain('const TRAIN_COUNT = 60000;');
    expect(code).not.toContain('validationSplit');
    expect(code).toContain('Float32Array.from(data.subarray(0, n * rows * cols), (v) => v / 255)');
    expect(code).toContain('model.predict(testX).argMax(1)');
    expect(code).toContain('model.evaluate(testX, testY)');
    expect(code).toContain('// ===== The data: fill in for your setup');
  });
});

describe('fashionTfjs follows each setting', () => {
  test('images used, validation share, batch size, epochs, optimizer, shuffling', () => {
    const code = fashionTfjs(
      FASHION_CASES['no hidden layer, SGD, 6,000 images, a fifth held out']!,
    );
    expect(code).toContain(
      'const TRAIN_COUNT = 6000; // the lab trains on the first 6,000 of the 60,000 images',
    );
    expect(code).toContain(
      '// the last 1,200 of the 6,000 images, to validate on after every epoch\n  validationSplit: 0.2,',
    );
    expect(code).toContain('batchSize: 128,');
    expect(code).toContain('const EPOCHS = 3;');
    expect(code).toContain('optimizer: tf.train.sgd(0.05),');
    expect(code.match(/tf\.layers\.dense\(/g)).toHaveLength(1);
    const rmsprop = fashionTfjs(
      FASHION_CASES['three hidden layers with sigmoid and tanh, RMSprop, no shuffling']!,
    );
    expect(rmsprop).toContain('optimizer: tf.train.rmsprop(0.0005, 0.8, 0, 1e-7),');
    expect(rmsprop).toContain('shuffle: false,');
    expect(rmsprop).toContain("units: 256,\n    activation: 'sigmoid',");
    expect(rmsprop).toContain('glorotUniform({ seed: 124107 })'); // 123 × 1009 + 0
    const momentum = fashionTfjs({
      ...lectureSettings(),
      model: { ...lectureSettings().model, optimizer: defaultOptimizer('momentum', 0.01) },
    });
    expect(momentum).toContain('optimizer: tf.train.momentum(0.01, 0.9),');
  });

  test("the layers' seeds give the lab's own initial weights", () => {
    const settings =
      FASHION_CASES['three hidden layers with sigmoid and tanh, RMSprop, no shuffling']!;
    expectLabInitialWeights(fashionTfjs(settings), settings.model);
  });
});

describe('the generated Fashion-MNIST program', () => {
  test.each(Object.entries(FASHION_CASES))('%s: parses (node --check)', (_, settings) => {
    const result = nodeCheck(fashionTfjs(settings));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  describe('runs in Node on small IDX files (two gzipped, two not)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-idx-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('reads them, trains, validates, evaluates and prints 25 predictions', () => {
      const pixels = (n: number) => Uint8Array.from({ length: n * 784 }, (_, i) => (i * 37) % 256);
      const labels = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 10);
      writeFileSync(
        join(dir, FASHION_FILES.trainImages),
        gzipSync(idx([120, 28, 28], pixels(120))),
      );
      writeFileSync(join(dir, FASHION_FILES.trainLabels), gzipSync(idx([120], labels(120))));
      writeFileSync(join(dir, FASHION_FILES.testImages), idx([30, 28, 28], pixels(30)));
      writeFileSync(join(dir, FASHION_FILES.testLabels), idx([30], labels(30)));
      const settings = { ...quick(lectureSettings(), 100), validationShare: 0.1 };
      const result = runModule(fashionTfjs(settings), [], { FASHION_MNIST_DIR: dir });
      expect(result.status, result.stderr).toBe(0);
      const out = result.stdout.split('\n');
      expect(out.slice(0, 4)).toEqual([
        'Train data shape [ 120, 28, 28 ]',
        'Train data labels [0 1 2 ... 7 8 9]',
        'Test data shape [ 30, 28, 28 ]',
        'Test data labels [0 1 2 ... 7 8 9]',
      ]);
      const text = result.stdout;
      expect(text, tail(text)).toMatch(
        /^Epoch 1\/1 - loss: \d+\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d+\.\d{4} - val_accuracy: \d\.\d{4}$/m,
      );
      expect(text).toMatch(/^Test loss: \d+\.\d{4}, test accuracy: \d\.\d{4}$/m);
      const predictions = out.filter((l) => /^[ \d]\d: .+ \(true: .+\)$/.test(l));
      expect(predictions).toHaveLength(25);
      expect(predictions[0]).toMatch(/^ 0: .+ \(true: T-shirt\/top\)$/);
      expect(predictions[24]).toMatch(/^24: .+ \(true: Coat\)$/);
    });

    test('says which file is not an IDX file', () => {
      const broken = mkdtempSync(join(tmpdir(), 'codegen-idx-'));
      try {
        writeFileSync(join(broken, FASHION_FILES.trainImages), 'not an IDX file');
        const settings = quick(lectureSettings(), 100);
        const result = runModule(fashionTfjs(settings), [], { FASHION_MNIST_DIR: broken });
        expect(result.status).not.toBe(0);
        expect(result.stderr).toContain(
          'train-images-idx3-ubyte.gz is not an IDX file of unsigned bytes',
        );
      } finally {
        rmSync(broken, { recursive: true, force: true });
      }
    });
  });

  const realDir = fashionDataDir(Object.values(FASHION_FILES));
  test.skipIf(!realDir)(
    `runs on the real Fashion-MNIST files${realDir ? '' : ' (skipped: no Fashion-MNIST files found)'}`,
    () => {
      const result = runModule(
        fashionTfjs({ ...quick(lectureSettings(), 1000), validationShare: 0.1 }),
        [],
        {
          FASHION_MNIST_DIR: realDir!,
        },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(
        'Train data shape [ 60000, 28, 28 ]\nTrain data labels [9 0 0 ... 3 0 5]',
      );
      expect(result.stdout).toContain('Test data shape [ 10000, 28, 28 ]');
      const accuracy = Number(/test accuracy: (\d\.\d{4})/.exec(result.stdout)?.[1]);
      // 900 images, one epoch: well above chance (0.10), far from trained.
      expect(accuracy).toBeGreaterThan(0.2);
    },
  );
});
