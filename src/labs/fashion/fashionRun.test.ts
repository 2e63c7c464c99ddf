import * as tf from '@tensorflow/tfjs';
import { File } from 'node:buffer';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FashionMnist } from '../../data/fashionMnist';
import { BackendController } from '../../engine/backendController';
import { buildModel } from '../../engine/model';
import { modelFiles } from '../../engine/modelFiles';
import { rejectionInEnglish } from '../../test/english';
import { denseConfig, expectAllClose, setCpuBackend, testNumbers } from '../../test/helpers';
import { fashionImages } from '../../data/fashionMnist';
import { FashionRun } from './fashionRun';
import { lectureClassifier, splitCounts, type FashionSettings } from './settings';

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

describe('splitCounts and fashionImages', () => {
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
    const val = fashionImages(data.train, 15, 5);
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

describe('FashionRun.loadModel', () => {
  const settings: FashionSettings = {
    model: {
      ...lectureClassifier(),
      hidden: [{ units: 32, activation: 'relu' }],
      epochs: 2,
      batchSize: 16,
    },
    trainCount: 200,
    validationShare: 0,
  };
  const data = tinySet(200, 60);
  const NAME = 'fashion_mnist_classifier';

  /** The two files as a browser gives them, from the files `model.save` writes. */
  const asFiles = ({ json, weights }: Awaited<ReturnType<FashionRun['savedFiles']>>) => [
    new File([json.text], json.name),
    new File([new Uint8Array(weights.data)], weights.name),
  ];

  /** A run that has trained on the tiny set, and the files of its model. */
  async function trainedRun() {
    const run = new FashionRun(new BackendController('cpu'));
    await run.start(settings, data);
    expect(run.state.outcome?.status).toBe('done');
    return { run, files: asFiles(await run.savedFiles(NAME)) };
  }

  const freed = async (...runs: FashionRun[]) => {
    runs.forEach((r) => r.dispose());
    await new Promise((resolve) => setTimeout(resolve, 10));
  };

  test('a downloaded model loads into a fresh lab and is judged exactly as the trained one', async () => {
    const { run: trained, files } = await trainedRun();
    const fresh = new FashionRun(new BackendController('cpu'));
    expect(fresh.hasModel()).toBe(false);
    await fresh.loadModel(files.slice().reverse(), settings, data);
    const s = fresh.state;
    const t = trained.state;
    expect(s.phase).toBe('finished');
    expect(s.loadedFrom).toBe(`${NAME}.json`);
    expect(s.backend).toBe('cpu');
    expect(s.epochs).toEqual([]); // nothing trained here
    expect(fresh.hasModel()).toBe(true);
    expect(t.test!.accuracy).toBeGreaterThan(0.5); // a trained model, not a random one
    expect(s.test!.accuracy).toBe(t.test!.accuracy);
    expect(s.test!.loss).toBeCloseTo(t.test!.loss, 6);
    expect(Array.from(s.test!.predicted)).toEqual(Array.from(t.test!.predicted));
    expect(Array.from(s.test!.confusion)).toEqual(Array.from(t.test!.confusion));
    expectAllClose(s.test!.probabilities, t.test!.probabilities, { label: 'probabilities' });
    expectAllClose(s.firstLayer!.kernel, t.firstLayer!.kernel, { label: 'first layer' });
    // And it saves the same weights again.
    const again = await fresh.savedFiles(NAME);
    expect(new Uint8Array(again.weights.data)).toEqual(
      new Uint8Array(await files[1]!.arrayBuffer()),
    );
    await freed(trained, fresh);
  });

  test('a model of another architecture, or a damaged file, is refused and changes nothing', async () => {
    const { run, files } = await trainedRun();
    const before = run.state;
    const weightsBefore = (await run.savedFiles(NAME)).weights.data;
    const tensors = tf.memory().numTensors;

    const other = buildModel({ ...settings.model, hidden: [{ units: 16, activation: 'relu' }] });
    const otherFiles = asFiles(await modelFiles(other.model, NAME));
    other.dispose();
    expect(await rejectionInEnglish(run.loadModel(otherFiles, settings, data))).toBe(
      "the file's model has hidden layers [16], this model has [32]: change the model’s settings (step 2) to match the file, or choose another file",
    );

    const gates = buildModel(denseConfig({ hidden: [{ units: 32, activation: 'relu' }] }));
    const gatesFiles = asFiles(await modelFiles(gates.model, 'and_mlp'));
    gates.dispose();
    expect(await rejectionInEnglish(run.loadModel(gatesFiles, settings, data))).toContain(
      "the file's model takes inputs of shape [2], this model takes [28, 28]",
    );

    const sigmoid = {
      ...settings,
      model: { ...settings.model, hidden: [{ units: 32, activation: 'sigmoid' as const }] },
    };
    expect(await rejectionInEnglish(run.loadModel(files, sigmoid, data))).toContain(
      "the file's model has hidden activations [relu], this model has [sigmoid]",
    );

    const [json, weights] = files as [File, File];
    const bytes = new Uint8Array(await weights.arrayBuffer());
    const cut = new File([bytes.subarray(0, 1000)], weights.name);
    expect(await rejectionInEnglish(run.loadModel([json, cut], settings, data))).toContain(
      `${NAME}.weights.bin has 1,000 bytes, but ${NAME}.json describes ${bytes.length.toLocaleString('en')}`,
    );
    const garbled = new File([(await json.text()).slice(0, 200)], json.name);
    expect(await rejectionInEnglish(run.loadModel([garbled, weights], settings, data))).toContain(
      `${NAME}.json is not a model file: it is not valid JSON`,
    );

    expect(run.state).toBe(before);
    expect(tf.memory().numTensors).toBe(tensors);
    const weightsAfter = (await run.savedFiles(NAME)).weights.data;
    expect(new Uint8Array(weightsAfter)).toEqual(new Uint8Array(weightsBefore));
    await freed(run);
  });

  test('no model loads while a run is on', async () => {
    const { files } = await trainedRun().then(async (r) => {
      await freed(r.run);
      return r;
    });
    const run = new FashionRun(new BackendController('cpu'));
    const started = run.start({ ...settings, model: { ...settings.model, epochs: 50 } }, data);
    await new Promise<void>((resolve) => {
      const off = run.on('change', (s) => {
        if (s.phase === 'running') {
          off();
          resolve();
        }
      });
    });
    expect(await rejectionInEnglish(run.loadModel(files, settings, data))).toBe(
      'wait until training has finished, or stop it, before loading a model',
    );
    expect(run.state.loadedFrom).toBeNull();
    run.stop();
    await started;
    await freed(run);
  });

  test('a loaded model is freed when a new run replaces it', async () => {
    const { run: trained, files } = await trainedRun();
    await freed(trained);
    const tensors = tf.memory().numTensors;
    const run = new FashionRun(new BackendController('cpu'));
    await run.loadModel(files, settings, data);
    await run.loadModel(files, settings, data); // the first loaded model is freed
    await run.start(settings, data);
    expect(run.state.loadedFrom).toBeNull();
    await freed(run);
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
