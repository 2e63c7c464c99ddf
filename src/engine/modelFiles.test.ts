import * as tf from '@tensorflow/tfjs';
import { File } from 'node:buffer';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { denseConfig, expectAllClose, setCpuBackend } from '../test/helpers';
import type { ModelConfig } from './config';
import { buildModel } from './model';
import { inEnglish, rejectionInEnglish } from '../test/english';
import { checkLoadedModel, loadModelFiles, modelFiles } from './modelFiles';

beforeAll(setCpuBackend);

const mlp = (hidden: number[], seed = 8): ModelConfig =>
  denseConfig({ hidden: hidden.map((units) => ({ units, activation: 'sigmoid' })), seed });

const INPUTS = tf.tensor2d([0, 0, 0, 1, 1, 0, 1, 1], [4, 2]);
const predict = (model: tf.LayersModel) =>
  Float32Array.from((model.predict(INPUTS) as tf.Tensor).dataSync());

const toFree: { dispose(): void }[] = [];
afterEach(() => toFree.splice(0).forEach((m) => m.dispose()));

/** Saves a freshly built model as `model.save('downloads://name')` would: the JSON and the weights. */
async function saved(config: ModelConfig, name = 'and_mlp') {
  const built = buildModel(config);
  toFree.push(built);
  const { json, weights } = await modelFiles(built.model, name);
  const weightBytes = weights.data;
  return {
    model: built.model,
    json: new File([json.text], json.name),
    weights: new File([new Uint8Array(weightBytes)], weights.name),
    weightBytes,
  };
}

async function load(files: File[]) {
  const model = await loadModelFiles(files);
  toFree.push(model);
  return model;
}

describe('loadModelFiles and checkLoadedModel', () => {
  test('the same weights give the same predictions, and the architecture fits', async () => {
    const config = mlp([4]);
    const { model, json, weights } = await saved(config);
    // In either order.
    const loaded = await load([weights, json]);
    expect(checkLoadedModel(loaded, config)).toBeNull();
    expectAllClose(predict(loaded), predict(model), { label: 'predictions' });
  });

  test('a renamed weights file (a second download) still loads', async () => {
    const { model, json, weightBytes } = await saved(mlp([4]));
    const loaded = await load([
      json,
      new File([new Uint8Array(weightBytes)], 'and_mlp (1).weights.bin'),
    ]);
    expectAllClose(predict(loaded), predict(model), { label: 'predictions' });
  });

  test('a model of another shape is refused with what differs', async () => {
    const { json, weights } = await saved(mlp([8]));
    const loaded = await load([json, weights]);
    expect(inEnglish(checkLoadedModel(loaded, mlp([4]))!)).toBe(
      "the file's model has hidden layers [8], this model has [4]",
    );
    expect(inEnglish(checkLoadedModel(loaded, mlp([]))!)).toBe(
      "the file's model has hidden layers [8], this model has []",
    );
    const tanh = denseConfig({ hidden: [{ units: 8, activation: 'tanh' }] });
    expect(inEnglish(checkLoadedModel(loaded, tanh)!)).toBe(
      "the file's model has hidden activations [sigmoid], this model has [tanh]",
    );
    const wide = denseConfig({ inputShape: [3], hidden: [{ units: 8, activation: 'sigmoid' }] });
    expect(inEnglish(checkLoadedModel(loaded, wide)!)).toBe(
      "the file's model takes inputs of shape [2], this model takes [3]",
    );
  });

  test('a truncated weights file is refused, naming it', async () => {
    const { json, weightBytes } = await saved(mlp([4]));
    const cut = new File([new Uint8Array(weightBytes, 0, 40)], 'and_mlp.weights.bin');
    expect(await rejectionInEnglish(loadModelFiles([json, cut]))).toContain(
      'and_mlp.weights.bin has 40 bytes, but and_mlp.json describes 68',
    );
  });

  test('a file that is not JSON, or not a model, is refused, naming it', async () => {
    const { weights } = await saved(mlp([4]));
    expect(
      await rejectionInEnglish(
        loadModelFiles([new File(['{"modelTopology": [1, 2'], 'and_mlp.json'), weights]),
      ),
    ).toContain('and_mlp.json is not a model file: it is not valid JSON');
    expect(
      await rejectionInEnglish(loadModelFiles([new File(['{"hello": 1}'], 'other.json'), weights])),
    ).toContain('other.json is not a TensorFlow.js model file');
  });

  test('a missing file is named', async () => {
    const { json, weights } = await saved(mlp([4]));
    expect(await rejectionInEnglish(loadModelFiles([weights]))).toContain('no model file (.json)');
    expect(await rejectionInEnglish(loadModelFiles([json]))).toContain(
      'the weights file is missing: choose and_mlp.json together with and_mlp.weights.bin',
    );
  });
});
