import { beforeAll, describe, expect, test } from 'vitest';
import { ENGINE_LIMITS, modelConfigSchema } from '../../engine/config';
import { buildModel } from '../../engine/model';
import { setCpuBackend } from '../../test/helpers';
import { gateModelSchema, lectureModel, lectureSettings, modelName } from './settings';

beforeAll(setCpuBackend);

describe('the lecture configs', () => {
  test('modelConfigSchema (engine limits and the gates lab limits) accepts the lecture SLP and MLP', () => {
    for (const config of [lectureModel([]), lectureModel([4]), lectureModel([4, 4], 0)]) {
      const engine = modelConfigSchema(ENGINE_LIMITS).safeParse(config);
      expect(engine.success, JSON.stringify(engine.error?.issues)).toBe(true);
      expect(engine.data).toEqual(config);
      expect(gateModelSchema.safeParse(config).success).toBe(true);
    }
  });

  test("are the lecture's: 2 inputs, sigmoid, 1 sigmoid output, SGD 0.1, MSE, batch 1, 1500 epochs, seed 8", () => {
    expect(lectureModel([4])).toEqual({
      inputShape: [2],
      hidden: [{ units: 4, activation: 'sigmoid' }],
      output: { units: 1, activation: 'sigmoid' },
      loss: 'mse',
      optimizer: { kind: 'sgd', learningRate: 0.1 },
      batchSize: 1,
      epochs: 1500,
      shuffle: true,
      seed: 8,
    });
    const { gate, models } = lectureSettings();
    expect(gate).toBe('XOR');
    expect(models.map(modelName)).toEqual(['SLP', 'MLP [4]']);
    expect(modelName(lectureModel([8, 4]))).toBe('MLP [8, 4]');
  });

  test('the schema rejects what the gates lab does not offer, with the field path', () => {
    const bad = { ...lectureModel([4]), hidden: [{ units: 4, activation: 'softmax' }], epochs: 0 };
    const result = gateModelSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('hidden.0.activation');
    expect(paths).toContain('epochs');
    expect(modelConfigSchema().safeParse({ ...lectureModel([]), seed: 2 ** 31 }).success).toBe(
      false,
    );
  });

  test('lecture configs build', () => {
    const built = buildModel(lectureModel([4]));
    expect(built.model.countParams()).toBe(17);
    built.dispose();
  });
});
